import type { Options } from 'tsup';

/**
 * One build shape for every package: ESM + CJS + types, tree-shakeable, Node 20.19 floor.
 *
 * Class names are API (`error.name === 'EsiaError'`, and the cross-copy brand of goskit errors is the
 * class name), but esbuild renames classes: a class that refers to itself becomes `class _EsiaError`,
 * and in CJS a lazily initialised module assigns anonymous classes (`SimulatorError.name === ''`).
 * - CJS builds keep every name (`keepNames`): nobody tree-shakes CommonJS.
 * - ESM builds do not: keepNames wraps every function in a top-level `__name()` call, which stops
 *   bundlers from dropping unused code (@goskit/validation's bundle grew from 8.8 to 25.9 kB). Error
 *   classes name themselves instead (`static override readonly name: string = 'EsiaError'`), which
 *   esbuild keeps as a side-effect-free static field. scripts/check-tarballs.mjs checks both builds.
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
    esbuildOptions(options, context) {
      if (context.format === 'cjs') {
        options.keepNames = true;
      }
    },
    ...overrides,
  };
}
