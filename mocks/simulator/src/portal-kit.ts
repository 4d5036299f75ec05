/**
 * `@goskit/simulator/portal-kit`: everything needed to write a portal — the built-in ones use
 * nothing else. A portal is a value (`definePortal({...})`) loaded with
 * `createSimulator({ portals: [...builtInPortals(), myPortal] })` or `goskit-sim --portal ./my-portal.js`.
 * See docs/portal-kit.md.
 */
export { type JsonSchema, validateSchema } from './engine/contracts/json-schema.js';
export {
  contractsFromOpenApi,
  type OpenApiOperationInfo,
  readOpenApiOperations,
} from './engine/contracts/openapi-contracts.js';
export { definePortal } from './engine/define-portal.js';
export { describeRun } from './engine/describe-run.js';
export { parseDuration } from './engine/duration.js';
export { BadRequestError, SimulatorError, type SimulatorErrorCode } from './engine/errors.js';
export { escapeHtml } from './engine/escape-html.js';
export { defaultRateLimitKey } from './engine/rate-limiter.js';
export { readForm, readJson } from './engine/request-body.js';
export { bodyText, html, http429, inBodyError, json, noContent, text } from './engine/responses.js';
export { defineService, provide, type ServiceOptions } from './engine/services.js';
export type * from './engine/types.js';
export {
  type IdentityGrant,
  type IdentityPermission,
  type IdentityService,
  identityService,
  scopeNames,
} from './services/identity.js';
export { type VkAccount, type VkAccountsService, vkAccountsService } from './services/vk-accounts.js';
export {
  type VkIdentityService,
  type VkIdGrant,
  vkIdentityService,
} from './services/vk-identity.js';
export {
  type VkChatInfo,
  type VkCommunityInfo,
  VkMessengerError,
  type VkMessengerService,
  vkMessengerService,
} from './services/vk-messenger.js';
