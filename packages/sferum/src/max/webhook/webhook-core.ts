/**
 * What a MAX webhook endpoint does with one delivery, whatever the server: only POST; the secret
 * header checked in constant time; a bounded JSON body with the update envelope
 * (`update_type`, `timestamp`); then `onUpdate`, and 200 only once it has resolved — MAX retries
 * anything else (for up to 8 hours), so an update whose storing failed is delivered again, never lost.
 * Answers carry no detail a caller could probe with.
 */
import { MaxInputError } from '../errors/max-input-error.js';
import { checkWebhookSecret } from '../methods/subscriptions.js';
import type { MaxIncomingUpdate } from '../models.js';
import { createSecretCheck } from './secret-check.js';

export const SECRET_HEADER = 'x-max-bot-api-secret';

export interface MaxWebhookOptions {
  /** The secret given to `subscribe()`: 5–256 characters `[A-Za-z0-9_-]`. */
  secret: string;
  /** Store the update; the delivery is answered 200 only after this resolves (any throw → 500, MAX retries). */
  onUpdate(update: MaxIncomingUpdate): unknown;
  /** Largest body accepted, bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Told about refused deliveries and failed handlers (never about the secret's value). */
  onError?(error: WebhookRefusal | unknown): void;
}

/** Why a delivery was refused, for `onError` and logs. */
export interface WebhookRefusal {
  status: number;
  reason: 'method' | 'secret' | 'content-type' | 'too-large' | 'json' | 'envelope';
}

export interface WebhookAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const answer = (status: number, body: string, headers: Record<string, string> = {}): WebhookAnswer => ({
  status,
  body,
  headers: { ...TEXT, ...headers },
});
const OK = answer(200, 'OK');
const INTERNAL_ERROR = answer(500, 'Internal Server Error');
const METHOD_NOT_ALLOWED = answer(405, 'Method Not Allowed', { allow: 'POST' });
/** The refusals, one constant answer per status (answers are never changed once built). */
const REFUSALS = new Map<number, WebhookAnswer>(
  [400, 401, 413, 415].map((status) => [status, answer(status, reasonText(status))]),
);
const JSON_TYPE = /^application\/json\b/i;

export interface WebhookCore {
  readonly maxBodyBytes: number;
  /** Method and headers first: a refused delivery is answered before its body is read. */
  precheck(
    method: string,
    secret: string | null | undefined,
    contentType: string | null | undefined,
  ): WebhookAnswer | undefined;
  /** The body of an accepted delivery (already bounded); a promise only when onUpdate returned one. */
  deliver(body: string): WebhookAnswer | Promise<WebhookAnswer>;
  refuse(status: number, reason: WebhookRefusal['reason']): WebhookAnswer;
}

export function createWebhookCore(options: MaxWebhookOptions): WebhookCore {
  const secret = checkWebhookSecret(options.secret);
  if (typeof options.onUpdate !== 'function') {
    throw new MaxInputError('onUpdate', 'function', {
      ru: 'onUpdate — функция, которая сохраняет событие.',
      en: 'onUpdate is the function that stores the update.',
    });
  }
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new MaxInputError('maxBodyBytes', 'positive-integer', {
      ru: 'maxBodyBytes — положительное целое число байт.',
      en: 'maxBodyBytes is a positive integer number of bytes.',
    });
  }
  const check = createSecretCheck(secret);
  const refuse = (status: number, reason: WebhookRefusal['reason']): WebhookAnswer => {
    options.onError?.({ status, reason } satisfies WebhookRefusal);
    return status === 405 ? METHOD_NOT_ALLOWED : (REFUSALS.get(status) ?? answer(status, reasonText(status)));
  };
  return {
    maxBodyBytes,
    refuse,
    precheck(method, header, contentType) {
      if (method !== 'POST') {
        return refuse(405, 'method');
      }
      if (!check.matches(header)) {
        return refuse(401, 'secret');
      }
      if (contentType && contentType !== 'application/json' && !JSON_TYPE.test(contentType.trim())) {
        return refuse(415, 'content-type');
      }
      return undefined;
    },
    deliver(body) {
      let update: unknown;
      try {
        update = JSON.parse(body);
      } catch {
        return refuse(400, 'json');
      }
      if (
        update === null ||
        typeof update !== 'object' ||
        Array.isArray(update) ||
        typeof (update as { update_type?: unknown }).update_type !== 'string' ||
        typeof (update as { timestamp?: unknown }).timestamp !== 'number'
      ) {
        return refuse(400, 'envelope');
      }
      const failed = (error: unknown): WebhookAnswer => {
        options.onError?.(error);
        return INTERNAL_ERROR;
      };
      let stored: unknown;
      try {
        stored = options.onUpdate(update as MaxIncomingUpdate);
      } catch (error) {
        return failed(error);
      }
      if (typeof (stored as PromiseLike<unknown> | null)?.then === 'function') {
        return Promise.resolve(stored).then(() => OK, failed);
      }
      return OK;
    },
  };
}

function reasonText(status: number): string {
  switch (status) {
    case 400:
      return 'Bad Request';
    case 401:
      return 'Unauthorized';
    case 413:
      return 'Payload Too Large';
    case 415:
      return 'Unsupported Media Type';
    default:
      return 'Error';
  }
}
