export { type CallbackInput, callbackParams } from './auth/callback-params.js';
export {
  createTokenProvider,
  type FetchedToken,
  type TokenFetchReason,
  type TokenProvider,
  type TokenProviderOptions,
  type TokenWaitOptions,
} from './auth/token-provider.js';
export {
  type ClientOptions,
  type ClientTransportDefaults,
  clientTransportOptions,
} from './client/client-options.js';
export * from './errors/index.js';
export * from './failover/index.js';
export type { ErrorEvent, Hooks, RequestEvent, ResponseEvent, TransportEventBase } from './hooks/hooks.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './http/body-limit.js';
export { ERROR_BODY_LIMIT } from './http/read-body.js';
export { REQUEST_ID_HEADERS, readRequestId } from './http/request-id.js';
export {
  type AcquireOptions,
  createRateLimiter,
  type LimitConfig,
  type RateLimiter,
  type RateLimiterOptions,
  type Release,
} from './limiter/rate-limiter.js';
export {
  type BucketConfig,
  type BucketDecision,
  type BucketState,
  takeToken,
} from './limiter/token-bucket.js';
export {
  type CreateLoggerOptions,
  createLogger,
  isRedactingLogger,
  type RedactingLogger,
} from './log/create-logger.js';
export { consoleLogger, type LogFields, type Logger, type LogLevel, silentLogger } from './log/logger.js';
export {
  type Page,
  type PageRequest,
  type Paginated,
  type PaginateOptions,
  paginate,
  type ToArrayOptions,
} from './pagination/paginate.js';
export * from './redact/index.js';
export { type BackoffOptions, fullJitterDelay } from './retry/backoff.js';
export { parseRetryAfter } from './retry/retry-after.js';
export {
  DEFAULT_RETRY,
  type RetryInput,
  type RetryOptions,
  type RetrySignal,
  type RetrySignalDecision,
} from './retry/retry-options.js';
export type { KeyValueStore, StoreWriteOptions } from './store/key-value-store.js';
export { MemoryStore, type MemoryStoreOptions } from './store/memory-store.js';
export { createTransport } from './transport/create-transport.js';
export type { KyEngineInstance, TransportEngine } from './transport/engine/exchange.js';
export type { RedirectOptions } from './transport/engine/redirects.js';
export type {
  DataOf,
  HttpMethod,
  MethodOptions,
  Query,
  QueryValue,
  RawResult,
  RequestOptions,
  ResponseType,
  Transport,
  TransportOptions,
} from './transport/transport-options.js';
export {
  type Clock,
  type ClockOptions,
  clockFrom,
  systemClock,
  type TimerClock,
  withTimers,
} from './util/clock.js';
export { warnDeprecated } from './util/deprecation.js';
export { type Sleep, sleep } from './util/sleep.js';
