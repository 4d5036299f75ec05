// @goskit/core with `engine: 'ky'` as the default, for the `core-ky` test project: the transport's
// suites run once per engine, so both engines are held to the same behaviour.
import { createTransport as createOnFetch, type TransportOptions } from '../../src/index.js';

export * from '../../src/index.js';

export function createTransport(options: TransportOptions): ReturnType<typeof createOnFetch> {
  return createOnFetch({ engine: 'ky', ...options });
}
