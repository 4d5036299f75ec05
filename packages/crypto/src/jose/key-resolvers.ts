import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWSHeaderParameters,
} from 'jose';
import type { GostPublicKey } from '../gost/index.js';

/** One key to try: a WebCrypto/HMAC key for jose, or a GOST public key for the software verifier. */
export type JwtKeyCandidate =
  | { readonly kind: 'jose'; readonly key: CryptoKey | Uint8Array }
  | { readonly kind: 'gost'; readonly key: GostPublicKey };

/** Where verification keys come from; returns candidates in the order they should be tried. */
export interface JwtKeyResolver {
  resolve(header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<JwtKeyCandidate[]>;
}

type JoseGetKey = (header: JWSHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey>;

/** jose reports several matching JWKs as an async-iterable error; all of them are candidates. */
async function collect(getKey: JoseGetKey, header: JWSHeaderParameters, token: FlattenedJWSInput) {
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
export function jwksKeys(jwks: JSONWebKeySet): JwtKeyResolver {
  const getKey = createLocalJWKSet(jwks);
  return { resolve: (header, token) => collect(getKey, header, token) };
}

export interface RemoteJwksOptions {
  /** Minimum time between refetches triggered by an unknown kid. Default 30 000 ms. */
  cooldownMs?: number;
  /** Refetch when the cached set is older than this. Default 600 000 ms. */
  cacheMaxAgeMs?: number;
  /** HTTP timeout. Default 5 000 ms. */
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
  const getKey = createRemoteJWKSet(new URL(url), {
    cooldownDuration: options.cooldownMs ?? 30_000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    timeoutDuration: options.timeoutMs ?? 5_000,
    ...(options.headers ? { headers: options.headers } : {}),
  });
  return { resolve: (header, token) => collect(getKey, header, token), reload: () => getKey.reload() };
}

/** Fixed keys: HMAC secrets, CryptoKeys or GOST public keys, tried in the given order. */
export function staticKeys(keys: ReadonlyArray<CryptoKey | Uint8Array | GostPublicKey>): JwtKeyResolver {
  const candidates: JwtKeyCandidate[] = keys.map((key) =>
    key instanceof Uint8Array || (typeof CryptoKey !== 'undefined' && key instanceof CryptoKey)
      ? { kind: 'jose', key: key as CryptoKey | Uint8Array }
      : { kind: 'gost', key: key as GostPublicKey },
  );
  return { resolve: async () => candidates };
}
