import type { KyInstance } from 'ky';
import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import type { Exchange, TransportEngine } from './exchange.js';
import { createFetchExchange } from './fetch-exchange.js';
import { createKyExchange } from './ky-exchange.js';

/** Turns the `engine` option into the function that sends one attempt. */
export function selectEngine(
  engine: TransportEngine | undefined,
  fetchImpl: typeof fetch | undefined,
): Exchange {
  if (engine === undefined || engine === 'fetch') {
    return createFetchExchange(fetchImpl);
  }
  if (engine === 'ky') {
    return createKyExchange(undefined, fetchImpl);
  }
  if (typeof engine === 'function' && typeof engine.create === 'function') {
    if (fetchImpl) {
      throw new InvalidOptionsError(
        'pass fetch to your ky instance (ky.create({ fetch })), not to the transport',
      );
    }
    return createKyExchange(engine as unknown as KyInstance, undefined);
  }
  throw new InvalidOptionsError(`engine must be 'fetch', 'ky' or a ky instance, got ${String(engine)}`);
}
