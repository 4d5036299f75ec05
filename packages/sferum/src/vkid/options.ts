import type { ClientOptions, KeyValueStore } from '@goskit/core';
import type { VkIdEnvironment } from './environment.js';

export interface VkIdClientOptions extends ClientOptions {
  /** The VK ID app id. */
  clientId: string | number;
  /** Where VK ID sends the browser back; must be registered for the app. */
  redirectUri: string;
  /** `'vk.ru'` (id.vk.ru, default), `'vk.com'` (id.vk.com) or `{ baseUrl }` (the simulator: `http://127.0.0.1:4010/vkid`). */
  environment?: VkIdEnvironment;
  /** Default scopes, e.g. ['email', 'phone']; none asks for the basic profile only. */
  scopes?: readonly string[];
  /** Holds pending logins between authorizationUrl() and handleCallback(). Default: an in-process MemoryStore. */
  stateStore?: KeyValueStore;
  /** How long a pending login waits, ms. Default 600 000 (10 min). */
  stateTtlMs?: number;
  /** Prefix of the stateStore keys. Default 'goskit:vkid:state:'. */
  stateKeyPrefix?: string;
}
