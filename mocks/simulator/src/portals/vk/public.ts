/** What the package exports of the vk portal (re-exported by src/universal.ts), and the services it offers. */

export { type VkAccount, type VkAccountsService, vkAccountsService } from '../../services/vk-accounts.js';
export {
  type VkChatInfo,
  type VkCommunityInfo,
  VkMessengerError,
  type VkMessengerService,
  vkMessengerService,
} from '../../services/vk-messenger.js';
export {
  EXECUTE_LIMITS,
  requireVkCaptcha,
  type VkChatSummary,
  type VkData,
  type VkDataInput,
  type VkDemoChat,
  type VkDemoInfo,
  type VkErrorRuleOptions,
  type VkMessage,
  type VkPortal,
  type VkPortalOptions,
  type VkState,
  type VkTokenInfo,
  type VkUserInfo,
  vkActions,
  vkCaptchaSolution,
  vkChatMessages,
  vkChats,
  vkDataSchema,
  vkDemo,
  vkErrorRule,
  vkPortal,
  vkTokens,
  vkUserIdOf,
  vkUsers,
} from './index.js';
