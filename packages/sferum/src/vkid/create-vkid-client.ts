/**
 * VK ID on the server: OAuth 2.1 with PKCE (S256). authorizationUrl() stores the pending login in a
 * `KeyValueStore` under its state, so any instance sharing the store finishes it in
 * handleCallback(); then refresh, user_info and logout.
 */
import {
  authorizationUrl,
  type VkIdAuthorizationUrl,
  type VkIdAuthorizationUrlOptions,
} from './authorization-url.js';
import { createVkIdContext } from './context.js';
import { handleCallback, type VkIdCallbackInput, type VkIdCallbackResult } from './handle-callback.js';
import type { VkIdClientOptions } from './options.js';
import { logout, refreshTokens, userInfo, type VkIdUser } from './session-calls.js';
import type { VkIdTokens } from './tokens.js';

export interface VkIdClient {
  readonly baseUrl: string;
  readonly clientId: string;
  /** The `/authorize` URL to send the browser to, and its state. */
  authorizationUrl(options?: VkIdAuthorizationUrlOptions): Promise<VkIdAuthorizationUrl>;
  /** Finishes the login from the redirect (`code`, `state`, `device_id`): tokens and your `data`. */
  handleCallback(input: VkIdCallbackInput): Promise<VkIdCallbackResult>;
  /** New tokens; VK ID rotates the refresh token, keep the new one. */
  refresh(
    refreshToken: string,
    deviceId: string,
    options?: { scopes?: readonly string[] },
  ): Promise<VkIdTokens>;
  userInfo(accessToken: string): Promise<VkIdUser>;
  logout(accessToken: string): Promise<void>;
}

/**
 * @example
 * const vkid = createVkIdClient({ clientId: 51234567, redirectUri: 'https://school.example/vkid' });
 * const { url } = await vkid.authorizationUrl({ data: { personId: 'parent-17' } }); // 302 there
 * const login = await vkid.handleCallback(req.url);   // { userId, accessToken, deviceId, data }
 */
export function createVkIdClient(options: VkIdClientOptions): VkIdClient {
  const context = createVkIdContext(options);
  return {
    baseUrl: context.baseUrl,
    clientId: context.clientId,
    authorizationUrl: (urlOptions) => authorizationUrl(context, urlOptions),
    handleCallback: (input) => handleCallback(context, input),
    refresh: (refreshToken, deviceId, refreshOptions) =>
      refreshTokens(context, refreshToken, deviceId, refreshOptions),
    userInfo: (accessToken) => userInfo(context, accessToken),
    logout: (accessToken) => logout(context, accessToken),
  };
}
