import type { output, ZodType } from 'zod';
import type { TokenProvider } from '../auth/token-provider.js';
import type { Hooks } from '../hooks/hooks.js';
import type { RateLimiter, RateLimiterOptions } from '../limiter/rate-limiter.js';
import type { Logger } from '../log/logger.js';
import type { RetryInput } from '../retry/retry-options.js';
import type { Clock } from '../util/clock.js';
import type { Sleep } from '../util/sleep.js';
import type { TransportEngine } from './engine/exchange.js';
import type { RedirectOptions } from './engine/redirects.js';

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number | boolean)[];
export type Query = URLSearchParams | Record<string, QueryValue>;

export type ResponseType = 'json' | 'text' | 'arrayBuffer' | 'stream';

export interface TransportOptions {
  /** Every `path` is resolved against it, e.g. `http://127.0.0.1:4010/esia`. */
  baseUrl: string;
  /** Custom fetch (MSW, undici agent, a test double). Default: global fetch. */
  fetch?: typeof fetch;
  /**
   * What sends each attempt: `'fetch'` (default, the fastest), `'ky'`, or your own ky instance so that
   * its hooks run on every attempt. Retries, timeouts, errors and hooks of the transport are the same
   * with every engine.
   */
  engine?: TransportEngine;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  userAgent?: string;
  /** Per attempt, ms, until the body is read; `false` disables. Default 10 000. */
  timeout?: number | false;
  /**
   * The whole call including retries, waits, the rate limiter's queue and the token provider, ms;
   * `false` (default) disables.
   */
  totalTimeout?: number | false;
  /**
   * Largest response body read, bytes, counted after decompression. A 2xx body past it fails with
   * `ResponseTooLargeError` (reading stops at the limit); an error body is cut at 64 KiB or this,
   * whichever is smaller. `false` disables. Default 32 MiB (`DEFAULT_MAX_RESPONSE_BYTES`).
   */
  maxResponseBytes?: number | false;
  /**
   * Which redirects are followed: by default only within the request's origin (up to 10 hops); a
   * redirect elsewhere fails with `RedirectError` and nothing is sent there.
   */
  redirects?: RedirectOptions;
  /** Retry policy; `false` or `0` disables. */
  retry?: RetryInput;
  /** A limiter (shared between transports) or options to create one for this transport. */
  rateLimit?: RateLimiter | RateLimiterOptions;
  /** Limiter key when the call gives none. Default 'default'. */
  rateLimitKey?: string;
  /** Adds `Authorization: Bearer <token>`; a 401 forces one refresh and one repeat of the request. */
  auth?: TokenProvider;
  hooks?: Hooks;
  /** Any `{debug, info, warn, error}`; wrapped so that every record is redacted. */
  logger?: Partial<Logger>;
  /** Include (redacted) request and response bodies in debug records. Default false. */
  logBodies?: boolean;
  idempotency?: {
    /** Header carrying the key. Default 'Idempotency-Key'. */
    header?: string;
    /** Give every non-idempotent call (POST, PATCH) a fresh key, stripe-style. Default false. */
    autoGenerate?: boolean;
  };
  /** Validate responses against `schema` when a call passes one. Default true. */
  validateResponses?: boolean;
  /** Injectable for tests: backoff randomness in [0, 1). */
  random?: () => number;
  /** Injectable for tests: the wait between attempts. */
  sleep?: Sleep;
  /** What time it is (Retry-After dates, deadlines). Default: the system clock. */
  clock?: Clock;
  /**
   * @deprecated Renamed `clock` (`clock: { now }`); `now` goes away in the next minor release.
   */
  now?: () => number;
}

export interface RequestOptions<S extends ZodType | undefined = ZodType | undefined> {
  /** Path relative to `baseUrl` ('/rs/prns'), or an absolute URL on the same origin. */
  path: string;
  method?: HttpMethod | Lowercase<HttpMethod>;
  query?: Query;
  /** JSON body (sets content-type). */
  json?: unknown;
  /** `application/x-www-form-urlencoded` body. */
  form?: URLSearchParams | Record<string, string | number | boolean | undefined>;
  /** Any other body. A ReadableStream cannot be replayed, so such calls are never retried. */
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  schema?: S;
  skipValidation?: boolean;
  /** A key to send (reused on every attempt), `true` to generate one, `false` to send none. */
  idempotencyKey?: string | boolean;
  retry?: RetryInput;
  timeout?: number | false;
  totalTimeout?: number | false;
  /** Per-call override of the transport's `maxResponseBytes`. */
  maxResponseBytes?: number | false;
  /** Per-call override of the transport's `redirects` (fields not given keep the transport's). */
  redirects?: RedirectOptions;
  rateLimitKey?: string;
  /** How to read a 2xx body. Default 'json' (empty body → undefined). */
  responseType?: ResponseType;
}

/** The result of `transport.raw()`: the data plus what you need to correlate it. */
export interface RawResult<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
  /** Attempts made, including the 401 repeat. */
  attempts: number;
  idempotencyKey: string | undefined;
}

export type DataOf<S, T> = S extends ZodType ? output<S> : T;

export type MethodOptions<S extends ZodType | undefined> = Omit<RequestOptions<S>, 'path' | 'method'>;

export interface Transport {
  request<T = unknown, S extends ZodType | undefined = undefined>(
    options: RequestOptions<S>,
  ): Promise<DataOf<S, T>>;
  raw<T = unknown, S extends ZodType | undefined = undefined>(
    options: RequestOptions<S>,
  ): Promise<RawResult<DataOf<S, T>>>;
  get<T = unknown, S extends ZodType | undefined = undefined>(
    path: string,
    options?: MethodOptions<S>,
  ): Promise<DataOf<S, T>>;
  post<T = unknown, S extends ZodType | undefined = undefined>(
    path: string,
    options?: MethodOptions<S>,
  ): Promise<DataOf<S, T>>;
  put<T = unknown, S extends ZodType | undefined = undefined>(
    path: string,
    options?: MethodOptions<S>,
  ): Promise<DataOf<S, T>>;
  patch<T = unknown, S extends ZodType | undefined = undefined>(
    path: string,
    options?: MethodOptions<S>,
  ): Promise<DataOf<S, T>>;
  delete<T = unknown, S extends ZodType | undefined = undefined>(
    path: string,
    options?: MethodOptions<S>,
  ): Promise<DataOf<S, T>>;
  /** The limiter this transport waits on (undefined without `rateLimit`). */
  readonly rateLimiter: RateLimiter | undefined;
  readonly baseUrl: string;
}
