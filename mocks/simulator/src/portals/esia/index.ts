/**
 * The ESIA portal (Gosuslugi identity): v2/ac + v3/te with real GOST client_secret checks, login and
 * consent pages, JWT codes and tokens, /rs/** person data, logout and legacy v1.
 * Register it with `createSimulator({ portals: [esiaPortal()] })`; docs/esia-portal.md describes it.
 */

import { z } from 'zod';
import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import { http429 } from '../../engine/responses.js';
import type { DemoData, PortalDefinition, RouteDefinition } from '../../engine/types.js';
import { authorizeRoute } from './authorize.js';
import { buildClientRecord, esiaClientInputSchema } from './clients.js';
import { consentRoutes } from './consent.js';
import { esiaControlRoutes } from './control-routes.js';
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
  /** Extra clients registered on every create/reset (the --data file's `esia.clients`). */
  clients?: unknown[];
}

export type EsiaPortal = PortalDefinition<EsiaState> & {
  /** Mount at /__goskit/esia (POST/GET /clients). */
  controlRoutes: RouteDefinition<EsiaState>[];
};

/** The `esia` section of the simulator's data (the --data file): `{ esia: { clients: [...] } }`. */
export const esiaDataSchema = z.object({ clients: z.array(esiaClientInputSchema).optional() }).strict();

/** Clients from `createSimulator({ data: { esia: { clients } } })` — validated, errors name the field. */
function clientsFromData(demo: DemoData): EsiaClientRecord[] {
  const section = (demo as DemoData & { esia?: { clients?: unknown[] } }).esia;
  return (section?.clients ?? []).map((input) => buildClientRecord(input));
}

/** Operations a rate limit never throttles: the pages a person clicks through. */
const EXEMPT = ['login.page', 'login.submit', 'consent.page', 'consent.submit'];

export function esiaPortal(options: EsiaPortalDefinitionOptions = {}): EsiaPortal {
  const resolved = resolveEsiaOptions(options);
  // Validate --data clients once, up front, so a bad file fails at start with the field named.
  const extraClients: EsiaClientRecord[] = (options.clients ?? []).map((input) => buildClientRecord(input));
  return {
    name: 'esia',
    title: 'ЕСИА (Госуслуги)',
    hosts: [...ESIA_HOSTS],
    prefix: '/esia',
    createState: (runtime) =>
      createEsiaState(runtime, {
        clients: [...extraClients.map((client) => ({ ...client })), ...clientsFromData(runtime.demo)],
      }),
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
