/**
 * A transport over several base URLs of one service: the primary and its backups. Each server gets
 * an ordinary core transport that makes ONE attempt per call; this loop around them owns the retry
 * budget, so a call never makes more than `retry.limit + 1` attempts in all, whichever servers they
 * went to. Every attempt goes to the server `HealthBoard` picks: the primary until it fails
 * repeatedly (5xx, timeouts, network or TLS errors, damaged bodies) or fails a health probe, a
 * backup until the primary is healthy again. A retry on another server starts at once; a retry on
 * the same server waits as core's transport would (Retry-After, full-jitter backoff).
 * `raw()` and the `answer` event say which server answered; hooks see each attempt's real URL.
 * See https://github.com/goskit/goskit/blob/main/docs/decisions/080-failover-transport.md.
 */
import type { ZodType } from 'zod';
import { AbortError } from '../errors/abort-error.js';
import { GoskitError } from '../errors/goskit-error.js';
import { HttpError } from '../errors/http-error.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { ServiceUnavailableError } from '../errors/service-unavailable-error.js';
import { runHooks } from '../hooks/hooks.js';
import { createRateLimiter, isRateLimiter, type RateLimiter } from '../limiter/rate-limiter.js';
import { toRedactingLogger } from '../log/create-logger.js';
import { redactUrl } from '../redact/index.js';
import { fullJitterDelay } from '../retry/backoff.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import { DEFAULT_RETRY, type RetryInput, type RetryOptions, resolveRetry } from '../retry/retry-options.js';
import { normaliseBase } from '../transport/build-url.js';
import { createCallSignal } from '../transport/call-signal.js';
import { fatalFromSignal } from '../transport/classify-failure.js';
import { createTransport } from '../transport/create-transport.js';
import { resolveIdempotencyKey } from '../transport/idempotency-key.js';
import type {
  DataOf,
  MethodOptions,
  RawResult,
  RequestOptions,
  Transport,
} from '../transport/transport-options.js';
import { clockFrom } from '../util/clock.js';
import { type Sleep, sleep } from '../util/sleep.js';
import { classifyAttempt } from './classify-outcome.js';
import type {
  FailoverEvent,
  FailoverServer,
  FailoverServerInput,
  FailoverTransportOptions,
} from './failover-options.js';
import { HealthBoard } from './health-board.js';
import { HealthProber, type ProbeTarget } from './health-probe.js';

/** `raw()` of a failover transport: the data, the response, and the server that answered. */
export interface FailoverRawResult<T> extends RawResult<T> {
  server: FailoverServer;
}

export interface FailoverTransport extends Transport {
  raw<T = unknown, S extends ZodType | undefined = undefined>(
    options: RequestOptions<S>,
  ): Promise<FailoverRawResult<DataOf<S, T>>>;
  /** Every server, the primary first. */
  readonly servers: readonly FailoverServer[];
  /** The server calls go to now. */
  readonly active: FailoverServer;
  /** Probes every server now (needs `failover.health`) and waits for the verdicts. */
  checkHealth(): Promise<void>;
}

const DEFAULT_FAILOVER_STATUSES = [500, 502, 503, 504] as const;

interface DescribedServer {
  server: FailoverServer;
  /** The base URL without its trailing slash (probe paths are appended to it). */
  base: string;
  href: string;
}

function describeServers(inputs: readonly FailoverServerInput[]): DescribedServer[] {
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new InvalidOptionsError('servers must list at least one base URL (the primary first)');
  }
  const names = new Set<string>();
  return inputs.map((input, index) => {
    const url = typeof input === 'string' ? input : input?.url;
    if (typeof url !== 'string') {
      throw new InvalidOptionsError(`servers[${index}] must be a base URL or { url, name? }`);
    }
    const { href } = normaliseBase(url);
    const name =
      (typeof input === 'string' ? undefined : input.name) ?? (index === 0 ? 'primary' : `backup-${index}`);
    if (names.has(name)) {
      throw new InvalidOptionsError(`servers[${index}]: the name ${JSON.stringify(name)} is used twice`);
    }
    names.add(name);
    const server: FailoverServer = Object.freeze({ name, url: redactUrl(href), index, primary: index === 0 });
    return { server, base: href.replace(/\/+$/, ''), href };
  });
}

/** The caller's retry options for one attempt per server: their retry signal and limits, no repeats. */
function singleAttempt(retry: RetryInput | undefined): RetryOptions {
  return typeof retry === 'object' && retry !== null ? { ...retry, limit: 0 } : { limit: 0 };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidOptionsError(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/** Case-insensitive header lookup in the caller's headers. */
function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (headers === undefined) {
    return undefined;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) {
      return value;
    }
  }
  return undefined;
}

function retryAfterOf(error: unknown, now: number): number | undefined {
  if (error instanceof RateLimitError || error instanceof ServiceUnavailableError) {
    return error.retryAfterMs;
  }
  return error instanceof HttpError ? parseRetryAfter(error.headers['retry-after'], now) : undefined;
}

/** The errors the loop rethrows count every attempt of the call, not only the last server's. */
function withAttempts(error: unknown, attempts: number): unknown {
  if (error instanceof GoskitError && typeof (error as { attempts?: unknown }).attempts === 'number') {
    (error as unknown as { attempts: number }).attempts = attempts;
  }
  return error;
}

export function createFailoverTransport(options: FailoverTransportOptions): FailoverTransport {
  const { servers: serverInputs, failover = {}, ...shared } = options;
  const described = describeServers(serverInputs);
  const servers = described.map((entry) => entry.server);
  const policy = resolveRetry(shared.retry, DEFAULT_RETRY);
  const clock = clockFrom(shared, 'createFailoverTransport', shared.logger);
  const logger = toRedactingLogger(shared.logger);
  const wait: Sleep = shared.sleep ?? sleep;
  const random = shared.random ?? Math.random;
  const failoverStatuses = new Set<number>(failover.statusCodes ?? DEFAULT_FAILOVER_STATUSES);
  const damagedBodies = failover.damagedBodies ?? true;
  const idempotencyHeader = (shared.idempotency?.header ?? 'Idempotency-Key').toLowerCase();
  const autoIdempotency = shared.idempotency?.autoGenerate ?? false;
  const onError = shared.hooks?.onError ?? [];
  const limiter: RateLimiter | undefined =
    shared.rateLimit === undefined || isRateLimiter(shared.rateLimit)
      ? shared.rateLimit
      : createRateLimiter(shared.rateLimit);
  const emit = (event: FailoverEvent): void => {
    if (event.type === 'switch') {
      logger.warn('goskit failover: switching server', {
        from: event.from.name,
        to: event.to.name,
        reason: event.reason,
      });
    }
    try {
      failover.onEvent?.(event);
    } catch {
      // An observer's mistake must not break the call it observes.
    }
  };
  const board = new HealthBoard(servers, {
    failureThreshold: positiveInteger('failover.failureThreshold', failover.failureThreshold ?? 2),
    recoverAfterMs: failover.recoverAfterMs ?? 30_000,
    probing: failover.health !== undefined,
    clock,
    emit,
  });
  const fetchNow = () => shared.fetch ?? globalThis.fetch;
  const prober =
    failover.health === undefined ? undefined : new HealthProber(failover.health, board, clock, fetchNow);
  const targets: ProbeTarget[] = described.map(({ server, base }) => ({ server, base }));
  const { onError: _once, ...attemptHooks } = shared.hooks ?? {};
  const inner: Transport[] = described.map(({ base }) =>
    createTransport({
      ...shared,
      baseUrl: base,
      retry: singleAttempt(shared.retry),
      ...(limiter === undefined ? {} : { rateLimit: limiter }),
      hooks: attemptHooks,
      idempotency: { header: idempotencyHeader, autoGenerate: false },
      clock,
    }),
  );

  async function execute(
    request: Omit<RequestOptions, 'path'> & { path?: string },
    verb: string | undefined,
    path: string,
    wantRaw: boolean,
  ): Promise<unknown> {
    const method = verb ?? (request.method ?? 'GET').toUpperCase();
    const callPolicy = resolveRetry(request.retry, policy);
    const totalTimeout = request.totalTimeout ?? shared.totalTimeout ?? false;
    const idempotencyKey = resolveIdempotencyKey(
      request.idempotencyKey,
      method,
      headerValue(request.headers, idempotencyHeader) ?? headerValue(shared.headers, idempotencyHeader),
      autoIdempotency,
    );
    const methodAllowed = idempotencyKey !== undefined || callPolicy.methods.has(method);
    const replayable = !(typeof ReadableStream !== 'undefined' && request.body instanceof ReadableStream);
    const call = createCallSignal(request.signal, totalTimeout, clock.now());
    const startedAt = performance.now();
    prober?.startDue(targets);
    let attempts = 0;
    let retriesDone = 0;
    let server = board.pick();
    const attemptOptions: RequestOptions = {
      ...request,
      path,
      method: method as RequestOptions['method'] & string,
      retry: singleAttempt(request.retry ?? shared.retry),
      idempotencyKey: idempotencyKey ?? false,
      totalTimeout,
      ...(call.signal === undefined ? {} : { signal: call.signal }),
    };
    try {
      for (;;) {
        attempts += 1;
        try {
          const result = await (inner[server.index] as Transport).raw(attemptOptions);
          board.success(server);
          emit({
            type: 'answer',
            server,
            status: result.response.status,
            attempt: attempts,
            at: clock.now(),
            wallMs: performance.now(),
          });
          return wantRaw ? { ...result, attempts, server } : result.data;
        } catch (error) {
          const verdict = classifyAttempt(error, failoverStatuses, callPolicy.statusCodes, damagedBodies);
          const retryAfterMs = retryAfterOf(error, clock.now());
          const tooLong = retryAfterMs !== undefined && retryAfterMs > callPolicy.maxRetryAfter;
          if (verdict.failure !== undefined) {
            board.failure(server, verdict.failure, verdict.status, tooLong);
          }
          const next = board.pick();
          const allowed =
            verdict.retryable === 'network'
              ? callPolicy.retryOnNetworkError && methodAllowed
              : verdict.retryable === 'timeout'
                ? callPolicy.retryOnTimeout && methodAllowed
                : verdict.retryable === 'status'
                  ? methodAllowed || (error instanceof RateLimitError && error.reason === 'signal')
                  : verdict.retryable === 'damaged'
                    ? methodAllowed
                    : false;
          const sameServer = next.index === server.index;
          if (!allowed || retriesDone >= callPolicy.limit || !replayable || (sameServer && tooLong)) {
            throw withAttempts(error, attempts);
          }
          // Another server is tried at once; the same one after Retry-After or backoff.
          const delayMs = sameServer
            ? (retryAfterMs ?? fullJitterDelay(retriesDone + 1, callPolicy.backoff, random))
            : 0;
          logger.info('goskit retry', {
            method,
            server: server.name,
            next: next.name,
            attempt: attempts,
            status: verdict.status,
            delayMs,
            reason: error instanceof GoskitError ? error.code : undefined,
          });
          await pause(delayMs, withAttempts(error, attempts), call);
          retriesDone += 1;
          server = board.pick();
        }
      }
    } catch (error) {
      if (onError.length > 0) {
        const url = (error as { url?: unknown }).url;
        await runHooks(onError, {
          method,
          url: typeof url === 'string' ? url : `${server.url}${path}`,
          attempt: attempts,
          idempotencyKey,
          error,
          elapsedMs: performance.now() - startedAt,
          requestId: error instanceof HttpError ? error.requestId : undefined,
        });
      }
      throw error;
    } finally {
      call.dispose();
    }
  }

  /** Waits before the next attempt; never starts a wait that ends after the total deadline. */
  async function pause(
    ms: number,
    lastError: unknown,
    call: { signal: AbortSignal | undefined; deadline: number },
  ): Promise<void> {
    if (clock.now() + ms >= call.deadline) {
      throw lastError;
    }
    if (ms <= 0) {
      if (call.signal?.aborted) {
        throw fatal(call.signal, lastError);
      }
      return;
    }
    try {
      await wait(ms, call.signal);
    } catch (error) {
      throw call.signal?.aborted ? fatal(call.signal, lastError) : error;
    }
  }

  function fatal(signal: AbortSignal, lastError: unknown): unknown {
    const url = (lastError as { url?: unknown }).url;
    return (
      fatalFromSignal(signal, {
        method: (lastError as { method?: string }).method ?? 'GET',
        url: typeof url === 'string' ? url : (servers[0] as FailoverServer).url,
        attempts: (lastError as { attempts?: number }).attempts ?? 1,
        attemptTimeout: shared.timeout ?? 10_000,
        totalTimeout: shared.totalTimeout ?? false,
      }) ?? new AbortError('request was aborted', { cause: lastError })
    );
  }

  const NO_OPTIONS: MethodOptions<undefined> = {};
  const verb =
    (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') =>
    (path: string, callOptions: Omit<RequestOptions, 'path' | 'method'> = NO_OPTIONS) =>
      execute(callOptions, method, path, false);

  return {
    request: (callOptions: RequestOptions) => execute(callOptions, undefined, callOptions.path, false),
    raw: (callOptions: RequestOptions) => execute(callOptions, undefined, callOptions.path, true),
    get: verb('GET'),
    post: verb('POST'),
    put: verb('PUT'),
    patch: verb('PATCH'),
    delete: verb('DELETE'),
    rateLimiter: limiter,
    baseUrl: (described[0] as DescribedServer).href,
    servers,
    get active() {
      return board.active;
    },
    async checkHealth() {
      if (prober === undefined) {
        throw new InvalidOptionsError('checkHealth() needs failover.health (a path to probe)');
      }
      await Promise.all(targets.map((target) => prober.probe(target)));
    },
  } as FailoverTransport;
}
