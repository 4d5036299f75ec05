import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startServer, type TestServer } from './test-server.js';

/**
 * The lifecycle every transport test file shares: one server for the file (or `describe` block),
 * the request log cleared before each test, the server closed at the end. Returns a stand-in that
 * forwards to the server once `beforeAll` has started it.
 */
export function useTestServer(): TestServer {
  let server: TestServer | undefined;
  const started = (): TestServer => {
    if (!server) {
      throw new Error('useTestServer(): the server starts in beforeAll; use it inside a test');
    }
    return server;
  };
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    started().requests.length = 0;
  });
  return {
    get url() {
      return started().url;
    },
    get requests() {
      return started().requests;
    },
    respond: (...handlers) => started().respond(...handlers),
    close: () => started().close(),
  };
}
