import { resolve } from 'node:path';
import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.shared.ts';

/** The bin never serves MSW handlers; skipping msw's import keeps `goskit-sim` ready in ≤ 500 ms. */
const withoutMsw = {
  name: 'goskit-sim-without-msw',
  setup(build: { onResolve(options: { filter: RegExp }, callback: () => { path: string }): void }) {
    build.onResolve({ filter: /^msw$/ }, () => ({ path: resolve('src/cli/msw-unavailable.ts') }));
  },
};

// Two builds: the library (ESM + CJS + types) and the goskit-sim bin (ESM with a shebang).
export default defineConfig([
  // The browser entry leaves out node:http (sim.listen rejects there); see package.json "browser".
  packageConfig({ entry: ['src/index.ts', 'src/browser.ts'] }),
  packageConfig({
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    clean: false,
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    // Workspace packages are inlined so the bin starts from one file.
    noExternal: [/^@goskit\//, /^msw$/],
    esbuildPlugins: [withoutMsw],
  }),
]);
