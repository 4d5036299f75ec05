/**
 * `calls.start` and `calls.forceFinish` — user tokens only (vk-api-schema `access_token_type`), so a
 * community client refuses them before sending. `calls.start` is not repeated after an ambiguous
 * failure: a repeat would open a second call.
 */
import { callMethod, checkTokenKindFor } from '../call-method.js';
import type { VkContext } from '../context.js';
import { callStartResponse, type VkCallStart } from '../models/calls.js';
import { okResponse, type VkOk } from '../models/common.js';
import { checkInteger, checkText } from '../params.js';
import { MAX_PEER_ID, type VkMethodOptions } from './shared.js';

export interface CallsStartParams {
  /** Start the call on behalf of this community (the user must manage it). */
  group_id?: number;
}

export interface CallsForceFinishParams {
  /** The 36-character id `calls.start` returned. */
  call_id: string;
}

export function calls(context: VkContext) {
  return {
    async start(params: CallsStartParams = {}, options: VkMethodOptions = {}): Promise<VkCallStart> {
      checkTokenKindFor(context, 'calls.start');
      if (params.group_id !== undefined) {
        checkInteger('group_id', params.group_id, 1, MAX_PEER_ID);
      }
      return callMethod(context, 'calls.start', { ...params }, { ...options, schema: callStartResponse });
    },
    async forceFinish(params: CallsForceFinishParams, options: VkMethodOptions = {}): Promise<VkOk> {
      checkTokenKindFor(context, 'calls.forceFinish');
      checkText('call_id', params.call_id, 100);
      return callMethod(context, 'calls.forceFinish', { ...params }, { ...options, schema: okResponse });
    },
  };
}
