import type { ClientOptions, RateLimiter, RateLimiterOptions } from '@goskit/core';
import type { VkTokenKind } from '../errors/vk-token-kind-error.js';
import type { VkCaptchaSolver } from './captcha.js';
import type { VkEnvironment } from './environment.js';

export interface VkClientOptions extends ClientOptions {
  /** A community (group) token or a user token. Never logged; redacted in every error. */
  token: string;
  /**
   * What the token is: it sets the rate (3 req/s user, 20 req/s community) and which methods the
   * client refuses before sending (a community token cannot `addChatUser`, `getChat`, `calls.*`).
   */
  tokenKind: VkTokenKind;
  /** The community's id: sent as `group_id` where a method takes one and the call gives none. */
  groupId?: number;
  /** `'vk.ru'` (api.vk.ru, default), `'vk.com'` (api.vk.com) or `{ baseUrl }` (the simulator: `http://127.0.0.1:4010/vk`). */
  environment?: VkEnvironment;
  /** API version sent as `v`. Default '5.199'. */
  version?: string;
  /** Where the token goes: `'body'` (`access_token`, default, like vk-io) or `'header'` (`Authorization: Bearer`). */
  tokenIn?: 'body' | 'header';
  /** `lang` sent with every call ('ru', 'en' …). */
  lang?: string;
  /**
   * A limiter shared between clients and instances (`createVkRateLimiter({ store })`), or core
   * limiter options. Default: this client's own, 3 req/s (user) or 20 req/s (community). Calls are
   * keyed per token (a SHA-256 digest, never the token itself).
   */
  rateLimit?: RateLimiter | RateLimiterOptions;
  /** Answers error 14. Without one, a captcha fails the call with `VkCaptchaError`. */
  captchaSolver?: VkCaptchaSolver;
  /** Captchas solved per call before giving up. Default 3. */
  maxCaptchaAttempts?: number;
  /** How long error 6 holds this token's calls, ms (vk-io's 1133). Default 1133. */
  throttlePauseMs?: number;
  /** Injectable source of `random_id` for `messages.send` (an int32 > 0). Default: crypto random. */
  randomId?: () => number;
}
