import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.shared.ts';

// ESM: every entry in one build, so they share chunks (the bin reuses the library's code) and import
// @goskit/* and msw as the dependencies they are. CJS: only the entries a `require` can reach.
// No source maps: the output is readable as it is, and maps were most of the tarball.
export default defineConfig([
  packageConfig({
    entry: [
      'src/index.ts',
      'src/browser.ts',
      'src/msw.ts',
      'src/msw-node.ts',
      'src/portal-kit.ts',
      'src/cli.ts',
    ],
    format: ['esm'],
    sourcemap: false,
  }),
  packageConfig({
    entry: ['src/index.ts', 'src/msw.ts', 'src/msw-node.ts', 'src/portal-kit.ts'],
    format: ['cjs'],
    sourcemap: false,
    // Node's CJS has no import.meta.url: esbuild's shim gives load-msw.ts its createRequire base.
    shims: true,
    // Shared chunks, so index.cjs and portal-kit.cjs hand out the same SimulatorError class.
    splitting: true,
    clean: false,
  }),
]);
