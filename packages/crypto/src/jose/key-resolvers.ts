import { warnDeprecated } from '@goskit/core';
import { createLocalJWKSet, createRemoteJWKSet, errors, type JSONWebKeySet } from 'jose';
import type { GostPublicKey } from '../gost/index.js';
import type { FlattenedJwsInput, JsonWebKeySet, JwsHeader } from './jose-types.js';

/** One key to try: a WebCrypto/HMAC key for jose, or a GOST public key for the software verifier. */
export type JwtKeyCandidate =
  | { readonly kind: 'jose'; readonly key: CryptoKey | Uint8Array }
  | { readonly kind: 'gost'; readonly key: GostPublicKey };

/** Where verification keys come from; returns candidates in the order they should be tried. */
export interface JwtKeyResolver {
  resolve(header: JwsHeader, token: FlattenedJwsInput): Promise<JwtKeyCandidate[]>;
}

type JoseGetKey = (header: JwsHeader, token: FlattenedJwsInput) => Promise<CryptoKey>;

/** jose reports several matching JWKs as an async-iterable error; all of them are candidates. */
async function collect(getKey: JoseGetKey, header: JwsHeader, token: FlattenedJwsInput) {
  try {
    return [{ kind: 'jose' as const, key: await getKey(header, token) }];
  } catch (error) {
    if (error instanceof errors.JWKSMultipleMatchingKeys) {
      const keys: JwtKeyCandidate[] = [];
      for await (const key of error as unknown as AsyncIterable<CryptoKey>) {
        keys.push({ kind: 'jose', key });
      }
      return keys;
    }
    throw error;
  }
}

/** Keys from a JWKS held in memory (selected by kid, kty and alg as jose does). */
export function jwksKeys(jwks: JsonWebKeySet): JwtKeyResolver {
  const getKey = createLocalJWKSet(jwks as JSONWebKeySet) as JoseGetKey;
  return { resolve: (header, token) => collect(getKey, header, token) };
}

export interface RemoteJwksOptions {
  /** Minimum time between refetches triggered by an unknown kid. Default 30 000 ms. */
  cooldownMs?: number;
  /** Refetch when the cached set is older than this. Default 600 000 ms. */
  cacheMaxAgeMs?: number;
  /** HTTP timeout, ms. Default 5 000. */
  timeout?: number;
  /** @deprecated Renamed `timeout` (ms); `timeoutMs` goes away in the next minor release. */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/**
 * Keys from a JWKS URL (jose's remote set): cached, refetched when a token names an unknown `kid`
 * (key rotation) but not more often than the cooldown. Create it once and reuse it.
 */
export function remoteJwksKeys(
  url: string | URL,
  options: RemoteJwksOptions = {},
): JwtKeyResolver & { reload(): Promise<void> } {
  if (options.timeout === undefined && options.timeoutMs !== undefined) {
    warnDeprecated(
      undefined,
      'GOSKIT_DEP_TIMEOUTMS_remoteJwksKeys',
      "remoteJwksKeys: the 'timeoutMs' option is renamed 'timeout'; 'timeoutMs' goes away in the next minor release",
    );
  }
  const remote = createRemoteJWKSet(new URL(url), {
    cooldownDuration: options.cooldownMs ?? 30_000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    timeoutDuration: options.timeout ?? options.timeoutMs ?? 5_000,
    ...(options.headers ? { headers: options.headers } : {}),
  });
  const getKey = remote as unknown as JoseGetKey;
  return { resolve: (header, token) => collect(getKey, header, token), reload: () => remote.reload() };
}

/** Fixed keys: HMAC secrets, CryptoKeys or GOST public keys, tried in the given order. */
export function staticKeys(keys: ReadonlyArray<CryptoKey | Uint8Array | GostPublicKey>): JwtKeyResolver {
  const isCryptoKey = (key: unknown): key is CryptoKey =>
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent where the tests run: CryptoKey is a global in Node 20+ and browsers; the guard is for runtimes without WebCrypto
    typeof CryptoKey !== 'undefined' && key instanceof CryptoKey;
  const candidates: JwtKeyCandidate[] = keys.map((key) =>
    key instanceof Uint8Array || isCryptoKey(key)
      ? { kind: 'jose', key }
      : { kind: 'gost', key: key as GostPublicKey },
  );
  return { resolve: async () => candidates };
}
