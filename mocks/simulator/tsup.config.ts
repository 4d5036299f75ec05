import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.shared.ts';

// ESM: the library entries in one build, so they share chunks, importing @goskit/* and msw as the
// dependencies they are. CJS: only the entries a `require` can reach. The bin: one bundled file with
// its dependencies inside (docs/decisions/086-bundled-cli.md): Node 20 has no compile cache, and
// loading ~200 separate modules (zod alone is 130 files) was most of its start-up.
// No source maps: the output is readable as it is, and maps were most of the tarball.
export default defineConfig([
  packageConfig({
    entry: ['src/index.ts', 'src/browser.ts', 'src/msw.ts', 'src/msw-node.ts', 'src/portal-kit.ts'],
    format: ['esm'],
    sourcemap: false,
  }),
  packageConfig({
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    platform: 'node',
    splitting: false,
    // esbuild's own tree shaking; tsup's extra rollup pass would rename the banner's `require`.
    treeshake: false,
    minify: true,
    // Everything but msw (an optional peer the user installs) goes into the file.
    noExternal: [/^(?!msw(\/|$)).*/],
    external: ['msw'],
    // Bundled CommonJS dependencies call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __goskitRequire } from 'node:module';\nconst require = __goskitRequire(import.meta.url);",
    },
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
