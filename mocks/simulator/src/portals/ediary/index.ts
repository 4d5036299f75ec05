/**
 * `ediary` — Gosuslugi's side of a school e-diary: parents link their account (connections), the
 * school's system sends records in idempotent batches and deviation reports, and every notice goes
 * through the shared outbox (`notificationsPortal()`), so load ESIA and notifications with it.
 * Gosuslugi publishes no e-diary API: the contract is goskit's own
 * (packages/gosuslugi/openapi/ediary.yaml). A backup server for failover tests:
 * `replicatePortal(ediaryPortal(), { name: 'ediary-backup', hosts: [EDIARY_BACKUP_HOST] })`.
 */
import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import { http429 } from '../../engine/responses.js';
import type { PortalDefinition } from '../../engine/types.js';
import { identityService } from '../../services/identity.js';
import { notificationsService } from '../../services/notifications.js';
import { batchRoute } from './batches.js';
import { connectionRoutes } from './connections.js';
import { ediaryPanel } from './dashboard.js';
import { ediaryOpenApi } from './openapi.gen.js';
import { healthRoute, reportRoute } from './reports.js';
import { createEdiaryState, type EdiaryState } from './state.js';

export const EDIARY_HOST = 'https://ediary-feed.goskit.test';
export const EDIARY_BACKUP_HOST = 'https://ediary-feed-backup.goskit.test';

export function ediaryPortal(): PortalDefinition<EdiaryState> {
  return {
    name: 'ediary',
    title: 'Электронный дневник ↔ Госуслуги (лента goskit)',
    hosts: [EDIARY_HOST],
    prefix: '/ediary',
    docs: 'https://github.com/goskit/goskit/blob/main/docs/ediary-linking.en.md',
    createState: () => createEdiaryState(),
    requires: [identityService, notificationsService],
    routes: [healthRoute, ...connectionRoutes, batchRoute, reportRoute],
    dashboard: ediaryPanel,
    rateLimit: {
      ratePerSecond: 50,
      burst: 200,
      respond: http429({
        retryAfter: 'seconds',
        body: { code: 'too_many_requests', message: 'Слишком много запросов' },
      }),
    },
    contracts: contractsFromOpenApi(ediaryOpenApi),
  };
}

export { EDIARY_FEED_SCOPE } from './caller.js';
export type { EdiaryState, FeedConnection } from './state.js';
