import type { Options } from 'tsup';

/**
 * One build shape for every package: ESM + CJS + types, tree-shakeable, Node 20.19 floor.
 * `keepNames`: esbuild renames classes it hoists (`_EsiaError`, or '' in CJS); error classes are
 * part of the API — `error.name === 'EsiaError'`, and the cross-copy brand of goskit errors is the
 * class name — so names are pinned in every build.
 */
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
    keepNames: true,
    ...overrides,
  };
}
