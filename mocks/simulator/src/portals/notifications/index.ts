/**
 * `notifications` — the outbox portals share: personal-account notices, e-mail, SMS and push, each
 * delivered after its category's delay on the virtual clock. It provides `notificationsService`
 * (send, notifyPerson, watch, find / count / verify), shows the latest notices on the dashboard,
 * answers the control API at /__goskit/notifications/… and a person's «Уведомления» at
 * /api/lk/v1/notifications. goskit's own: Gosuslugi's outbox is not public.
 */
import { z } from 'zod';
import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import { http429 } from '../../engine/responses.js';
import { provide } from '../../engine/services.js';
import type { PortalDefinition } from '../../engine/types.js';
import { identityService } from '../../services/identity.js';
import { notificationsService } from '../../services/notifications.js';
import { notificationsOpenApi } from './contract.js';
import { notificationControlRoutes } from './control-routes.js';
import { notificationsPanel } from './dashboard.js';
import { lkNotificationsRoute } from './lk-route.js';
import { createOutbox } from './outbox.js';
import { createOutboxState, type OutboxSettings, type OutboxState } from './state.js';

const durationOrMs = z.union([z.string().min(1).max(40), z.number().min(0)]);

/** `createSimulator({ data: { notifications: { delays, capacity } } })`, or `notifications:` in a --data file. */
export const notificationsDataSchema = z
  .object({
    delays: z.record(z.string().min(1).max(100), durationOrMs).optional(),
    capacity: z.number().int().min(10).max(1_000_000).optional(),
  })
  .strict();
export type NotificationsData = z.output<typeof notificationsDataSchema>;

export type NotificationsPortalOptions = OutboxSettings;

export function notificationsPortal(
  options: NotificationsPortalOptions = {},
): PortalDefinition<OutboxState, NotificationsData> {
  return {
    name: 'notifications',
    title: 'Уведомления Госуслуг (ЛК, e-mail, SMS, push)',
    hosts: ['https://notifications.goskit.test'],
    prefix: '/notifications',
    docs: 'https://github.com/goskit/goskit/blob/main/docs/ediary-linking.en.md',
    data: {
      schema: notificationsDataSchema,
      description:
        'delays: per category (ediary.mark, ediary, default) as ISO durations; capacity: notices kept',
    },
    createState: (runtime) => {
      const data = runtime.data;
      const delays = { ...options.delays, ...data?.delays };
      const capacity = data?.capacity ?? options.capacity;
      return createOutboxState({ delays, ...(capacity === undefined ? {} : { capacity }) });
    },
    routes: [lkNotificationsRoute],
    requires: [notificationsService, identityService],
    provides: [
      provide(notificationsService, ({ runtime, state }) =>
        createOutbox(runtime, () => state() as OutboxState),
      ),
    ],
    controlRoutes: notificationControlRoutes,
    dashboard: notificationsPanel,
    rateLimit: {
      ratePerSecond: 20,
      burst: 50,
      respond: http429({
        retryAfter: 'seconds',
        body: { code: 'too_many_requests', message: 'Слишком много запросов' },
      }),
    },
    contracts: contractsFromOpenApi(notificationsOpenApi),
  };
}

export { notificationControlRoutes } from './control-routes.js';
export type { OutboxState } from './state.js';
