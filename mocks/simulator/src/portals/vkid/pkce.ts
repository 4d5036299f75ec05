/**
 * PKCE as VK ID checks it: S256 only; code_verifier is 43–128 characters of [A-Za-z0-9_-] (base64url
 * of random bytes, as VK ID's SDK makes it); the challenge is base64url(SHA-256(verifier)), 43 chars.
 */
import { toBase64Url } from '@goskit/crypto';

export const VERIFIER = /^[A-Za-z0-9_-]{43,128}$/;
export const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return toBase64Url(new Uint8Array(digest));
}
