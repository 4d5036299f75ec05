/** GET /aas/oauth2/jwks — goskit's own: the simulator's token key as a JWK with its certificate (x5c). */
import { json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import type { ResolvedEsiaOptions } from './options.js';
import { signingKey } from './signing-keys.js';
import type { EsiaState } from './state.js';

export function jwksRoute(options: ResolvedEsiaOptions): RouteDefinition<EsiaState> {
  return {
    method: 'GET',
    path: '/aas/oauth2/jwks',
    operation: 'keys',
    handler: async (ctx) => {
      const key = await signingKey(ctx.sim.seed, options.tokenAlg);
      return json({ keys: [key.jwk] }, 200, { 'cache-control': 'public, max-age=3600' });
    },
  };
}
