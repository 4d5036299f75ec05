/**
 * The ESIA portal (Gosuslugi identity): v2/ac + v3/te with real GOST client_secret checks, login and
 * consent pages, JWT codes and tokens, /rs/** person data, logout and legacy v1.
 * Register it with `createSimulator({ portals: [esiaPortal()] })`; docs/esia-portal.md describes it.
 */

import { z } from 'zod';
import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import { http429 } from '../../engine/responses.js';
import type { PortalDefinition, RouteDefinition } from '../../engine/types.js';
import { authorizeRoute } from './authorize.js';
import { buildClientRecord, esiaClientInputSchema } from './clients.js';
import { consentRoutes } from './consent.js';
import { esiaControlRoutes } from './control-routes.js';
import { esiaIdentity } from './identity-provider.js';
import { jwksRoute } from './jwks.js';
import { authorizeV1Route, tokenV1Route } from './legacy-v1.js';
import { loginRoutes } from './login.js';
import { logoutRoute } from './logout.js';
import { esiaOpenApi } from './openapi.gen.js';
import { ESIA_HOSTS, type EsiaPortalOptions, resolveEsiaOptions } from './options.js';
import { restRoutes } from './rest.js';
import { createEsiaState, type EsiaClientRecord, type EsiaState } from './state.js';
import { tokenRoute } from './token.js';

export interface EsiaPortalDefinitionOptions extends EsiaPortalOptions {
  /** Extra clients registered on every create/reset, besides `data.esia.clients`. */
  clients?: unknown[];
}

export type EsiaPortal = PortalDefinition<EsiaState, EsiaData> & {
  /** Mount at /__goskit/esia (POST/GET /clients). */
  controlRoutes: RouteDefinition<EsiaState>[];
};

/** The portal's data slice (`createSimulator({ data: { esia } })`, the --data file's `esia:`). */
export const esiaDataSchema = z.object({ clients: z.array(esiaClientInputSchema).optional() }).strict();

export type EsiaData = z.output<typeof esiaDataSchema>;
export type EsiaDataInput = z.input<typeof esiaDataSchema>;

/** Operations a rate limit never throttles: the pages a person clicks through. */
const EXEMPT = ['login.page', 'login.submit', 'consent.page', 'consent.submit'];

export function esiaPortal(options: EsiaPortalDefinitionOptions = {}): EsiaPortal {
  const resolved = resolveEsiaOptions(options);
  // Validate option clients once, up front, so a bad one fails at start with the field named.
  const extraClients: EsiaClientRecord[] = (options.clients ?? []).map((input) => buildClientRecord(input));
  return {
    name: 'esia',
    title: 'ЕСИА (Госуслуги)',
    hosts: [...ESIA_HOSTS],
    prefix: '/esia',
    docs: 'https://github.com/goskit/goskit/blob/main/mocks/simulator/docs/esia-portal.md',
    data: { schema: esiaDataSchema, description: 'clients: ESIA systems registered on every start' },
    createState: (runtime) =>
      createEsiaState(runtime, {
        clients: [
          ...extraClients.map((client) => ({ ...client })),
          ...(runtime.data?.clients ?? []).map((input) => buildClientRecord(input)),
        ],
      }),
    provides: [esiaIdentity],
    routes: [
      authorizeRoute(resolved),
      ...loginRoutes(resolved),
      ...consentRoutes(resolved),
      tokenRoute(resolved),
      authorizeV1Route(resolved),
      tokenV1Route(resolved),
      jwksRoute(resolved),
      logoutRoute(resolved),
      ...restRoutes(resolved),
    ],
    rateLimit: {
      ratePerSecond: resolved.rateLimit.ratePerSecond,
      burst: resolved.rateLimit.burst,
      respond: http429({ retryAfter: 'seconds' }),
      exempt: EXEMPT,
    },
    contracts: contractsFromOpenApi(esiaOpenApi),
    controlRoutes: esiaControlRoutes,
  };
}

export { type EsiaAccessGrant, verifyEsiaAccessToken } from './access-token.js';
export {
  type EsiaClientInput,
  type EsiaClientSummary,
  esiaClientInputSchema,
  registerEsiaClient,
} from './clients.js';
export { esiaControlRoutes } from './control-routes.js';
export { DEMO_CLIENT_ID, type DemoEsiaClient, demoEsiaClient } from './demo-client.js';
export { type EsiaErrorCode, esiaError } from './errors.js';
export type { EsiaPortalOptions, EsiaTokenAlg } from './options.js';
export { PRODUCTION_ISSUER, TEST_ISSUER } from './options.js';
export type { EsiaState } from './state.js';
