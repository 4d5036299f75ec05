import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.config.ts';

// Standalone config for `pnpm vitest run --root examples/gospochta-notices`; the root config runs the
// same tests as project 'example-gospochta-notices'.
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
