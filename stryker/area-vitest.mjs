/**
 * A vitest config holding one area's tests only, with the workspace aliases of the root config so
 * tests import sibling packages from source (inside Stryker's sandbox, the mutated source).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../vitest.config.ts';
import { AREAS } from './areas.mjs';

export function areaVitestConfig(name) {
  const area = AREAS[name];
  return defineConfig({
    resolve: { alias: workspaceAliases },
    test: {
      root: fileURLToPath(new URL(`../${area.tests.root}`, import.meta.url)),
      include: [...area.tests.include],
      testTimeout: 20_000,
      hookTimeout: 30_000,
    },
  });
}
