/**
 * VK's two envelopes: `{ response }` (plus `execute_errors` for `execute`) and `{ error }`. The
 * checks are by hand, not zod: they run on every call and must cost next to nothing.
 */
import { SferumError } from '../errors/sferum-error.js';
import { VkApiError } from '../errors/vk-api-error.js';

/** One failed inner call of an `execute`. */
export interface VkExecuteErrorItem {
  method: string;
  error_code: number;
  error_msg: string;
}

export type VkEnvelope =
  | { ok: true; response: unknown; executeErrors: VkExecuteErrorItem[] | undefined }
  | { ok: false; error: Record<string, unknown> };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function readEnvelope(body: unknown, method: string): VkEnvelope {
  if (isRecord(body)) {
    const error = body.error;
    if (isRecord(error) && typeof error.error_code === 'number') {
      return { ok: false, error };
    }
    if ('response' in body && error === undefined) {
      const errors = body.execute_errors;
      return {
        ok: true,
        response: body.response,
        executeErrors: Array.isArray(errors) ? errors.filter(isExecuteError) : undefined,
      };
    }
  }
  throw new SferumError(
    'INVALID_RESPONSE',
    `VK answered ${method} with a body that is neither { response } nor { error: { error_code } }`,
  );
}

function isExecuteError(value: unknown): value is VkExecuteErrorItem {
  return isRecord(value) && typeof value.error_code === 'number';
}

/** `{ error }` → VkApiError, keeping VK's code, message, subcode, text and the redacted echo. */
export function apiErrorFrom(error: Record<string, unknown>, method: string, cause?: unknown): VkApiError {
  return new VkApiError({
    vkCode: error.error_code as number,
    vkMessage: typeof error.error_msg === 'string' ? error.error_msg : '',
    method,
    requestParams: Array.isArray(error.request_params) ? error.request_params : undefined,
    subcode: typeof error.error_subcode === 'number' ? error.error_subcode : undefined,
    text: typeof error.error_text === 'string' ? error.error_text : undefined,
    cause,
  });
}
