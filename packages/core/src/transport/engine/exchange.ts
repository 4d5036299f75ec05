import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import type { ResolvedRedirects } from './redirects.js';

/**
 * A request the engine could not build (bad header, URL or body): the caller's mistake, never a
 * network failure to retry. The message stays generic (a header value may be a token).
 */
export function unbuildableRequest(cause: unknown): InvalidOptionsError {
  return new InvalidOptionsError('the request could not be built: check its URL, headers and body', {
    cause,
  });
}

/** What one attempt sends. Built by the transport's loop; the engine only puts it on the wire. */
export interface ExchangeRequest {
  url: string;
  method: string;
  headers: Record<string, string> | Headers;
  body: BodyInit | undefined;
  /** The call's signal (caller's abort + total deadline), if it has one. */
  callSignal: AbortSignal | undefined;
  /** The attempt's deadline in ms, from sending until the body is read; `false`: none. */
  timeout: number | false;
  /** The body goes to the caller as a stream: the deadline must stop once the headers are in. */
  streamed: boolean;
  /** Which redirects to follow (within the attempt's deadline). */
  redirects: ResolvedRedirects;
}

/** An attempt whose headers have arrived. */
export interface Exchanged {
  response: Response;
  /**
   * ms left for reading the body that the body reader must enforce itself; `false` when the engine
   * already guards the body (its signal errors the stream at the deadline).
   */
  bodyDeadline(): number | false;
  /** Waits for a body read, rejecting when the attempt's signal fires even if the body never ends. */
  guard<T>(pending: Promise<T>): Promise<T>;
  /** True once the attempt's own deadline has fired (headers or body). */
  readonly timedOut: boolean;
  /** Stops the attempt's timer: call when the body is read, or handed to the caller as a stream. */
  settle(): void;
}

/** Sends one attempt. Rejections are classified by the transport (network, timeout, abort). */
export type Exchange = (request: ExchangeRequest) => Promise<Exchanged>;

/**
 * How each attempt reaches the network: `'fetch'` (default) calls fetch directly; `'ky'` sends it
 * through ky; a ky instance of your own runs its hooks on every attempt (the transport still owns
 * retries, timeouts and errors). See https://github.com/goskit/goskit/blob/main/docs/decisions/008-transport-engines.md.
 */
export type TransportEngine = 'fetch' | 'ky' | KyEngineInstance;

/**
 * A ky instance (`ky`, `ky.create(…)`, `ky.extend(…)`), described by the little the transport relies
 * on. Structural on purpose: the published types must not import ESM-only ky, which a CommonJS
 * TypeScript consumer (`.cts`, module node16) cannot (TS1479). Any real ky instance fits.
 */
export interface KyEngineInstance {
  (url: string, options?: undefined): PromiseLike<Response>;
  create(options?: never): unknown;
}
