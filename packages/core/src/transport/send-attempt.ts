import type { KyInstance, Options as KyOptions } from 'ky';
import type { GoskitError } from '../errors/goskit-error.js';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import { type RequestEvent, type ResponseEvent, runHooks } from '../hooks/hooks.js';
import { readRequestId } from '../http/request-id.js';
import type { RedactingLogger } from '../log/create-logger.js';
import type { RetrySignal, RetrySignalDecision } from '../retry/retry-options.js';
import { classifyFailure, type FailureContext } from './classify-failure.js';
import type { PreparedBody } from './prepare-request.js';
import { type ReadResult, readFailure, readSuccess } from './read-response.js';
import type { ResponseType } from './transport-options.js';

/** What one attempt needs; built once per call, `attempt` and `headers` per attempt. */
export interface AttemptSetup {
  client: KyInstance;
  method: string;
  url: string;
  attempt: number;
  idempotencyKey: string | undefined;
  headers: Record<string, string>;
  body: PreparedBody;
  responseType: ResponseType;
  callSignal: AbortSignal | undefined;
  attemptTimeout: number | false;
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
      requestId: string | undefined;
      signal: RetrySignalDecision | undefined;
    }
  | { kind: 'network' | 'timeout'; error: GoskitError };

/**
 * ky builds the Request synchronously: a throw here is a bad header, URL or body — the caller's
 * mistake, never a network failure to retry. The message stays generic (a header value may be a token).
 */
function startExchange(client: KyInstance, url: string, options: KyOptions): Promise<Response> {
  try {
    return client(url, options);
  } catch (error) {
    throw new InvalidOptionsError('the request could not be built: check its URL, headers and body', {
      cause: error,
    });
  }
}

/**
 * One exchange through ky: hooks, debug records, the attempt deadline (headers and body), the body
 * read and the portal's retry signal. Retryable failures come back as results; the caller's abort,
 * the total deadline and errors thrown by user code (hooks, retry signal) are thrown.
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
  try {
    // ky's own timeout guards the wait for headers: passing a second signal would make ky combine
    // them with AbortSignal.any on every call, which costs more than the whole rest of our attempt.
    const kyOptions: KyOptions = {
      method,
      headers: outgoing,
      ...setup.body.ky,
      timeout: setup.attemptTimeout,
    };
    if (setup.callSignal) {
      kyOptions.signal = setup.callSignal;
    }
    const response = await startExchange(setup.client, url, kyOptions);
    const elapsedMs = performance.now() - startedAt;
    const requestId = readRequestId(response.headers);
    if (setup.onResponse.length > 0) {
      inUserCode = true;
      const event = {
        method,
        url,
        attempt,
        idempotencyKey,
        response,
        status: response.status,
        requestId,
        elapsedMs,
      };
      await runHooks(setup.onResponse, event, true);
      inUserCode = false;
    }
    const left =
      setup.attemptTimeout === false ? false : setup.attemptTimeout - (performance.now() - startedAt);
    const read = response.ok
      ? await readSuccess(response, setup.responseType, left)
      : await readFailure(response, left);
    if (logger.enabled('debug')) {
      const withBody = setup.logBodies && read.text !== undefined;
      logger.debug('goskit response', {
        method,
        url,
        attempt,
        status: response.status,
        elapsedMs: Math.round(elapsedMs * 10) / 10,
        requestId,
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
    return { kind: 'response', response, read, requestId, signal };
  } catch (error) {
    // Errors from user code pass through untouched, never disguised as network errors.
    if (inUserCode) {
      throw error;
    }
    const classified = classifyFailure(error, setup.callSignal, setup.context);
    if (classified.fatal) {
      throw classified.error;
    }
    return { kind: classified.kind, error: classified.error };
  }
}
