import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import sibling packages from source, so `pnpm test` needs no build step
// and a stack trace points at the file you edit.
const src = (dir: string, entry = 'index') =>
  fileURLToPath(new URL(`./${dir}/src/${entry}.ts`, import.meta.url));

// Subpath exports first: Vite matches a key as a prefix too, in declaration order.
export const workspaceAliases = {
  '@goskit/simulator/portal-kit': src('mocks/simulator', 'portal-kit'),
  '@goskit/simulator/msw/node': src('mocks/simulator', 'msw-node'),
  '@goskit/simulator/msw': src('mocks/simulator', 'msw'),
  '@goskit/core': src('packages/core'),
  '@goskit/validation/stream': src('packages/validation', 'stream/index'),
  '@goskit/validation': src('packages/validation'),
  // Before '@goskit/crypto': an alias also matches as a prefix, and the first match wins.
  '@goskit/crypto/asn1': fileURLToPath(new URL('./packages/crypto/src/asn1/index.ts', import.meta.url)),
  '@goskit/crypto': src('packages/crypto'),
  '@goskit/gosuslugi': src('packages/gosuslugi'),
  '@goskit/gospochta/protocol': src('packages/gospochta', 'protocol'),
  '@goskit/paragraf/export-generator': fileURLToPath(
    new URL('./packages/paragraf/src/export-generator.ts', import.meta.url),
  ),
  '@goskit/paragraf': src('packages/paragraf'),
  '@goskit/redis': src('packages/redis'),
  '@goskit/gospochta': src('packages/gospochta'),
  '@goskit/sferum/max': src('packages/sferum', 'max'),
  '@goskit/sferum': src('packages/sferum'),
  '@goskit/simulator': src('mocks/simulator'),
};

const project = (name: string, dir: string, extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  test: { name, root: `./${dir}`, include: ['test/**/*.test.ts', 'src/**/*.test.ts'], ...extra },
});

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // vitest's default is one worker fewer than the cores: one worker on a 2-core CI machine. Most
    // suites wait on sockets, child processes and the browser, so two files at a time fit on two cores.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      project('core', 'packages/core'),
      // The transport's behaviour suites again, with ky as the engine (docs/decisions/008).
      {
        extends: true as const,
        resolve: {
          alias: {
            ...workspaceAliases,
            '@goskit/core': fileURLToPath(
              new URL('./packages/core/test/helpers/core-on-ky.ts', import.meta.url),
            ),
          },
        },
        test: {
          name: 'core-ky',
          root: './packages/core',
          include: [
            'test/transport.test.ts',
            'test/retry.test.ts',
            'test/timeout-abort.test.ts',
            'test/transport-limiter.test.ts',
            'test/token-provider.test.ts',
            'test/logger-hooks.test.ts',
            'test/redaction-leak.test.ts',
            'test/pre-send.test.ts',
            'test/transport-caps.test.ts',
          ],
        },
      },
      project('validation', 'packages/validation'),
      project('crypto', 'packages/crypto'),
      project('gosuslugi', 'packages/gosuslugi'),
      project('paragraf', 'packages/paragraf'),
      project('redis', 'packages/redis'),
      project('gospochta', 'packages/gospochta'),
      project('sferum', 'packages/sferum'),
      project('simulator', 'mocks/simulator'),
      project('example-esia-login', 'examples/esia-login'),
      project('example-custom-portal', 'examples/custom-portal'),
      project('example-paragraf-sferum', 'examples/paragraf-sferum'),
      project('example-gospochta-notices', 'examples/gospochta-notices'),
      project('example-sferum-chat-sync', 'examples/sferum-chat-sync'),
      project('example-ediary-gosuslugi', 'examples/ediary-gosuslugi', { testTimeout: 120_000 }),
      // Spawns node:test, Jest, Playwright and vitest over the built packages (examples/test-recipes/README.md).
      project('example-test-recipes', 'examples/test-recipes', { testTimeout: 240_000 }),
    ],
  },
});
