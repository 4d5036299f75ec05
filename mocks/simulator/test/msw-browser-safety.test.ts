/**
 * setupWorker runs in a browser: nothing statically reachable from the MSW adapter or
 * createSimulator may import a node-only module. (listen() loads the node server dynamically.)
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const NODE_ONLY = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const STATIC_IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm;

function staticGraph(entry: string): { files: string[]; bare: Map<string, string> } {
  const seen = new Set<string>();
  const bare = new Map<string, string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) {
      continue;
    }
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = match[1] as string;
      if (specifier.startsWith('.')) {
        stack.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      } else {
        bare.set(specifier, file);
      }
    }
  }
  return { files: [...seen], bare };
}

describe('browser safety of the MSW path', () => {
  it.each(['../src/adapters/msw/handlers.ts', '../src/browser.ts'])(
    '%s imports no node-only module',
    (entry) => {
      const { files, bare } = staticGraph(fileURLToPath(new URL(entry, import.meta.url)));
      expect(files.length).toBeGreaterThan(3);
      const offenders = [...bare].filter(([specifier]) => NODE_ONLY.has(specifier));
      expect(offenders).toEqual([]);
      expect([...bare.keys()].sort()).toEqual(expect.arrayContaining(['msw']));
    },
  );
});
