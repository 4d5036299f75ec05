/**
 * The portal's JWKS (`/oauth2/jwks`) fetched through the client's own transport — so it travels over
 * the same mutual-TLS connection as everything else — cached, and fetched again when a token names a
 * key the cached set lacks, at most once per cooldown (key rotation without a restart).
 */
import type { Transport } from '@goskit/core';
import { CryptoError, type JwtKeyCandidate, type JwtKeyResolver, jwksKeys } from '@goskit/crypto';
import { z } from 'zod';

const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())).max(20) });

export function transportJwks(
  transport: Transport,
  path: string,
  options: { cooldownMs: number; now: () => number },
): JwtKeyResolver {
  let cached: JwtKeyResolver | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<JwtKeyResolver> | undefined;

  const load = (): Promise<JwtKeyResolver> => {
    inFlight ??= (async () => {
      try {
        const body = await transport.get(path, { schema: jwksSchema });
        cached = jwksKeys(body as Parameters<typeof jwksKeys>[0]);
        fetchedAt = options.now();
        return cached;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  const tryResolve = async (
    resolver: JwtKeyResolver,
    ...args: Parameters<JwtKeyResolver['resolve']>
  ): Promise<JwtKeyCandidate[]> => {
    try {
      return await resolver.resolve(...args);
    } catch {
      return [];
    }
  };

  return {
    async resolve(header, token) {
      const first = cached ?? (await load());
      const found = await tryResolve(first, header, token);
      if (found.length > 0 || options.now() - fetchedAt < options.cooldownMs) {
        if (found.length === 0) {
          throw new CryptoError('KEY_NOT_FOUND', 'No key in the portal JWKS matches the token');
        }
        return found;
      }
      const again = await tryResolve(await load(), header, token);
      if (again.length === 0) {
        throw new CryptoError('KEY_NOT_FOUND', 'No key in the portal JWKS matches the token');
      }
      return again;
    },
  };
}
