/** The MAX Bot API client (`@goskit/sferum/max`). */
export type { CallOptions } from './context.js';
export { createMaxClient, type MaxClient } from './create-max-client.js';
export { MAX_API_BASE_URL, MAX_LEGACY_BASE_URL } from './environment.js';
export * from './errors/index.js';
export type { MaxId } from './ids.js';
export {
  createMaxRateLimiter,
  isMaxRateLimiter,
  MAX_DEFAULT_RATES,
  type MaxRateLimiter,
  type MaxRateLimiterOptions,
} from './limiter.js';
export type { AdminGrant } from './methods/admins.js';
export type { CallbackAnswer } from './methods/answers.js';
export type { EditChatInput } from './methods/chats.js';
export type { AddMembersResult, ListMembersOptions, MemberRefusal, MembersPage } from './methods/members.js';
export {
  type ListMessagesOptions,
  MAX_TEXT_LENGTH,
  type MessageTarget,
  type NewMessage,
  type SendOptions,
} from './methods/messages.js';
export { type SubscribeInput, WEBHOOK_SECRET_PATTERN } from './methods/subscriptions.js';
export { MAX_UPLOAD_BYTES, type UploadedFile, type UploadInput } from './methods/uploads.js';
export * from './models.js';
export type { MaxClientOptions } from './options.js';
export type { GetUpdatesOptions, UpdatesBatch } from './updates/get-updates.js';
export type { HandlerErrorDecision, PollingOptions, UpdatePoller } from './updates/poller.js';
export { createMaxWebhookHandler, type MaxWebhookHandler } from './webhook/fetch-handler.js';
export { createMaxWebhookNodeListener, type MaxWebhookNodeListener } from './webhook/node-listener.js';
export { type MaxWebhookOptions, SECRET_HEADER, type WebhookRefusal } from './webhook/webhook-core.js';
