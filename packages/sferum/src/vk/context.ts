/**
 * Everything the VK operations share, built once per client: the core transport (retries through
 * the VK retry signals, the per-token limiter), the token and where it goes, the captcha solver.
 */
import {
  clientTransportOptions,
  createRateLimiter,
  createTransport,
  InvalidOptionsError,
  type RateLimiter,
  type RateLimiterOptions,
  type RetryOptions,
  type Transport,
} from '@goskit/core';
import type { VkTokenKind } from '../errors/vk-token-kind-error.js';
import type { VkCaptchaSolver } from './captcha.js';
import { resolveVkBaseUrl } from './environment.js';
import type { VkClientOptions } from './options.js';
import { freshRandomId } from './random-id.js';
import { createVkRateLimiter, isVkRateLimiter, vkLimiterKey } from './rate-limiter.js';
import { transportRetry, unsafeCallRetry, vkRetrySignals } from './retry-policy.js';
import { checkToken, checkTokenKind, tokenDigest } from './token.js';

export interface VkContext {
  readonly transport: Transport;
  readonly baseUrl: string;
  readonly token: string;
  readonly tokenKind: VkTokenKind;
  readonly tokenIn: 'body' | 'header';
  readonly groupId: number | undefined;
  readonly version: string;
  readonly lang: string | undefined;
  readonly limiter: RateLimiter;
  /** Set once the token digest is computed (before the first call leaves). */
  limiterKey: string | undefined;
  readonly limiterKeyReady: Promise<string>;
  readonly captchaSolver: VkCaptchaSolver | undefined;
  readonly maxCaptchaAttempts: number;
  readonly unsafeRetry: RetryOptions;
  readonly randomId: () => number;
}

const VERSION = /^\d{1,2}\.\d{1,4}$/;

const isRateLimiter = (value: RateLimiter | RateLimiterOptions): value is RateLimiter =>
  typeof (value as RateLimiter).acquire === 'function';

/**
 * The client's limiter: the caller's own, or a VK limiter keyed per token. Core limiter options
 * (`{ ratePerSecond, burst, store }`) set one rate for this client's token kind; with `keys` they go
 * to core's limiter unchanged.
 */
function limiterFor(options: VkClientOptions): RateLimiter {
  const clock = options.clock ? { clock: options.clock } : {};
  const given = options.rateLimit;
  if (given === undefined) {
    return createVkRateLimiter(clock);
  }
  if (isRateLimiter(given)) {
    return given;
  }
  if (given.keys !== undefined) {
    return createRateLimiter({ ...clock, ...given });
  }
  const { store, storePrefix, clock: ownClock, keys: _keys, ...rate } = given;
  return createVkRateLimiter({
    user: rate,
    community: rate,
    ...clock,
    ...(ownClock ? { clock: ownClock } : {}),
    ...(store ? { store } : {}),
    ...(storePrefix ? { storePrefix } : {}),
  });
}

export function createVkContext(options: VkClientOptions): VkContext {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionsError('createVkClient needs options: { token, tokenKind }');
  }
  const token = checkToken(options.token);
  const tokenKind = checkTokenKind(options.tokenKind);
  const version = options.version ?? '5.199';
  if (!VERSION.test(version)) {
    throw new InvalidOptionsError(
      `version must look like '5.199', got ${JSON.stringify(version).slice(0, 20)}`,
    );
  }
  if (options.groupId !== undefined && !(Number.isSafeInteger(options.groupId) && options.groupId > 0)) {
    throw new InvalidOptionsError('groupId must be a positive integer (the community id, without the minus)');
  }
  const tokenIn = options.tokenIn ?? 'body';
  if (tokenIn !== 'body' && tokenIn !== 'header') {
    throw new InvalidOptionsError("tokenIn must be 'body' or 'header'");
  }
  const maxCaptchaAttempts = options.maxCaptchaAttempts ?? 3;
  if (!Number.isInteger(maxCaptchaAttempts) || maxCaptchaAttempts < 0 || maxCaptchaAttempts > 10) {
    throw new InvalidOptionsError('maxCaptchaAttempts must be an integer in [0, 10]');
  }
  const throttlePauseMs = options.throttlePauseMs ?? 1133;
  if (!(throttlePauseMs >= 0 && throttlePauseMs <= 60_000)) {
    throw new InvalidOptionsError('throttlePauseMs must be in [0, 60000] ms');
  }
  const limiter = limiterFor(options);
  const context: VkContext = {
    transport: undefined as unknown as Transport,
    baseUrl: resolveVkBaseUrl(options.environment),
    token,
    tokenKind,
    tokenIn,
    groupId: options.groupId,
    version,
    lang: options.lang,
    limiter,
    limiterKey: undefined,
    limiterKeyReady: tokenDigest(token).then((digest) => {
      const key = vkLimiterKey(tokenKind, digest);
      context.limiterKey = key;
      return key;
    }),
    captchaSolver: options.captchaSolver,
    maxCaptchaAttempts,
    unsafeRetry: {},
    randomId: options.randomId ?? freshRandomId,
  };
  // The token never shows in a logged or serialised client: not enumerable, and a redacted view.
  Object.defineProperty(context, 'token', { enumerable: false });
  const view = () => ({
    baseUrl: context.baseUrl,
    tokenKind,
    tokenIn,
    groupId: context.groupId,
    version,
    token: '[REDACTED]',
  });
  Object.defineProperty(context, 'toJSON', { enumerable: false, value: view });
  Object.defineProperty(context, Symbol.for('nodejs.util.inspect.custom'), {
    enumerable: false,
    value: () => `VkContext ${JSON.stringify(view())}`,
  });
  // A failed digest fails the first call that awaits it; nothing else should see the rejection.
  context.limiterKeyReady.catch(() => undefined);
  const signals = vkRetrySignals(
    () => {
      if (context.limiterKey !== undefined && isVkRateLimiter(limiter)) {
        limiter.pauseKey(context.limiterKey, throttlePauseMs);
      }
    },
    throttlePauseMs,
    typeof options.retry === 'object' ? options.retry.retrySignal : undefined,
  );
  const transportOptions = clientTransportOptions(
    { ...options, retry: transportRetry(options.retry, signals) },
    {
      baseUrl: context.baseUrl,
      rateLimit: limiter,
      ...(tokenIn === 'header' ? { headers: { authorization: `Bearer ${token}` } } : {}),
    },
  );
  // The caller's own `rateLimit` was turned into `limiter` above; the transport must use that one.
  transportOptions.rateLimit = limiter;
  Object.assign(context, {
    transport: createTransport(transportOptions),
    unsafeRetry: unsafeCallRetry(signals),
  });
  return context;
}
