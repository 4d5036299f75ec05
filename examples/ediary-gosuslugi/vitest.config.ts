import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.config.ts';

// Standalone config for `pnpm vitest run --root examples/ediary-gosuslugi`; the root config runs the
// same tests as project 'example-ediary-gosuslugi'.
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
});
