/**
 * One VK method call: `POST <base>/method/<name>` with a form body (token, `v`, parameters), through
 * the core transport (limiter, retries on 6 / 9 / 10 and network faults, deadlines), then the
 * envelope: `{ response }` is returned (checked against the method's schema), `{ error }` becomes a
 * `VkApiError`. Error 14 goes to the caller's captcha solver and the call is sent again with the
 * answer; the body — and with it `random_id` — is the same on every attempt.
 */
import { HttpError, ResponseValidationError } from '@goskit/core';
import type { output, ZodType } from 'zod';
import type { VkApiError } from '../errors/vk-api-error.js';
import { VkCaptchaError } from '../errors/vk-captcha-error.js';
import { VK_ERROR } from '../errors/vk-error-codes.js';
import { VkTokenKindError } from '../errors/vk-token-kind-error.js';
import { captchaChallenge, captchaRetryParams } from './captcha.js';
import type { VkContext } from './context.js';
import { apiErrorFrom, readEnvelope, type VkEnvelope } from './envelope.js';
import { appendParams, checkMethodName, type VkParams } from './params.js';
import { checkRandomId } from './random-id.js';
import { safeToRepeat } from './retry-policy.js';
import { allowedTokenKinds } from './token.js';

export interface VkCallOptions<S extends ZodType | undefined = undefined> {
  /** zod schema of `response`; the result is typed from it. */
  schema?: S;
  signal?: AbortSignal;
  /** Per attempt, ms (core's `timeout`). */
  timeout?: number | false;
  /** Override the client's `v` for this call. */
  version?: string;
  /**
   * May a network failure or error 10 repeat this call? Default: yes, except `messages.createChat`
   * and `calls.start`, whose repeat could create a second chat or call.
   */
  repeatSafe?: boolean;
}

export type VkResult<S, T> = S extends ZodType ? output<S> : T;

/** Refuses a method the token kind cannot call, before anything is sent. */
export function checkTokenKindFor(context: VkContext, method: string): void {
  const allowed = allowedTokenKinds(method);
  if (allowed !== undefined && !allowed.includes(context.tokenKind)) {
    throw new VkTokenKindError(method, context.tokenKind, allowed);
  }
}

/** The form body of a call: token (unless it rides in the header), `v`, `lang`, then the parameters. */
export function buildBody(
  context: VkContext,
  params: VkParams | undefined,
  version?: string,
): URLSearchParams {
  const body = new URLSearchParams();
  if (context.tokenIn === 'body') {
    body.append('access_token', context.token);
  }
  body.append('v', version ?? context.version);
  if (context.lang !== undefined && (params === undefined || params.lang === undefined)) {
    body.append('lang', context.lang);
  }
  appendParams(body, params);
  return body;
}

/** `messages.send` without a `random_id` gets one now, once: every attempt of this call reuses it. */
export function withRandomId(
  context: VkContext,
  method: string,
  params: VkParams | undefined,
): VkParams | undefined {
  if (method !== 'messages.send') {
    return params;
  }
  if (params?.random_id !== undefined && params.random_id !== null) {
    checkRandomId(params.random_id);
    return params;
  }
  return { ...params, random_id: context.randomId() };
}

/** One exchange of a prepared body; core's failures that carry a VK envelope become `VkApiError`. */
export async function sendBody(
  context: VkContext,
  method: string,
  body: URLSearchParams,
  options: VkCallOptions<ZodType | undefined>,
): Promise<VkEnvelope> {
  const key = context.limiterKey ?? (await context.limiterKeyReady);
  const repeatSafe = options.repeatSafe ?? safeToRepeat(method);
  let data: unknown;
  try {
    data = await context.transport.request({
      path: `/method/${method}`,
      method: 'POST',
      form: body,
      rateLimitKey: key,
      ...(repeatSafe ? {} : { retry: context.unsafeRetry }),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    });
  } catch (error) {
    // Retries on 6 / 9 / 10 ran out: core throws with the last 200 body, which is a VK error.
    if (error instanceof HttpError) {
      const envelope = envelopeOf(error.data, method);
      if (envelope && !envelope.ok) {
        throw apiErrorFrom(envelope.error, method, error);
      }
    }
    throw error;
  }
  return readEnvelope(data, method);
}

function envelopeOf(data: unknown, method: string): VkEnvelope | undefined {
  try {
    return readEnvelope(data, method);
  } catch {
    return undefined;
  }
}

/** Sends the call, answering captchas, until VK gives `{ response }` or a final `{ error }`. */
export async function callEnvelope(
  context: VkContext,
  method: string,
  params: VkParams | undefined,
  options: VkCallOptions<ZodType | undefined> = {},
): Promise<VkEnvelope & { ok: true }> {
  checkMethodName(method);
  checkTokenKindFor(context, method);
  const prepared = withRandomId(context, method, params);
  let body = buildBody(context, prepared, options.version);
  for (let solved = 0; ; solved += 1) {
    const envelope = await sendBody(context, method, body, options);
    if (envelope.ok) {
      return envelope;
    }
    const { error } = envelope;
    if (error.error_code !== VK_ERROR.CAPTCHA_NEEDED) {
      throw apiErrorFrom(error, method);
    }
    const challenge = captchaChallenge(error, method, solved + 1);
    const details = apiErrorFrom(error, method);
    const solver = context.captchaSolver;
    if (challenge === undefined || solver === undefined || solved >= context.maxCaptchaAttempts) {
      throw new VkCaptchaError({ ...detailsOf(details) }, challenge, solved);
    }
    const answer = await solver(challenge, { signal: options.signal });
    const extra = answer === undefined ? undefined : captchaRetryParams(challenge, answer);
    if (extra === undefined) {
      throw new VkCaptchaError({ ...detailsOf(details) }, challenge, solved);
    }
    body = buildBody(context, { ...withoutCaptcha(prepared), ...extra }, options.version);
  }
}

function detailsOf(error: VkApiError) {
  return {
    vkCode: error.vkCode,
    vkMessage: error.vkMessage,
    method: error.method,
    requestParams: error.requestParams,
    subcode: error.subcode,
    text: error.text,
  };
}

const CAPTCHA_PARAMS = ['captcha_sid', 'captcha_key', 'success_token', 'captcha_ts', 'captcha_attempt'];

function withoutCaptcha(params: VkParams | undefined): Record<string, VkParams[string]> {
  const copy: Record<string, VkParams[string]> = { ...params };
  for (const key of CAPTCHA_PARAMS) {
    delete copy[key];
  }
  return copy;
}

/** Checks `response` against the schema the same way core checks bodies. */
export function validated(
  context: VkContext,
  method: string,
  response: unknown,
  schema: ZodType | undefined,
): unknown {
  if (schema === undefined) {
    return response;
  }
  const result = schema.safeParse(response);
  if (!result.success) {
    throw new ResponseValidationError({
      issues: result.error.issues,
      method: 'POST',
      url: `${context.baseUrl}/method/${method}`,
      status: 200,
    });
  }
  return result.data;
}

/** A VK method call: the `response`, typed by the schema when one is given. */
export async function callMethod<S extends ZodType | undefined = undefined, T = unknown>(
  context: VkContext,
  method: string,
  params?: VkParams,
  options: VkCallOptions<S> = {},
): Promise<VkResult<S, T>> {
  const envelope = await callEnvelope(context, method, params, options);
  return validated(context, method, envelope.response, options.schema) as VkResult<S, T>;
}
