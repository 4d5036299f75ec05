/**
 * PKCE (implied by ESIA-007039/007040). Method names are [unconfirmed]: 'S256' (SHA-256, RFC 7636)
 * and 'GOST3411' (Streebog-256) are accepted, both base64url without padding; 'plain' compares as is.
 */
import { streebog256, toBase64Url } from '@goskit/crypto';
import { EsiaRejection } from './errors.js';

export const PKCE_METHODS = ['S256', 'GOST3411', 'plain'];

async function transform(verifier: string, method: string): Promise<string> {
  const bytes = new TextEncoder().encode(verifier);
  if (method === 'S256') {
    return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
  }
  if (method === 'GOST3411') {
    return toBase64Url(streebog256(bytes));
  }
  return verifier;
}

/** 007039 when a challenged code comes without code_verifier, 007040 when it does not match. */
export async function checkPkce(
  challenge: { value: string; method: string } | undefined,
  verifier: string | undefined,
): Promise<EsiaRejection | undefined> {
  if (!challenge) {
    return undefined;
  }
  if (verifier === undefined) {
    return new EsiaRejection('007039');
  }
  return (await transform(verifier, challenge.method)) === challenge.value
    ? undefined
    : new EsiaRejection('007040');
}
