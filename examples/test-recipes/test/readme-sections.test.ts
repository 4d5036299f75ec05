/**
 * Each shipped README's "Test against the simulator" section works when pasted into an app: its ```ts
 * blocks are written to .readme/ as they are and run by vitest in a child process against the built
 * packages. The one substitution: the standalone block's `http://127.0.0.1:4010` becomes the address
 * of a `goskit-sim` this test started (the README assumes one on the default port).
 */

import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, exampleDir, repoRoot, run, startGoskitSim } from './support.js';

const READMES = { simulator: 'mocks/simulator/README.md', gosuslugi: 'packages/gosuslugi/README.md' };

/** The ```ts blocks of the section headed `## Test against the simulator`. */
function sectionBlocks(markdown: string): string[] {
  const start = markdown.indexOf('\n## Test against the simulator\n');
  if (start === -1) {
    return [];
  }
  const next = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, next === -1 ? undefined : next);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);
}

const readmeDir = join(exampleDir, '.readme');
let goskitSim: { url: string; child: ChildProcess } | undefined;

beforeAll(async () => {
  ensureBuilt();
  goskitSim = await startGoskitSim(['--seed', 'readme']);
}, 600_000);
afterAll(() => {
  goskitSim?.child.kill('SIGTERM');
  rmSync(readmeDir, { recursive: true, force: true });
});

describe('README "Test against the simulator" sections, pasted into an app', () => {
  it('each README has the section with runnable blocks', () => {
    for (const [name, path] of Object.entries(READMES)) {
      const blocks = sectionBlocks(readFileSync(join(repoRoot, path), 'utf8'));
      expect(blocks.length, `${name} README`).toBeGreaterThan(0);
      for (const block of blocks) {
        expect(block).toMatch(/from '@goskit\/simulator/);
        expect(block).toMatch(/\btest\(/);
      }
    }
  });

  it('every block passes under vitest against the built packages', async () => {
    rmSync(readmeDir, { recursive: true, force: true });
    mkdirSync(readmeDir, { recursive: true });
    let files = 0;
    for (const [name, path] of Object.entries(READMES)) {
      sectionBlocks(readFileSync(join(repoRoot, path), 'utf8')).forEach((block, index) => {
        const code = block.replaceAll('http://127.0.0.1:4010', goskitSim?.url ?? 'http://127.0.0.1:4010');
        writeFileSync(join(readmeDir, `${name}-${index + 1}.test.ts`), code);
        files += 1;
      });
    }
    const vitest = join(repoRoot, 'node_modules/vitest/vitest.mjs');
    const result = await run(process.execPath, [vitest, 'run', '--config', 'readme.vitest.config.ts'], {
      VITEST: '',
      NODE_ENV: '',
    });
    expect(result.output, result.output).toMatch(new RegExp(`Test Files\\s+${files} passed \\(${files}\\)`));
    expect(result.code).toBe(0);
  }, 240_000);
});
