import type { GoskitError } from '../errors/goskit-error.js';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import { type RequestEvent, type ResponseEvent, runHooks } from '../hooks/hooks.js';
import { AttemptDeadlineExceeded } from '../http/attempt-deadline.js';
import { BodyLimitExceeded } from '../http/body-limit.js';
import { readRequestId } from '../http/request-id.js';
import type { RedactingLogger } from '../log/create-logger.js';
import type { RetrySignal, RetrySignalDecision } from '../retry/retry-options.js';
import { classifyFailure, type FailureContext } from './classify-failure.js';
import type { Exchange, Exchanged } from './engine/exchange.js';
import type { ResolvedRedirects } from './engine/redirects.js';
import type { PreparedBody } from './prepare-request.js';
import { type ReadResult, readFailure, readSuccess } from './read-response.js';
import type { ResponseType } from './transport-options.js';

/** What one attempt needs; built once per call, `attempt` and `headers` per attempt. */
export interface AttemptSetup {
  exchange: Exchange;
  method: string;
  url: string;
  attempt: number;
  idempotencyKey: string | undefined;
  headers: Record<string, string>;
  body: PreparedBody;
  responseType: ResponseType;
  callSignal: AbortSignal | undefined;
  attemptTimeout: number | false;
  /** `maxResponseBytes` of the call; `Infinity` when disabled. */
  maxResponseBytes: number;
  redirects: ResolvedRedirects;
  context: FailureContext;
  onRequest: readonly ((event: RequestEvent) => void | Promise<void>)[];
  onResponse: readonly ((event: ResponseEvent) => void | Promise<void>)[];
  retrySignal: RetrySignal | undefined;
  logger: RedactingLogger;
  logBodies: boolean;
}

export type AttemptResult =
  | {
      kind: 'response';
      response: Response;
      read: ReadResult;
      signal: RetrySignalDecision | undefined;
    }
  | { kind: 'network' | 'timeout'; error: GoskitError };

/**
 * One exchange through the transport's engine: hooks, debug records, the attempt deadline (headers
 * and body), the body read and the portal's retry signal. Retryable failures come back as results;
 * the caller's abort, the total deadline and errors thrown by user code (hooks, retry signal) are
 * thrown.
 */
export async function sendAttempt(setup: AttemptSetup): Promise<AttemptResult> {
  const { method, url, attempt, idempotencyKey, logger } = setup;
  const outgoing = setup.onRequest.length > 0 ? new Headers(setup.headers) : setup.headers;
  if (outgoing instanceof Headers) {
    await runHooks(setup.onRequest, { method, url, attempt, idempotencyKey, headers: outgoing });
  }
  if (logger.enabled('debug')) {
    const described = setup.logBodies ? setup.body.describe() : undefined;
    logger.debug('goskit request', { method, url, attempt, idempotencyKey, headers: outgoing, ...described });
  }
  const startedAt = performance.now();
  let inUserCode = false;
  let exchanged: Exchanged | undefined;
  try {
    exchanged = await setup.exchange({
      url,
      method,
      headers: outgoing,
      body: setup.body.init,
      callSignal: setup.callSignal,
      timeout: setup.attemptTimeout,
      streamed: setup.responseType === 'stream',
      redirects: setup.redirects,
    });
    const { response } = exchanged;
    const elapsedMs = performance.now() - startedAt;
    if (setup.onResponse.length > 0) {
      inUserCode = true;
      const event = {
        method,
        url,
        attempt,
        idempotencyKey,
        response,
        status: response.status,
        requestId: readRequestId(response.headers),
        elapsedMs,
      };
      await runHooks(setup.onResponse, event, true);
      inUserCode = false;
    }
    const read = response.ok
      ? await readSuccess(response, setup.responseType, exchanged, {
          maxBytes: setup.maxResponseBytes,
          tooLarge: () => tooLarge(setup, response, setup.maxResponseBytes),
        })
      : await readFailure(response, exchanged, setup.maxResponseBytes);
    exchanged.settle();
    if (logger.enabled('debug')) {
      const withBody = setup.logBodies && read.text !== undefined;
      logger.debug('goskit response', {
        method,
        url,
        attempt,
        status: response.status,
        elapsedMs: Math.round(elapsedMs * 10) / 10,
        requestId: readRequestId(response.headers),
        headers: response.headers,
        ...(withBody ? { body: read.text, contentType: response.headers.get('content-type') ?? '' } : {}),
      });
    }
    inUserCode = true;
    const signal =
      setup.retrySignal && read.text !== undefined
        ? setup.retrySignal(response, read.parsed ? read.data : read.text)
        : undefined;
    inUserCode = false;
    return { kind: 'response', response, read, signal };
  } catch (error) {
    exchanged?.settle();
    // Errors from user code pass through untouched, never disguised as network errors.
    if (inUserCode) {
      throw error;
    }
    if (error instanceof BodyLimitExceeded && exchanged !== undefined) {
      throw tooLarge(setup, exchanged.response, error.limit);
    }
    // The engine's signal fired mid-body: the stream errors with the abort, not with a timeout.
    const failure = exchanged?.timedOut ? new AttemptDeadlineExceeded('body', { cause: error }) : error;
    const classified = classifyFailure(failure, setup.callSignal, setup.context);
    if (classified.fatal) {
      throw classified.error;
    }
    return { kind: classified.kind, error: classified.error };
  }
}

function tooLarge(setup: AttemptSetup, response: Response, limit: number): ResponseTooLargeError {
  return new ResponseTooLargeError({
    limit,
    status: response.status,
    method: setup.method,
    url: setup.url,
    requestId: readRequestId(response.headers),
    attempts: setup.attempt,
  });
}
