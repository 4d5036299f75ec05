/**
 * `random_id` of `messages.send`: VK drops a second message with the same `random_id` from the same
 * sender, so a send that is retried (by the transport, after a captcha, or by a re-run after a crash)
 * must reuse it. A call without one gets a fresh random int32 once, before its first attempt; a call
 * with an `idempotencyKey` gets one derived from the key, the same in every process and every run.
 */
import { hashKey } from '@goskit/validation';
import { SferumInputError } from '../errors/sferum-input-error.js';

const INT32_MAX = 2_147_483_647;

/** A fresh random id in [1, 2^31 - 1]. */
export function freshRandomId(): number {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return ((value ?? 1) % INT32_MAX) + 1;
}

/** The id an idempotency key always maps to, in [1, 2^31 - 1]. */
export function randomIdForKey(idempotencyKey: string): number {
  if (typeof idempotencyKey !== 'string' || idempotencyKey.length === 0 || idempotencyKey.length > 500) {
    throw new SferumInputError('idempotencyKey', 'text-length', {
      ru: 'Ключ идемпотентности — непустая строка до 500 символов.',
      en: 'An idempotency key is a non-empty string of up to 500 characters.',
    });
  }
  return (hashKey(idempotencyKey, 0x5f3759df) % INT32_MAX) + 1;
}

/** Checks a caller's own `random_id`. */
export function checkRandomId(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -INT32_MAX - 1 || value > INT32_MAX) {
    throw new SferumInputError('params.random_id', 'int32', {
      ru: 'random_id — целое 32-битное число.',
      en: 'random_id is a 32-bit integer.',
    });
  }
  return value;
}
