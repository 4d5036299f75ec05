import { streebog256, toBase64Url } from '@goskit/crypto';

/**
 * PKCE method names ESIA accepts are [unconfirmed] (esia.md §1: PKCE is only implied by the codes
 * ESIA-007039/007040). 'S256' is RFC 7636's SHA-256 and the default; 'GOST3411' hashes with
 * Streebog-256 instead, for systems told to use GOST everywhere.
 */
export type EsiaPkceMethod = 'S256' | 'GOST3411';

export interface PkcePair {
  method: EsiaPkceMethod;
  /** Sent to v2/ac as code_challenge. */
  challenge: string;
  /** Kept in the pending request, sent to v3/te as code_verifier. */
  verifier: string;
}

/** `true` → S256; a method name picks that method; false/undefined → no PKCE. */
export function pkceMethod(option: boolean | EsiaPkceMethod | undefined): EsiaPkceMethod | undefined {
  if (option === true) {
    return 'S256';
  }
  return option === false || option === undefined ? undefined : option;
}

/** A fresh verifier (32 random bytes → 43 base64url characters, RFC 7636 §4.1) and its challenge. */
export async function createPkcePair(method: EsiaPkceMethod): Promise<PkcePair> {
  const verifier = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  return { method, verifier, challenge: await pkceChallenge(verifier, method) };
}

export async function pkceChallenge(verifier: string, method: EsiaPkceMethod): Promise<string> {
  const bytes = new TextEncoder().encode(verifier);
  const digest =
    method === 'S256' ? new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)) : streebog256(bytes);
  return toBase64Url(digest);
}
