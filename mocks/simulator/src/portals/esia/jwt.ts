/**
 * Compact JWS as ESIA writes it: header {ver:1, typ:'JWT', sbt, alg[, x5t#St256]}, signature RS256 or
 * GOST3410_2012_256 (Streebog-256 + GOST R 34.10-2012 over the ASCII signing input).
 */
import { fromBase64Url, toBase64Url } from '@goskit/crypto';
import type { SigningKey } from './signing-keys.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export type TokenKind = 'authorization_code' | 'access' | 'id';

export async function signJwt(
  key: SigningKey,
  kind: TokenKind,
  payload: Record<string, unknown>,
  withThumbprint: boolean,
): Promise<string> {
  const header: Record<string, unknown> = { ver: 1, typ: 'JWT', sbt: kind, alg: key.alg };
  if (withThumbprint) {
    header['x5t#St256'] = key.thumbprint;
  }
  const signingInput = `${toBase64Url(encoder.encode(JSON.stringify(header)))}.${toBase64Url(encoder.encode(JSON.stringify(payload)))}`;
  const signature = await key.sign(encoder.encode(signingInput));
  return `${signingInput}.${toBase64Url(signature)}`;
}

export interface VerifiedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The signature segment: a unique handle for single-use codes. */
  signature: string;
}

/**
 * Verifies a token THIS simulator issued: our alg, the expected `sbt`, a valid signature and
 * `exp` after `nowMs`. Returns undefined for anything else (callers answer with their own error).
 */
export async function verifyOwnJwt(
  key: SigningKey,
  token: string,
  kind: TokenKind,
  nowMs: number,
): Promise<VerifiedJwt | undefined> {
  const verified = verifiedCache(key).get(token) ?? (await decodeAndVerify(key, token));
  if (verified === undefined || verified.header.sbt !== kind) {
    return undefined;
  }
  const exp = verified.payload.exp as number;
  return exp * 1000 <= nowMs ? undefined : verified;
}

/**
 * Signature checks and decoding are pure (key + token), so repeated REST calls with one access token
 * reuse them; `exp`, `sbt` and sessions are checked on every call. Callers treat the result as read-only.
 */
const VERIFIED_CACHE_SIZE = 1024;
const verifiedTokens = new WeakMap<SigningKey, Map<string, VerifiedJwt>>();

function verifiedCache(key: SigningKey): Map<string, VerifiedJwt> {
  let cache = verifiedTokens.get(key);
  if (!cache) {
    cache = new Map();
    verifiedTokens.set(key, cache);
  }
  return cache;
}

async function decodeAndVerify(key: SigningKey, token: string): Promise<VerifiedJwt | undefined> {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return undefined;
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  let signature: Uint8Array;
  try {
    header = JSON.parse(decoder.decode(fromBase64Url(headerPart)));
    payload = JSON.parse(decoder.decode(fromBase64Url(payloadPart)));
    signature = fromBase64Url(signaturePart);
  } catch {
    return undefined;
  }
  if (header.alg !== key.alg || typeof payload.exp !== 'number') {
    return undefined;
  }
  if (!(await key.verify(encoder.encode(`${headerPart}.${payloadPart}`), signature))) {
    return undefined;
  }
  const verified: VerifiedJwt = { header, payload, signature: signaturePart };
  const cache = verifiedCache(key);
  if (cache.size >= VERIFIED_CACHE_SIZE) {
    cache.delete(cache.keys().next().value as string);
  }
  cache.set(token, verified);
  return verified;
}
