/**
 * The EPGU portal (API ЕПГУ v1.12.1, Госуслуги orders): create → push (single or chunked) → status
 * machine on the virtual clock → details, status pages, cancel, dictionaries and result download.
 * Register it with `createSimulator({ portals: [esiaPortal(), epguPortal()] })`; docs/epgu-portal.md
 * describes every choice.
 */
import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import { http429 } from '../../engine/responses.js';
import type { PortalDefinition } from '../../engine/types.js';
import { identityService } from '../../services/identity.js';
import { notificationsService } from '../../services/notifications.js';
import { cancelOrderRoute } from './cancel-order.js';
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

export function epguPortal(options: EpguPortalOptions = {}): PortalDefinition<EpguState> {
  const resolved = resolveEpguOptions(options);
  return {
    name: 'epgu',
    title: 'ЕПГУ (Госуслуги, API заявлений)',
    hosts: [...EPGU_HOSTS],
    prefix: '/epgu',
    docs: 'https://github.com/goskit/goskit/blob/main/mocks/simulator/docs/epgu-portal.md',
    createState: (runtime) => createEpguState(runtime),
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
      dictionaryRoute,
      downloadRoute(resolved),
    ],
    // The engine's bucket holds the per-minute figure; the hourly one lives in hourly-limit.ts.
    rateLimit: {
      ratePerSecond: resolved.perMinute / 60,
      burst: resolved.perMinute,
      respond: http429({ retryAfter: 'seconds' }),
    },
    contracts: contractsFromOpenApi(epguOpenApi),
  };
}

export { DEMO_SERVICES, type DemoService } from './catalogue.js';
export { DICTIONARY_CODES } from './dictionaries.js';
export type { EpguAuthMode, EpguPortalOptions } from './options.js';
export { API_ORDER_SCOPES, EPGU_HOSTS } from './options.js';
export type { EpguOrder, EpguState } from './state.js';
export { LK_STATUS, LK_STATUS_NAMES, type ProcessingState } from './statuses.js';
