/**
 * `execute` with up to 25 calls: one request against the token's limit, one result per call. VK
 * answers `{ response: [r1, false, r3], execute_errors: [{ method, error_code, error_msg }] }`; each
 * `false` is matched to the next error of the same method (then to the next error at all), so every
 * call gets either its value or its own `VkApiError`.
 */
import { SferumError } from '../../errors/sferum-error.js';
import { SferumInputError } from '../../errors/sferum-input-error.js';
import { VkApiError } from '../../errors/vk-api-error.js';
import { callEnvelope, checkTokenKindFor, withRandomId } from '../call-method.js';
import type { VkContext } from '../context.js';
import type { VkExecuteErrorItem } from '../envelope.js';
import { safeToRepeat } from '../retry-policy.js';
import { EXECUTE_MAX_CALLS, executeCode, type VkExecuteCall } from './execute-code.js';

/** The outcome of one call inside an `execute`. */
export type VkCallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: VkApiError };

export interface VkExecuteOptions {
  signal?: AbortSignal;
  timeout?: number | false;
}

/** Calls ready for packing: checked, `messages.send` given its `random_id`. */
export function prepareExecuteCalls(context: VkContext, calls: readonly VkExecuteCall[]): VkExecuteCall[] {
  if (!Array.isArray(calls) || calls.length === 0 || calls.length > EXECUTE_MAX_CALLS) {
    throw new SferumInputError('calls', 'execute-size', {
      ru: `execute выполняет от 1 до ${EXECUTE_MAX_CALLS} вызовов.`,
      en: `execute runs 1 to ${EXECUTE_MAX_CALLS} calls.`,
    });
  }
  return calls.map((call) => {
    checkTokenKindFor(context, call.method);
    const params = withRandomId(context, call.method, call.params);
    return params === undefined ? { method: call.method } : { method: call.method, params };
  });
}

function errorFor(call: VkExecuteCall, pool: (VkExecuteErrorItem | undefined)[]): VkApiError {
  let index = pool.findIndex((item) => item?.method === call.method);
  if (index < 0) {
    index = pool.findIndex((item) => item !== undefined);
  }
  const item = index < 0 ? undefined : pool[index];
  if (index >= 0) {
    pool[index] = undefined;
  }
  return new VkApiError({
    vkCode: item?.error_code ?? 1,
    vkMessage: item?.error_msg ?? 'execute returned false without an execute_errors entry',
    method: call.method,
    inExecute: true,
  });
}

export async function execute(
  context: VkContext,
  calls: readonly VkExecuteCall[],
  options: VkExecuteOptions = {},
): Promise<VkCallResult[]> {
  const prepared = prepareExecuteCalls(context, calls);
  const envelope = await callEnvelope(
    context,
    'execute',
    { code: executeCode(prepared) },
    { ...options, repeatSafe: prepared.every((call) => safeToRepeat(call.method)) },
  );
  const { response } = envelope;
  if (!Array.isArray(response) || response.length !== prepared.length) {
    throw new SferumError(
      'INVALID_RESPONSE',
      `VK answered execute of ${prepared.length} calls with ${Array.isArray(response) ? `${response.length} results` : 'no result list'}`,
    );
  }
  const pool: (VkExecuteErrorItem | undefined)[] = [...(envelope.executeErrors ?? [])];
  return prepared.map((call, index): VkCallResult => {
    const value: unknown = response[index];
    return value === false ? { ok: false, error: errorFor(call, pool) } : { ok: true, value };
  });
}
