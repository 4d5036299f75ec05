/**
 * What every MAX operation receives: the transport (token in `Authorization`, MAX's retry policy, the
 * per-token limiter), the limiter for per-chat sends, and the injectable clock and wait. `maxCall`
 * sends one request and turns MAX's `{ code, message }` refusals into `MaxApiError`.
 */
import {
  clientTransportOptions,
  createTransport,
  sleep as defaultSleep,
  HttpError,
  isRateLimitError,
  type RequestOptions,
  type Sleep,
  type Transport,
} from '@goskit/core';
import type { ZodType } from 'zod';
import { resolveMaxBaseUrl } from './environment.js';
import { MaxApiError } from './errors/max-api-error.js';
import { MaxInputError } from './errors/max-input-error.js';
import { type MaxRateLimiter, resolveMaxRateLimiter } from './limiter.js';
import type { MaxClientOptions } from './options.js';
import { maxRetry } from './retry-policy.js';
import { checkToken, tokenDigest } from './token.js';

/** Options every operation takes. */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface MaxContext {
  readonly baseUrl: string;
  readonly transport: Transport;
  readonly limiter: MaxRateLimiter;
  /** The caller's options, for transports the client builds later (uploads go to another host). */
  readonly options: MaxClientOptions;
  readonly sleep: Sleep;
  readonly now: () => number;
  readonly attachmentRetry: { attempts: number; delayMs: number };
  /** `max:<digest>`: names the token in limiter keys and marker stores, never the token itself. */
  tokenKey(): Promise<string>;
}

/** Per-attempt timeout of ordinary calls, ms (long polls add their own `timeout`). */
export const DEFAULT_TIMEOUT_MS = 30_000;

function positive(name: string, value: number | undefined, fallback: number, integer = false): number {
  const n = value ?? fallback;
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new MaxInputError(name, 'positive', {
      ru: `${name} — положительное ${integer ? 'целое ' : ''}число.`,
      en: `${name} must be a positive ${integer ? 'integer' : 'number'}.`,
    });
  }
  return n;
}

export function createMaxContext(options: MaxClientOptions): MaxContext {
  const token = checkToken(options.token);
  const baseUrl = resolveMaxBaseUrl(options.baseUrl);
  const limiter = resolveMaxRateLimiter(options.rateLimit, options.clock);
  const { rateLimit: _ownLimit, ...clientOptions } = options;
  const transport = createTransport({
    ...clientTransportOptions(clientOptions, {
      baseUrl,
      timeout: DEFAULT_TIMEOUT_MS,
      headers: { authorization: token },
    }),
    rateLimit: limiter,
    retry: maxRetry(options.retry),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const clock = options.clock;
  let key: Promise<string> | undefined;
  return {
    baseUrl,
    transport,
    limiter,
    options,
    sleep: options.sleep ?? defaultSleep,
    now: clock === undefined ? Date.now : () => clock.now(),
    attachmentRetry: {
      attempts: positive('attachmentRetry.attempts', options.attachmentRetry?.attempts, 5, true),
      delayMs: positive('attachmentRetry.delayMs', options.attachmentRetry?.delayMs, 500),
    },
    tokenKey() {
      key ??= tokenDigest(token).then((digest) => `max:${digest}`);
      return key;
    },
  };
}

export interface MaxRequest<S extends ZodType | undefined> extends RequestOptions<S> {
  method: NonNullable<RequestOptions['method']>;
}

/** One call on the token's budget; MAX's `{ code, message }` becomes `MaxApiError` (429 stays core's). */
export async function maxCall<T, S extends ZodType | undefined = undefined>(
  context: MaxContext,
  request: MaxRequest<S>,
): Promise<T> {
  const rateLimitKey = await context.tokenKey();
  try {
    return (await context.transport.request<T, S>({ ...request, rateLimitKey })) as T;
  } catch (error) {
    throw toMaxError(error, request.method.toUpperCase(), request.path);
  }
}

/** An HttpError whose body is MAX's `{ code, message }` → MaxApiError; anything else as it is. */
export function toMaxError(error: unknown, method: string, path: string): unknown {
  if (!(error instanceof HttpError) || isRateLimitError(error)) {
    return error;
  }
  const data = error.data as { code?: unknown; message?: unknown } | undefined;
  if (data === null || typeof data !== 'object' || typeof data.code !== 'string') {
    return error;
  }
  return new MaxApiError({
    status: error.status,
    maxCode: data.code,
    maxMessage: typeof data.message === 'string' ? data.message : '',
    method,
    path,
    requestId: error.requestId,
    cause: error,
  });
}
