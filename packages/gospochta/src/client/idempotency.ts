/**
 * Local half of idempotency: a key this client used is remembered (in `idempotencyStore`, 24 h by
 * default — share a Redis store between instances) with a fingerprint of the request it was used for.
 * The same key with the same request passes (a retry, maybe after a restart); the same key with a
 * different request is refused before sending. The fingerprint is an HMAC under the packet MAC key,
 * so the store never holds personal data or a hash of it that could be brute-forced (СНИЛС has only
 * 10^9 values). When the portal answered that it did not act (a 4xx other than a conflict), the key is
 * released for reuse.
 */
import { canonicalJson, toBase64Url, utf8 } from '@goskit/crypto';
import { IdempotencyConflictError } from '../errors/idempotency-conflict-error.js';
import type { GospochtaContext } from './context.js';

interface StoredFingerprint {
  kid: string;
  fingerprint: string;
}

async function fingerprint(context: GospochtaContext, kid: string, operation: string, request: unknown) {
  const key = context.codec.keys.get(kid);
  if (!key) {
    return undefined;
  }
  const data = utf8(`gospochta idempotency v1\n${operation}\n${canonicalJson(request)}`);
  return toBase64Url(
    new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', await key.mac, new Uint8Array(data))),
  );
}

export interface IdempotencyClaim {
  /** Forget the key (the portal did not act on the request). */
  release(): Promise<void>;
}

export async function claimIdempotencyKey(
  context: GospochtaContext,
  operation: string,
  idempotencyKey: string,
  request: unknown,
): Promise<IdempotencyClaim> {
  const storeKey = `gospochta:idempotency:${operation}:${idempotencyKey}`;
  const kid = context.codec.keys.currentKid;
  const mine = (await fingerprint(context, kid, operation, request)) as string;
  const written = await context.idempotencyStore.setIfAbsent(
    storeKey,
    { kid, fingerprint: mine } satisfies StoredFingerprint,
    {
      ttlMs: context.idempotencyTtlMs,
    },
  );
  if (!written) {
    const stored = (await context.idempotencyStore.get(storeKey)) as StoredFingerprint | undefined;
    if (stored && typeof stored.kid === 'string' && typeof stored.fingerprint === 'string') {
      const comparable = await fingerprint(context, stored.kid, operation, request);
      // A key whose id left the ring cannot be compared here; the portal still checks it.
      if (comparable !== undefined && comparable !== stored.fingerprint) {
        throw new IdempotencyConflictError({ idempotencyKey, operation, source: 'local' });
      }
    }
  }
  return {
    async release() {
      await context.idempotencyStore.delete(storeKey);
    },
  };
}

/** True when the portal's answer means it did not act on the request, so the key may be reused. */
export function notActedOn(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  const code = (error as { portalCode?: unknown; code?: unknown } | null)?.portalCode;
  return (
    typeof status === 'number' &&
    status >= 400 &&
    status < 500 &&
    status !== 408 &&
    status !== 409 &&
    status !== 429 &&
    code !== 'IDEMPOTENCY_KEY_REUSED'
  );
}
