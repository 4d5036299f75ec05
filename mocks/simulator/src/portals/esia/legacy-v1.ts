/**
 * Legacy v1: GET /aas/oauth2/ac and POST /aas/oauth2/te. Same rules as v2/v3 except that there is no
 * client_certificate_hash and client_secret is a detached PKCS#7 SignedData (base64url) over
 * scope + timestamp + client_id + state. ESIA announced their retirement in 2023; the test stand
 * still accepted v1 in Dec 2025.
 */
import type { RouteDefinition } from '../../engine/types.js';
import { checkScopes, precheckAuthorize, startLogin } from './authorize.js';
import { checkPkcs7Secret } from './checks.js';
import type { ResolvedEsiaOptions } from './options.js';
import { errorRedirect } from './redirects.js';
import type { EsiaState } from './state.js';
import { tokenEndpointRoute } from './token.js';

const V1_MANDATORY = [
  'client_id',
  'client_secret',
  'redirect_uri',
  'scope',
  'response_type',
  'state',
  'timestamp',
];
const V1_TOKEN_MANDATORY = ['client_id', 'grant_type', 'client_secret', 'state', 'timestamp', 'token_type'];

export function authorizeV1Route(options: ResolvedEsiaOptions): RouteDefinition<EsiaState> {
  return {
    method: 'GET',
    path: '/aas/oauth2/ac',
    operation: 'authorizeV1',
    handler: async (ctx) => {
      const check = precheckAuthorize(ctx, options, V1_MANDATORY);
      if ('status' in check) {
        return check;
      }
      const query = ctx.request.query;
      const rejection =
        (await checkPkcs7Secret(check.client, query.get('client_secret') as string, {
          clientId: check.client.clientId,
          scope: query.get('scope') as string,
          timestamp: query.get('timestamp') as string,
          state: check.state,
        })) ?? checkScopes(check.client, query.get('scope') as string, query.get('scope_org') ?? '');
      if (rejection) {
        return errorRedirect(check.redirectUri, rejection, check.state);
      }
      return startLogin(ctx, check, 'v1');
    },
  };
}

export function tokenV1Route(options: ResolvedEsiaOptions): RouteDefinition<EsiaState> {
  return tokenEndpointRoute(options, {
    path: '/aas/oauth2/te',
    operation: 'tokenV1',
    mandatory: V1_TOKEN_MANDATORY,
    flow: 'v1',
  });
}
