/**
 * The max portal: the MAX Bot API as a school bot meets it (Sferum's chats live in MAX since 2025) —
 * `Authorization: <token>` without Bearer, `{ code, message }` errors, negative int64 group ids, no
 * chat creation and no chat list (a person creates the group and adds the bot; the bot learns it from
 * `bot_added`), members with refusals as data and the 09.2026 restriction, long polling on the virtual
 * clock with marker commits, webhooks with the secret header and 8 hours of retries, two-step uploads.
 * `createSimulator({ portals: [maxPortal()] })`; docs/sferum-max.en.md describes it.
 */
import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import { definePortal } from '../../engine/define-portal.js';
import { fingerprint } from '../../engine/rate-limiter.js';
import { http429 } from '../../engine/responses.js';
import type { PortalDefinition } from '../../engine/types.js';
import { maxControlRoutes } from './control-routes.js';
import { maxPanel } from './dashboard-panel.js';
import { type MaxData, maxDataSchema } from './data.js';
import { createMaxState } from './demo.js';
import { maxOpenApi } from './openapi.gen.js';
import { MAX_HOSTS, type MaxPortalOptions, resolveMaxOptions } from './options.js';
import { botRoutes } from './routes/bot.js';
import { chatRoutes } from './routes/chats.js';
import { memberRoutes } from './routes/members.js';
import { messageRoutes } from './routes/messages.js';
import { subscriptionRoutes } from './routes/subscriptions.js';
import { updateRoutes } from './routes/updates.js';
import { uploadRoutes } from './routes/uploads.js';
import type { MaxState } from './state.js';

export type MaxPortal = PortalDefinition<MaxState, MaxData>;

export function maxPortal(options: MaxPortalOptions = {}): MaxPortal {
  const resolved = resolveMaxOptions(options);
  return definePortal<MaxState, MaxData>({
    name: 'max',
    title: 'MAX Bot API (Сферум в MAX)',
    hosts: [...MAX_HOSTS],
    prefix: '/max',
    docs: 'https://github.com/goskit/goskit/blob/main/docs/sferum-max.en.md',
    data: {
      schema: maxDataSchema,
      description:
        'allowHttpLoopbackWebhooks, memberAddRestriction (auto|on|off), chatList (removed|legacy), bots, privacy, demoChats',
    },
    createState: (runtime) => createMaxState(runtime, resolved),
    routes: [
      ...botRoutes,
      ...chatRoutes,
      ...memberRoutes,
      ...messageRoutes,
      ...uploadRoutes,
      ...subscriptionRoutes,
      ...updateRoutes,
    ],
    rateLimit: {
      ratePerSecond: resolved.rateLimit.ratePerSecond,
      burst: resolved.rateLimit.burst,
      // One bucket per token as MAX sends it (no "Bearer" to strip), then per address.
      key: (request) => {
        const token = request.headers.authorization;
        return token ? `token:${fingerprint(token)}` : `ip:${request.remoteAddress ?? 'local'}`;
      },
      respond: http429({
        retryAfter: 'none',
        body: {
          code: 'too.many.requests',
          message: `Too many requests. Limit is: ${resolved.rateLimit.ratePerSecond} calls per second.`,
        },
      }),
      exempt: ['uploads.upload'],
    },
    contracts: contractsFromOpenApi(maxOpenApi),
    controlRoutes: maxControlRoutes,
    dashboard: maxPanel,
  });
}

export {
  type CreateMaxChatInput,
  type MaxActions,
  type MaxBotSummary,
  MaxControlError,
  type MaxUserSummary,
  maxControl,
  type UserRef,
} from './control.js';
export { type MaxData, type MaxDataInput, maxDataSchema } from './data.js';
export { DEMO_BOT_USERNAME } from './demo.js';
export { MAX_HOSTS, type MaxPortalOptions, RESTRICTION_STARTS_AT } from './options.js';
export type { MaxState } from './state.js';
