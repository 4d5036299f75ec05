/**
 * `ediary` — Gosuslugi's side of a school e-diary: parents link their account (connections), the
 * school's system sends records in idempotent batches and deviation reports, and every notice goes
 * through the shared outbox (`notificationsPortal()`), so load ESIA and notifications with it.
 * Gosuslugi publishes no e-diary API: the contract is goskit's own
 * (packages/gosuslugi/openapi/ediary.yaml). A backup server for failover tests:
 * `replicatePortal(ediaryPortal(), { name: 'ediary-backup', hosts: [EDIARY_BACKUP_HOST] })`.
 */

import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import { SimulatorError } from '../../engine/errors.js';
import { http429 } from '../../engine/responses.js';
import type { PortalDefinition } from '../../engine/types.js';
import { identityService } from '../../services/identity.js';
import { notificationsService } from '../../services/notifications.js';
import { DEFAULT_MAX_APPLIED_IDS } from './applied-ids.js';
import { batchRoute } from './batches.js';
import { connectionRoutes } from './connections.js';
import { ediaryPanel } from './dashboard.js';
import { ediaryOpenApi } from './openapi.gen.js';
import { healthRoute, reportRoute } from './reports.js';
import { createEdiaryState, type EdiaryState } from './state.js';

export const EDIARY_HOST = 'https://ediary-feed.goskit.test';
export const EDIARY_BACKUP_HOST = 'https://ediary-feed-backup.goskit.test';

export interface EdiaryPortalOptions {
  /**
   * Record ids the feed remembers to refuse a re-sent record as `duplicate`, over all schools and
   * kinds; the least recently seen are forgotten first. Default 100 000.
   */
  maxAppliedIds?: number;
}

export function ediaryPortal(options: EdiaryPortalOptions = {}): PortalDefinition<EdiaryState> {
  const maxAppliedIds = options.maxAppliedIds ?? DEFAULT_MAX_APPLIED_IDS;
  if (!Number.isSafeInteger(maxAppliedIds) || maxAppliedIds < 1) {
    throw new SimulatorError(
      'INVALID_OPTIONS',
      `ediaryPortal: maxAppliedIds must be a positive integer, got ${String(maxAppliedIds)}`,
    );
  }
  return {
    name: 'ediary',
    title: 'Электронный дневник ↔ Госуслуги (лента goskit)',
    hosts: [EDIARY_HOST],
    prefix: '/ediary',
    docs: 'https://github.com/goskit/goskit/blob/main/docs/ediary-linking.en.md',
    createState: () => createEdiaryState(),
    requires: [identityService, notificationsService],
    routes: [healthRoute, ...connectionRoutes, batchRoute({ maxAppliedIds }), reportRoute],
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

export { DEFAULT_MAX_APPLIED_IDS } from './applied-ids.js';
export { EDIARY_FEED_SCOPE } from './caller.js';
export type { EdiaryState, FeedConnection } from './state.js';
