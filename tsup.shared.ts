import type { Options } from 'tsup';

/** One build shape for every package: ESM + CJS + types, tree-shakeable, Node 20.19 floor. */
export function packageConfig(overrides: Partial<Options> = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    treeshake: true,
    ...overrides,
  };
}
