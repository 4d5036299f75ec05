/**
 * The EPGU portal (API ЕПГУ v1.12.1, Госуслуги orders): create → push (single or chunked) → status
 * machine on the virtual clock → details, status pages, cancel, dictionaries and file downloads,
 * behind the person's APIPGU consent and per-system limits. Register it with
 * `createSimulator({ portals: [esiaPortal(), epguPortal()] })`; docs/epgu-portal.md describes every choice.
 */
import { z } from 'zod';
import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import type { PortalDefinition, RouteDefinition } from '../../engine/types.js';
import { identityService } from '../../services/identity.js';
import { notificationsService } from '../../services/notifications.js';
import { cancelOrderRoute } from './cancel-order.js';
import { epguControlRoutes } from './control-routes.js';
import { createOrderRoute } from './create-order.js';
import { dictionaryRoute } from './dictionaries.js';
import { downloadRoute } from './download.js';
import { getOrderRoute } from './get-order.js';
import { epguOpenApi } from './openapi.gen.js';
import { EPGU_HOSTS, type EpguPortalOptions, resolveEpguOptions } from './options.js';
import { pushRoute } from './push.js';
import { pushChunkedRoute } from './push-chunked.js';
import { createEpguState, type EpguState } from './state.js';
import { statusPageRoutes } from './status-pages.js';
import { buildSystemRecord, epguSystemInputSchema } from './systems.js';

/** The portal's data slice (`createSimulator({ data: { epgu } })`, the --data file's `epgu:`). */
export const epguDataSchema = z.object({ systems: z.array(epguSystemInputSchema).optional() }).strict();

export type EpguData = z.output<typeof epguDataSchema>;

export type EpguPortal = PortalDefinition<EpguState, EpguData> & {
  /** Mount at /__goskit/epgu (POST/GET /systems). */
  controlRoutes: RouteDefinition<EpguState>[];
};

export function epguPortal(options: EpguPortalOptions = {}): EpguPortal {
  const resolved = resolveEpguOptions(options);
  // Validate option systems once, up front, so a bad one fails at start with the field named.
  for (const system of resolved.systems) {
    buildSystemRecord(system, resolved.limits);
  }
  return {
    name: 'epgu',
    title: 'ЕПГУ (Госуслуги, API заявлений)',
    hosts: [...EPGU_HOSTS],
    prefix: '/epgu',
    docs: 'https://github.com/goskit/goskit/blob/main/mocks/simulator/docs/epgu-portal.md',
    data: {
      schema: epguDataSchema,
      description: 'systems: ВИС admitted to the API, with their services and request limits',
    },
    createState: (runtime) => createEpguState(runtime, resolved, runtime.data?.systems ?? []),
    // 'esia' mode verifies tokens through the identity service; 'any-bearer' needs no provider.
    requires: [
      ...(resolved.auth === 'esia' ? [identityService] : []),
      ...(resolved.notifications ? [notificationsService] : []),
    ],
    routes: [
      createOrderRoute(resolved),
      pushRoute(resolved),
      pushChunkedRoute(resolved),
      ...statusPageRoutes(resolved),
      getOrderRoute(resolved),
      cancelOrderRoute(resolved),
      dictionaryRoute(resolved),
      downloadRoute(resolved),
    ],
    // No engine bucket: EPGU counts per system in calendar windows (request-limits.ts).
    contracts: contractsFromOpenApi(epguOpenApi),
    controlRoutes: epguControlRoutes,
  };
}

export { DEMO_SERVICES, type DemoService } from './catalogue.js';
export { epguControlRoutes } from './control-routes.js';
export { DICTIONARY_CODES } from './dictionaries.js';
export type { EpguAuthMode, EpguLimits, EpguPortalOptions } from './options.js';
export { API_ORDER_SCOPES, APIPGU, EPGU_HOSTS } from './options.js';
export type { EpguOrder, EpguState } from './state.js';
export { LK_STATUS, LK_STATUS_NAMES, type ProcessingState } from './statuses.js';
export {
  type EpguSystemInput,
  type EpguSystemRecord,
  epguSystemInputSchema,
  registerEpguSystem,
} from './systems.js';
