export type { VkIdAuthorizationUrl, VkIdAuthorizationUrlOptions } from './authorization-url.js';
export { createVkIdClient, type VkIdClient } from './create-vkid-client.js';
export { resolveVkIdBaseUrl, VKID_COM, VKID_RU, type VkIdEnvironment } from './environment.js';
export { callbackParams, type VkIdCallbackInput, type VkIdCallbackResult } from './handle-callback.js';
export type { VkIdClientOptions } from './options.js';
export type { PendingLogin } from './pending-login.js';
export { pkceChallenge } from './pkce.js';
export type { VkIdUser } from './session-calls.js';
export type { VkIdTokens } from './tokens.js';
