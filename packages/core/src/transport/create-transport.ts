import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { runHooks } from '../hooks/hooks.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../http/body-limit.js';
import { readRequestId } from '../http/request-id.js';
import { createRateLimiter, isRateLimiter, type RateLimiter } from '../limiter/rate-limiter.js';
import { toRedactingLogger } from '../log/create-logger.js';
import { DEFAULT_RETRY, resolveRetry } from '../retry/retry-options.js';
import { clockFrom } from '../util/clock.js';
import { raceAbort } from '../util/race-abort.js';
import { type Sleep, sleep } from '../util/sleep.js';
import { buildUrl, normaliseBase } from './build-url.js';
import { type CallSignal, createCallSignal } from './call-signal.js';
import { type FailureContext, fatalFromSignal } from './classify-failure.js';
import { type AttemptOutcome, decideRetry } from './decide-retry.js';
import { resolveRedirects } from './engine/redirects.js';
import { selectEngine } from './engine/select-engine.js';
import { resolveIdempotencyKey } from './idempotency-key.js';
import { checkHeader, lowerCaseHeaders, mergeHeaders, prepareBody } from './prepare-request.js';
import { responseError } from './response-error.js';
import { type AttemptSetup, sendAttempt } from './send-attempt.js';
import type { RawResult, RequestOptions, Transport, TransportOptions } from './transport-options.js';
import { validateResponse } from './validate-response.js';

/** Timer limit of setTimeout (2^31 - 1 ms, ~24.8 days); ky and Node both refuse more. */
const MAX_TIMEOUT = 2_147_483_647;

function checkTimeout(name: string, value: number | false): number | false {
  if (value !== false && !(value > 0 && value <= MAX_TIMEOUT)) {
    throw new InvalidOptionsError(
      `${name} must be false or a number of ms in (0, ${MAX_TIMEOUT}], got ${value}`,
    );
  }
  return value;
}

/** `maxResponseBytes` as a number: `false` → no bound. */
function checkMaxBytes(value: number | false): number {
  if (value === false) {
    return Number.POSITIVE_INFINITY;
  }
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new InvalidOptionsError(
      `maxResponseBytes must be false or a positive integer of bytes, got ${value}`,
    );
  }
  return value;
}

function requestIdFrom(response: Response | undefined): string | undefined {
  return response ? readRequestId(response.headers) : undefined;
}

/** Waits before the next attempt; never starts a wait that ends after the total deadline. */
async function pauseBeforeRetry(
  ms: number,
  lastError: unknown,
  call: CallSignal,
  context: FailureContext,
  now: () => number,
  wait: Sleep,
): Promise<void> {
  if (now() + ms >= call.deadline) {
    throw lastError;
  }
  try {
    await wait(ms, call.signal);
  } catch (error) {
    throw fatalFromSignal(call.signal, context) ?? error;
  }
}

/** The token provider's options for one wait: the call's signal, when the call has one. */
function tokenWait(signal: AbortSignal | undefined): { signal?: AbortSignal } | undefined {
  return signal === undefined ? undefined : { signal };
}

/**
 * A token provider's wait, inside the call: the total deadline and the caller's abort end it even
 * when the provider never settles (TimeoutError kind 'total' / AbortError).
 */
async function tokenWithinCall(
  wait: () => Promise<string>,
  callSignal: AbortSignal | undefined,
  context: FailureContext,
): Promise<string> {
  try {
    return await raceAbort(wait(), callSignal);
  } catch (error) {
    throw fatalFromSignal(callSignal, context) ?? error;
  }
}

/**
 * The HTTP transport every goskit client uses: one engine call per attempt (fetch by default, ky on
 * request — https://github.com/goskit/goskit/blob/main/docs/decisions/008-transport-engines.md)
 * and our own loop around it for retries,
 * Retry-After, idempotency keys, 401 refresh, rate limiting and deadlines
 * (https://github.com/goskit/goskit/blob/main/docs/decisions/003-core-retry-loop.md).
 */
export function createTransport(options: TransportOptions): Transport {
  const { base, href } = normaliseBase(options.baseUrl);
  const policy = resolveRetry(options.retry, DEFAULT_RETRY);
  const logger = toRedactingLogger(options.logger);
  const limiter: RateLimiter | undefined =
    options.rateLimit === undefined || isRateLimiter(options.rateLimit)
      ? options.rateLimit
      : createRateLimiter(options.rateLimit);
  const onRequest = options.hooks?.onRequest ?? [];
  const onResponse = options.hooks?.onResponse ?? [];
  const onError = options.hooks?.onError ?? [];
  const baseHeaders = lowerCaseHeaders(options.headers);
  if (options.userAgent !== undefined) {
    checkHeader('user-agent', options.userAgent);
    baseHeaders['user-agent'] = options.userAgent;
  }
  const idempotencyHeader = (options.idempotency?.header ?? 'Idempotency-Key').toLowerCase();
  checkHeader(idempotencyHeader, '');
  const autoIdempotency = options.idempotency?.autoGenerate ?? false;
  const clock = clockFrom(options, 'createTransport', options.logger);
  const now = () => clock.now();
  const maxResponseBytes = checkMaxBytes(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
  const redirects = resolveRedirects(options.redirects);
  const random = options.random ?? Math.random;
  const wait = options.sleep ?? sleep;
  const auth = options.auth;
  const validateResponses = options.validateResponses ?? true;
  const logBodies = options.logBodies ?? false;
  // The engine makes one exchange per attempt; retries, deadlines and error mapping are ours.
  const exchange = selectEngine(options.engine, options.fetch);

  /**
   * One logical call. `verb` and `path` come apart from the options so that `get(path, options)`
   * needs no copy of the options; `wantRaw` picks the result shape without a second promise.
   */
  async function execute(
    request: Omit<RequestOptions, 'path'> & { path?: string },
    verb: string | undefined,
    path: string,
    wantRaw: boolean,
  ): Promise<unknown> {
    const method = verb ?? (request.method ?? 'GET').toUpperCase();
    const url = buildUrl(base, href, path, request.query);
    const callPolicy = resolveRetry(request.retry, policy);
    const attemptTimeout = checkTimeout('timeout', request.timeout ?? options.timeout ?? 10_000);
    const totalTimeout = checkTimeout('totalTimeout', request.totalTimeout ?? options.totalTimeout ?? false);
    const responseType = request.responseType ?? 'json';
    const callMaxBytes =
      request.maxResponseBytes === undefined ? maxResponseBytes : checkMaxBytes(request.maxResponseBytes);
    const callRedirects =
      request.redirects === undefined ? redirects : resolveRedirects(request.redirects, redirects);
    const headers = mergeHeaders(baseHeaders, request.headers, responseType);
    const body = prepareBody(request);
    if (body.init !== undefined && (method === 'GET' || method === 'HEAD')) {
      throw new InvalidOptionsError(`a ${method} request cannot carry a body (json, form or body)`);
    }
    if (body.contentType !== undefined && headers['content-type'] === undefined) {
      headers['content-type'] = body.contentType;
    }
    const idempotencyKey = resolveIdempotencyKey(
      request.idempotencyKey,
      method,
      headers[idempotencyHeader],
      autoIdempotency,
    );
    if (idempotencyKey === undefined) {
      // `delete` only when needed: it turns the record into a slow dictionary-mode object.
      if (idempotencyHeader in headers) {
        delete headers[idempotencyHeader];
      }
    } else {
      checkHeader(idempotencyHeader, idempotencyKey);
      headers[idempotencyHeader] = idempotencyKey;
    }
    const methodAllowed = idempotencyKey !== undefined || callPolicy.methods.has(method);
    const rateLimitKey = request.rateLimitKey ?? options.rateLimitKey ?? 'default';
    const startedAt = performance.now();
    const call = createCallSignal(request.signal, totalTimeout, now());
    const context = { method, url, attemptTimeout, totalTimeout, attempts: 0 };
    let retriesDone = 0;
    let authRepeated = false;
    // The request id is read from the last response's headers only when something needs it.
    let lastResponse: Response | undefined;
    const schema = request.skipValidation || !validateResponses ? undefined : request.schema;
    // One setup per call; each attempt updates `attempt` and `headers`.
    const setup: AttemptSetup = {
      exchange,
      method,
      url,
      attempt: 0,
      idempotencyKey,
      headers,
      body,
      responseType,
      callSignal: call.signal,
      attemptTimeout,
      maxResponseBytes: callMaxBytes,
      redirects: callRedirects,
      context,
      onRequest,
      onResponse,
      retrySignal: callPolicy.retrySignal,
      logger,
      logBodies,
    };

    try {
      for (;;) {
        context.attempts += 1;
        const attempt = context.attempts;
        const fatal = fatalFromSignal(call.signal, context);
        if (fatal) {
          throw fatal;
        }
        let release: (() => void) | undefined;
        if (limiter) {
          try {
            release = await limiter.acquire(rateLimitKey, { signal: call.signal });
          } catch (error) {
            throw fatalFromSignal(call.signal, context) ?? error;
          }
        }
        let token: string | undefined;
        let result: Awaited<ReturnType<typeof sendAttempt>>;
        try {
          token = auth
            ? await tokenWithinCall(() => auth.getToken(tokenWait(call.signal)), call.signal, context)
            : undefined;
          if (token) {
            checkHeader('authorization', token);
          }
          setup.attempt = attempt;
          setup.headers = token ? { ...headers, authorization: `Bearer ${token}` } : headers;
          result = await sendAttempt(setup);
        } finally {
          release?.();
        }

        let outcome: AttemptOutcome;
        if (result.kind === 'response') {
          const { response, read, signal } = result;
          lastResponse = response;
          if (response.status === 401 && auth && !authRepeated) {
            // Revoked early or rotated: refresh once (shared with concurrent callers) and repeat once.
            authRepeated = true;
            await tokenWithinCall(
              () => auth.forceRefresh(token, tokenWait(call.signal)),
              call.signal,
              context,
            );
            continue;
          }
          if (response.ok && signal?.retry !== true) {
            const data = validateResponse(read, schema, context, response);
            return wantRaw
              ? { data, response, requestId: requestIdFrom(response), attempts: attempt, idempotencyKey }
              : data;
          }
          outcome = { kind: 'response', response, signal };
        } else {
          outcome = { kind: result.kind };
        }

        const decision = decideRetry({
          outcome,
          retriesDone,
          policy: callPolicy,
          methodAllowed,
          bodyReplayable: body.replayable,
          now: now(),
          random,
        });
        const error =
          result.kind === 'response'
            ? responseError(result.response, result.read, result.signal, decision, {
                method,
                url,
                requestId: requestIdFrom(lastResponse),
                attempts: attempt,
              })
            : result.error;
        if (!decision.retry) {
          throw error;
        }
        if (decision.pauseAllMs !== undefined) {
          limiter?.pauseAll(decision.pauseAllMs);
          logger.warn('goskit rate limited: pausing all calls', { url, pauseMs: decision.pauseAllMs });
        }
        const status = result.kind === 'response' ? result.response.status : undefined;
        logger.info('goskit retry', {
          method,
          url,
          attempt,
          status,
          delayMs: decision.delayMs,
          reason: error.code,
        });
        await pauseBeforeRetry(decision.delayMs, error, call, context, now, wait);
        retriesDone += 1;
      }
    } catch (error) {
      if (onError.length > 0) {
        const elapsedMs = performance.now() - startedAt;
        const requestId = requestIdFrom(lastResponse);
        const event = { method, url, attempt: context.attempts, idempotencyKey, error, elapsedMs, requestId };
        await runHooks(onError, event);
      }
      if (logger.enabled('debug')) {
        logger.debug('goskit request failed', {
          method,
          url,
          attempts: context.attempts,
          requestId: requestIdFrom(lastResponse),
          error,
        });
      }
      throw error;
    } finally {
      call.dispose();
    }
  }

  const NO_OPTIONS: Omit<RequestOptions, 'path' | 'method'> = {};
  const verb =
    (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') =>
    (path: string, options: Omit<RequestOptions, 'path' | 'method'> = NO_OPTIONS) =>
      execute(options, method, path, false);

  return {
    request: (options: RequestOptions) => execute(options, undefined, options.path, false),
    raw: (options: RequestOptions) =>
      execute(options, undefined, options.path, true) as Promise<RawResult<unknown>>,
    get: verb('GET'),
    post: verb('POST'),
    put: verb('PUT'),
    patch: verb('PATCH'),
    delete: verb('DELETE'),
    rateLimiter: limiter,
    baseUrl: href,
  } as Transport;
}
