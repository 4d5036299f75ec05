/** Methods that change state on every call; the others are idempotent by definition (RFC 9110 §9.2.2). */
const NON_IDEMPOTENT = new Set(['POST', 'PATCH']);

/**
 * The key of one logical call, decided once and reused on every attempt: an explicit string wins,
 * `false` sends none, a key the caller put in the headers is kept, `true` (or `autoGenerate` for
 * POST/PATCH) makes a fresh UUID.
 */
export function resolveIdempotencyKey(
  option: string | boolean | undefined,
  method: string,
  fromHeaders: string | undefined,
  autoGenerate: boolean,
): string | undefined {
  if (typeof option === 'string') {
    return option;
  }
  if (option === false) {
    return undefined;
  }
  if (fromHeaders !== undefined) {
    return fromHeaders;
  }
  if (option === true || (autoGenerate && NON_IDEMPOTENT.has(method))) {
    return globalThis.crypto.randomUUID();
  }
  return undefined;
}
