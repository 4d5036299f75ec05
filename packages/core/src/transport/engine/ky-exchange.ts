import type { KyInstance, Options as KyOptions } from 'ky';
import { GoskitError } from '../../errors/goskit-error.js';
import { AttemptDeadlineExceeded } from '../../http/attempt-deadline.js';
import { type Exchange, type Exchanged, type ExchangeRequest, unbuildableRequest } from './exchange.js';
import { followRedirects, isRedirect } from './redirects.js';

/** Per-attempt options that keep ky to a single exchange: retries and errors are the transport's. */
const SINGLE_ATTEMPT = { retry: 0, throwHttpErrors: false } as const;
/** The URL is already complete: a caller's instance must not prefix it or replace its query (ky drops
 * inherited searchParams only for an explicit undefined). */
const COMPLETE_URL = { prefixUrl: '', searchParams: undefined } as const;

/**
 * Through ky: `client` is the caller's own instance (its hooks run on every attempt), or ours,
 * loaded on first use so that the default engine never pulls ky into a bundle. ky's timer guards
 * the wait for headers; the body reader enforces what is left of the deadline — handing ky a signal
 * per attempt would make it call AbortSignal.any on every request.
 */
export function createKyExchange(
  client: KyInstance | undefined,
  fetchImpl: typeof fetch | undefined,
): Exchange {
  let instance: KyInstance | Promise<KyInstance> =
    client ??
    import('ky').then(({ default: ky }) => {
      const created = ky.create({
        ...SINGLE_ATTEMPT,
        timeout: false,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      });
      instance = created;
      return created;
    });
  return async (request: ExchangeRequest): Promise<Exchanged> => {
    const ky = instance instanceof Promise ? await instance : instance;
    const options: KyOptions = {
      ...SINGLE_ATTEMPT,
      ...COMPLETE_URL,
      method: request.method,
      headers: request.headers,
      timeout: request.timeout,
      redirect: request.redirects.mode,
    };
    if (request.body !== undefined) {
      options.body = request.body;
    }
    if (request.callSignal) {
      options.signal = request.callSignal;
    }
    const startedAt = performance.now();
    const { timeout } = request;
    let response: Response;
    try {
      response = await startExchange(ky, request.url, options);
      if (options.redirect === 'manual' && isRedirect(response)) {
        const start = {
          url: request.url,
          method: request.method,
          headers: request.headers,
          body: request.body,
        };
        response = await followRedirects(response, start, request.redirects, (hop) => {
          // Each hop gets what is left of the attempt's deadline.
          const left = timeout === false ? false : timeout - (performance.now() - startedAt);
          if (left !== false && left <= 0) {
            throw new AttemptDeadlineExceeded('headers');
          }
          const hopOptions: KyOptions = {
            ...options,
            method: hop.method,
            headers: hop.headers,
            timeout: left,
          };
          if (hop.body === undefined) {
            delete hopOptions.body;
          } else {
            hopOptions.body = hop.body;
          }
          return startExchange(ky, hop.url, hopOptions);
        });
      }
    } catch (error) {
      throw isKyTimeout(error) ? new AttemptDeadlineExceeded('headers', { cause: error }) : error;
    }
    return {
      response,
      bodyDeadline: () => (timeout === false ? false : timeout - (performance.now() - startedAt)),
      guard: (pending) => pending,
      timedOut: false,
      settle: () => {},
    };
  };
}

/** By name: a caller's ky may be another copy of the package, so `instanceof` cannot be trusted. */
function isKyTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError' && !(error instanceof GoskitError);
}

/** ky builds the Request synchronously: a throw here is a request that cannot be built. */
function startExchange(client: KyInstance, url: string, options: KyOptions): Promise<Response> {
  try {
    return client(url, options);
  } catch (error) {
    throw unbuildableRequest(error);
  }
}
