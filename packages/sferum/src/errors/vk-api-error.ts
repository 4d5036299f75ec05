/**
 * VK answered `{ error: { error_code, error_msg, request_params } }` (or listed the call in an
 * `execute`'s `execute_errors`). `code` is goskit's stable string; `vkCode` keeps VK's number.
 * Echoed request parameters are kept with the token and other secrets redacted.
 */
import { redactText, SECRET_KEY_PATTERN } from '@goskit/core';
import { SferumError } from './sferum-error.js';
import { VK_TRANSIENT, vkErrorHint } from './vk-error-codes.js';

/** One echoed request parameter, value redacted when the key is secret. */
export interface VkRequestParam {
  key: string;
  value: string;
}

export interface VkApiErrorDetails {
  vkCode: number;
  /** VK's `error_msg`. */
  vkMessage: string;
  /** The method that failed (from the call, or `request_params.method`). */
  method: string;
  requestParams?: readonly { key?: unknown; value?: unknown }[] | undefined;
  subcode?: number | undefined;
  /** VK's `error_text`: a message meant for the user, when given. */
  text?: string | undefined;
  /** True when the error came from `execute_errors` of a batched call. */
  inExecute?: boolean | undefined;
  cause?: unknown;
}

const MAX_TEXT = 500;
const MAX_PARAMS = 50;

/** The echoed parameters with secret values (token, captcha answers, phones) replaced, bounded. */
export function redactRequestParams(
  params: readonly { key?: unknown; value?: unknown }[] | undefined,
): VkRequestParam[] {
  if (!Array.isArray(params)) {
    return [];
  }
  const out: VkRequestParam[] = [];
  for (const param of params.slice(0, MAX_PARAMS)) {
    if (typeof param !== 'object' || param === null || typeof param.key !== 'string') {
      continue;
    }
    const key = param.key.slice(0, 100);
    const raw = param.value === undefined || param.value === null ? '' : String(param.value);
    const value = SECRET_KEY_PATTERN.test(key) ? '[REDACTED]' : redactText(raw.slice(0, MAX_TEXT));
    out.push({ key, value });
  }
  return out;
}

export class VkApiError<
  Code extends 'VK_API_ERROR' | 'VK_CAPTCHA' = 'VK_API_ERROR' | 'VK_CAPTCHA',
> extends SferumError<Code> {
  /** VK's own error code: 6, 14, 100, 925 … (see `VK_ERROR`). */
  readonly vkCode: number;
  /** VK's `error_msg`, redacted and bounded. */
  readonly vkMessage: string;
  readonly method: string;
  readonly requestParams: readonly VkRequestParam[];
  readonly subcode: number | undefined;
  readonly text: string | undefined;
  readonly inExecute: boolean;

  constructor(details: VkApiErrorDetails, code?: Code) {
    const vkMessage = redactText(String(details.vkMessage ?? '').slice(0, MAX_TEXT));
    const where = details.inExecute ? ` (inside execute)` : '';
    super(
      code ?? ('VK_API_ERROR' as Code),
      `VK API error ${details.vkCode} in ${details.method}${where}: ${vkMessage}`,
      { cause: details.cause, hint: vkErrorHint(details.vkCode) },
    );
    this.vkCode = details.vkCode;
    this.vkMessage = vkMessage;
    this.method = details.method;
    this.requestParams = redactRequestParams(details.requestParams);
    this.subcode = details.subcode;
    this.text = details.text === undefined ? undefined : redactText(details.text.slice(0, MAX_TEXT));
    this.inExecute = details.inExecute ?? false;
  }

  /** 6, 9 and 10: the same call may succeed later. */
  get transient(): boolean {
    return VK_TRANSIENT.has(this.vkCode);
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      vkCode: this.vkCode,
      vkMessage: this.vkMessage,
      method: this.method,
      requestParams: this.requestParams,
      ...(this.subcode === undefined ? {} : { subcode: this.subcode }),
      ...(this.inExecute ? { inExecute: true } : {}),
    };
  }
}

export function isVkApiError(value: unknown): value is VkApiError {
  return value instanceof VkApiError;
}
