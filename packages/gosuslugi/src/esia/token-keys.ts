import { InvalidOptionsError } from '@goskit/core';
import {
  certificateKeys,
  fromBase64Any,
  type JwtKeyCandidate,
  type JwtKeyResolver,
  jwksKeys,
} from '@goskit/crypto';
import type { EsiaTokenKeys } from './options.js';

type Jwks = { keys: Record<string, unknown>[] };

/**
 * A JWKS may hold GOST keys, which jose cannot import: keys that carry a certificate (x5c) are
 * verified through that certificate (GOST or RSA), the rest through jose.
 */
export function resolverFromJwks(jwks: Jwks): JwtKeyResolver {
  if (!jwks || !Array.isArray(jwks.keys)) {
    throw new InvalidOptionsError('tokenKeys.jwks must be { keys: [...] }');
  }
  const certificates: Uint8Array[] = [];
  const plain: Record<string, unknown>[] = [];
  for (const key of jwks.keys) {
    const x5c = key.x5c;
    if (Array.isArray(x5c) && typeof x5c[0] === 'string') {
      certificates.push(fromBase64Any(x5c[0]));
    } else if (key.kty === 'RSA' || key.kty === 'EC' || key.kty === 'OKP') {
      plain.push(key);
    }
  }
  const byCertificate = certificates.length > 0 ? certificateKeys(certificates) : undefined;
  const byJwk = plain.length > 0 ? jwksKeys({ keys: plain as never }) : undefined;
  return {
    async resolve(header, token) {
      const candidates: JwtKeyCandidate[] = [];
      if (byCertificate) {
        candidates.push(...(await byCertificate.resolve(header, token)));
      }
      if (byJwk && header.alg !== 'GOST3410_2012_256') {
        try {
          candidates.push(...(await byJwk.resolve(header, token)));
        } catch {
          // no matching plain JWK: the certificate candidates (if any) decide
        }
      }
      return candidates;
    },
  };
}

/** A resolver that can be told to reload after a failed verification (key rotation). */
export interface ReloadableResolver extends JwtKeyResolver {
  /** Refetches the keys when allowed by the cooldown; true when new keys were loaded. */
  reload(): Promise<boolean>;
}

/** JWKS from a URL with the client's fetch: cached, reloaded on demand at most once per cooldown. */
export function remoteResolver(
  url: string,
  fetchImpl: typeof fetch,
  cooldownMs: number,
  now: () => number,
): ReloadableResolver {
  let current: Promise<JwtKeyResolver> | undefined;
  let loadedAt = Number.NEGATIVE_INFINITY;
  const load = () => {
    loadedAt = now();
    const loading = (async () => {
      const response = await fetchImpl(url, { headers: { accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(`JWKS request failed with HTTP ${response.status}`);
      }
      return resolverFromJwks((await response.json()) as Jwks);
    })();
    current = loading;
    loading.catch(() => {
      if (current === loading) {
        current = undefined; // a failed fetch is retried by the next token
      }
    });
    return loading;
  };
  return {
    async resolve(header, token) {
      return (await (current ?? load())).resolve(header, token);
    },
    async reload() {
      if (now() - loadedAt < cooldownMs) {
        return false;
      }
      await load();
      return true;
    },
  };
}

export function createTokenKeyResolver(
  keys: EsiaTokenKeys,
  fetchImpl: typeof fetch,
  now: () => number,
): JwtKeyResolver | ReloadableResolver {
  if (keys === undefined || keys === null || typeof keys !== 'object') {
    throw new InvalidOptionsError(
      'tokenKeys is required: { jwksUrl } | { jwks } | { certificates } — ESIA tokens are never accepted unverified',
    );
  }
  if ('resolver' in keys) {
    return keys.resolver;
  }
  if ('certificates' in keys) {
    if (keys.certificates.length === 0) {
      throw new InvalidOptionsError('tokenKeys.certificates must not be empty');
    }
    return certificateKeys(keys.certificates);
  }
  if ('jwks' in keys) {
    return resolverFromJwks(keys.jwks);
  }
  if ('jwksUrl' in keys && typeof keys.jwksUrl === 'string') {
    return remoteResolver(keys.jwksUrl, fetchImpl, keys.cooldownMs ?? 30_000, now);
  }
  throw new InvalidOptionsError('tokenKeys must be { jwksUrl } | { jwks } | { certificates } | { resolver }');
}

export function isReloadable(resolver: JwtKeyResolver): resolver is ReloadableResolver {
  return typeof (resolver as Partial<ReloadableResolver>).reload === 'function';
}
