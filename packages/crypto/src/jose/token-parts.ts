import { CryptoError } from '../errors.js';
import { fromBase64Url, fromUtf8 } from '../integrity/bytes.js';

/** Longest compact token accepted; ESIA tokens are ~1–2 KB, the bound stops memory abuse. */
export const MAX_TOKEN_LENGTH = 64 * 1024;

export interface JwsParts {
  header: Record<string, unknown>;
  /** Decoded payload bytes (empty for a detached JWS). */
  payload: Uint8Array;
  signature: Uint8Array;
  /** ASCII(BASE64URL(header) '.' BASE64URL(payload)) — what the signature covers. */
  signingInput: string;
}

/** An undefined cause is left out (GoskitError sets none). */
function malformed(what: string, cause?: unknown): CryptoError {
  return new CryptoError('MALFORMED_TOKEN', `Malformed JWS: ${what}`, { cause });
}

export function parseJsonObject(bytes: Uint8Array, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(bytes));
  } catch (cause) {
    throw malformed(`${what} is not JSON`, cause);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed(`${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Splits and decodes a compact JWS strictly: three base64url parts, header a JSON object with a
 * string `alg`. Used for GOST tokens (jose does not know the algorithm) and to pick keys.
 */
export function parseCompactJws(token: string): JwsParts {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw malformed('token is empty, not a string or too long');
  }
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw malformed(`expected 3 parts, got ${parts.length}`);
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  let headerBytes: Uint8Array;
  let payload: Uint8Array;
  let signature: Uint8Array;
  try {
    headerBytes = fromBase64Url(headerPart);
    payload = fromBase64Url(payloadPart);
    signature = fromBase64Url(signaturePart);
  } catch (cause) {
    throw malformed('a part is not base64url', cause);
  }
  const header = parseJsonObject(headerBytes, 'header');
  if (typeof header.alg !== 'string') {
    throw malformed('header has no alg');
  }
  return { header, payload, signature, signingInput: `${headerPart}.${payloadPart}` };
}
