/**
 * VK's answers, always HTTP 200 JSON: `{ response }`, or `{ error: { error_code, error_msg,
 * request_params } }` where request_params echoes `oauth`, `method` and what was sent — never the
 * token or a captcha answer, and each value cut at 1000 characters.
 */
import { json } from '../../engine/responses.js';
import type { SimResponse } from '../../engine/types.js';
import type { VkApiFailure } from './errors.js';

/** Never echoed: secrets and captcha answers. */
const HIDDEN = new Set(['access_token', 'captcha_key', 'success_token', 'code_verifier']);
const MAX_ECHO = 1000;

export interface RequestParam {
  key: string;
  value: string;
}

export function requestParamsOf(method: string, params: ReadonlyMap<string, string>): RequestParam[] {
  const echo: RequestParam[] = [
    { key: 'oauth', value: '1' },
    { key: 'method', value: method },
  ];
  for (const [key, value] of params) {
    if (!HIDDEN.has(key) && key !== 'method') {
      echo.push({ key, value: value.length > MAX_ECHO ? value.slice(0, MAX_ECHO) : value });
    }
  }
  return echo;
}

export interface VkErrorBody {
  error_code: number;
  error_msg: string;
  request_params: RequestParam[];
  [extra: string]: unknown;
}

export function errorBody(
  failure: VkApiFailure,
  method: string,
  params: ReadonlyMap<string, string>,
): VkErrorBody {
  return {
    error_code: failure.errorCode,
    error_msg: failure.errorMsg,
    request_params: requestParamsOf(method, params),
    ...failure.extra,
  };
}

export function okResponse(response: unknown, extra: Record<string, unknown> = {}): SimResponse {
  return json({ response, ...extra });
}

export function errorResponse(body: VkErrorBody): SimResponse {
  return json({ error: body });
}
