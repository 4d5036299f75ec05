/**
 * Runs the README code blocks that test/readme-sections.test.ts writes to .readme/, as a fresh app
 * would: no aliases, so `@goskit/*` resolve to the built packages through node_modules.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['.readme/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
