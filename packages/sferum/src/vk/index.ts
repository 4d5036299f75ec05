export type { VkCallOptions, VkResult } from './call-method.js';
export type { VkCaptchaAnswer, VkCaptchaChallenge, VkCaptchaSolver } from './captcha.js';
export type { VkContext } from './context.js';
export { createVkClient, type VkClient, type VkMessages } from './create-vk-client.js';
export type { VkExecuteErrorItem } from './envelope.js';
export { resolveVkBaseUrl, VK_API_COM, VK_API_RU, type VkEnvironment } from './environment.js';
export {
  createVkBatcher,
  type VkBatchCallOptions,
  type VkBatcher,
  type VkBatcherOptions,
  type VkBatcherStats,
} from './execute/batcher.js';
export { execute, type VkCallResult, type VkExecuteOptions } from './execute/execute.js';
export { EXECUTE_MAX_CALLS, executeCode, type VkExecuteCall } from './execute/execute-code.js';
export type { CallsForceFinishParams, CallsStartParams } from './methods/calls.js';
export {
  type CreateChatParams,
  type EditChatParams,
  type GetConversationsByIdParams,
  type GetConversationsParams,
  type GetInviteLinkParams,
  VK_TITLE_MAX,
} from './methods/messages-chats.js';
export type {
  AddChatUserParams,
  GetConversationMembersParams,
  RemoveChatUserParams,
} from './methods/messages-members.js';
export type { SendOptions, SendParams } from './methods/messages-send.js';
export type { VkMethodOptions } from './methods/shared.js';
export type { GroupsGetByIdParams, UsersGetParams } from './methods/users-groups.js';
export { callStartResponse, type VkCallStart } from './models/calls.js';
export {
  conversation,
  createChatResponse,
  getConversationMembersResponse,
  getConversationsByIdResponse,
  getConversationsResponse,
  inviteLinkResponse,
  sendResponse,
  type VkConversation,
  type VkConversationMember,
  type VkConversationMembers,
  type VkConversations,
  type VkConversationsById,
  type VkCreatedChat,
  type VkInviteLink,
  type VkSendResult,
} from './models/chats.js';
export { chatIdOfPeer, chatPeerId, okResponse, PEER_CHAT_OFFSET, type VkOk } from './models/common.js';
export { groupsResponse, usersResponse, type VkGroup, type VkUser } from './models/people.js';
export type { VkClientOptions } from './options.js';
export type { VkParamScalar, VkParams, VkParamValue } from './params.js';
export { randomIdForKey } from './random-id.js';
export {
  createVkRateLimiter,
  isVkRateLimiter,
  VK_DEFAULT_RATES,
  type VkRateLimiter,
  type VkRateLimiterOptions,
  vkLimiterKey,
} from './rate-limiter.js';
