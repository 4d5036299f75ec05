/**
 * The `vk` portal: Sferum chats over the VK API on https://api.vk.ru and https://api.vk.com (and
 * /vk/method/<name> standalone) — chat methods, messages.send with random_id idempotency, users,
 * groups, calls, and `execute` running VKScript; the token matrix, VK's envelopes and exact
 * messages, per-token limits (error 6 in a 200 body), captcha 14 in both forms. Needs VK ID's tokens
 * (`vkidPortal()`), offers VK accounts and the messenger service. Docs: docs/vk-portal.md.
 */
import { contractsFromOpenApi } from '../../engine/contracts/openapi-contracts.js';
import type { PortalDefinition, RouteDefinition } from '../../engine/types.js';
import { vkIdentityService } from '../../services/vk-identity.js';
import { vkAccountsProvider } from './accounts-provider.js';
import { captchaRoutes } from './captcha-routes.js';
import { vkControlRoutes } from './control-routes.js';
import { createVkState } from './create-state.js';
import { vkPanel } from './dashboard-panel.js';
import { type VkData, vkDataSchema } from './data.js';
import { vkRateLimitKey, vkTooManyRequests } from './limits.js';
import { vkMessengerProvider } from './messenger.js';
import { vkOpenApi } from './openapi.gen.js';
import { resolveVkOptions, VK_HOSTS, type VkPortalOptions } from './options.js';
import { apiRoutes } from './routes.js';
import type { VkState } from './state.js';

export type VkPortal = PortalDefinition<VkState, VkData> & { controlRoutes: RouteDefinition<VkState>[] };

/** Pages a person opens are never throttled. */
const EXEMPT = ['captcha.image', 'captcha.page', 'captcha.check'];

export function vkPortal(options: VkPortalOptions = {}): VkPortal {
  const resolved = resolveVkOptions(options);
  return {
    name: 'vk',
    title: 'VK API · Сферум',
    hosts: [...VK_HOSTS],
    prefix: '/vk',
    docs: 'https://github.com/goskit/goskit/blob/main/mocks/simulator/docs/vk-portal.md',
    data: {
      schema: vkDataSchema,
      description: 'demo (false: no «Демо школа» VK), users, communities, tokens (user/community/service)',
    },
    createState: createVkState,
    routes: [...apiRoutes(resolved), ...captchaRoutes],
    rateLimit: {
      ratePerSecond: resolved.limits.community,
      burst: resolved.limits.community,
      key: vkRateLimitKey(),
      respond: vkTooManyRequests,
      exempt: EXEMPT,
    },
    contracts: contractsFromOpenApi(vkOpenApi),
    controlRoutes: vkControlRoutes,
    dashboard: vkPanel,
    provides: [vkAccountsProvider, vkMessengerProvider(resolved.randomIdWindowMs)],
    requires: [vkIdentityService],
  };
}

export { type VkData, type VkDataInput, vkDataSchema } from './data.js';
export { EXECUTE_LIMITS } from './execute/limits.js';
export { type VkErrorRuleOptions, vkErrorRule } from './fault-rules.js';
export {
  requireVkCaptcha,
  type VkDemoInfo,
  vkActions,
  vkCaptchaSolution,
  vkChatMessages,
  vkChats,
  vkDemo,
  vkTokens,
  vkUserIdOf,
  vkUsers,
} from './in-process.js';
export type { VkChatSummary, VkTokenInfo, VkUserInfo } from './inspect.js';
export type { VkPortalOptions } from './options.js';
export type { VkDemoChat, VkMessage, VkState } from './state.js';
