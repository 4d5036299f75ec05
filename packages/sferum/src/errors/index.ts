export { type ErrorHint, isSferumError, SferumError, type SferumErrorCode } from './sferum-error.js';
export { isSferumInputError, SferumInputError } from './sferum-input-error.js';
export { isSyncError, SyncError, type SyncErrorCode, type SyncIssue } from './sync-error.js';
export {
  isVkApiError,
  redactRequestParams,
  VkApiError,
  type VkApiErrorDetails,
  type VkRequestParam,
} from './vk-api-error.js';
export { isVkCaptchaError, VkCaptchaError } from './vk-captcha-error.js';
export { VK_ERROR, VK_NOT_EXECUTED, VK_TRANSIENT, vkErrorHint } from './vk-error-codes.js';
export { isVkIdError, VkIdError, type VkIdErrorCode } from './vk-id-error.js';
export { isVkTokenKindError, type VkTokenKind, VkTokenKindError } from './vk-token-kind-error.js';
