/**
 * calls.start and calls.forceFinish (user tokens only, as the schema says; a community token gets
 * 27). start: a call with a join link, for a community the caller administers when group_id is given
 * (203 otherwise). forceFinish: the initiator or an admin of the call's community (15 otherwise);
 * an unknown call_id → 104; finishing a finished call answers 1 again.
 */
import type { SeededRandom } from '../../../engine/types.js';
import { unixNow } from '../chats.js';
import { invalidParam, VkApiFailure } from '../errors.js';
import type { VkCall, VkState } from '../state.js';
import { USER_ONLY, type VkMethod } from './method.js';

const JOIN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

export function startCallRecord(
  state: VkState,
  random: SeededRandom,
  input: { initiatorId: number; groupId?: number; nowMs: number },
): VkCall {
  let code = '';
  for (let i = 0; i < 43; i += 1) {
    code += JOIN_ALPHABET[random.int(0, JOIN_ALPHABET.length - 1)];
  }
  const call: VkCall = {
    id: random.uuid(),
    joinLink: `https://vk.com/call/join/${code}`,
    initiatorId: input.initiatorId,
    startedAt: unixNow(input.nowMs),
    ...(input.groupId === undefined ? {} : { groupId: input.groupId }),
  };
  state.calls.set(call.id, call);
  return call;
}

export const callsStart: VkMethod = {
  name: 'calls.start',
  tokens: USER_ONLY,
  run: ({ params, state, caller, runtime, nowMs }) => {
    const groupId = params.int('group_id', { min: 0 });
    if (groupId !== undefined && groupId !== 0) {
      const group = state.communities.get(groupId);
      if (group === undefined || !group.adminIds.includes(caller.ownerId)) {
        throw new VkApiFailure(203);
      }
    }
    const call = startCallRecord(state, runtime.random, {
      initiatorId: caller.ownerId,
      nowMs,
      ...(groupId === undefined || groupId === 0 ? {} : { groupId }),
    });
    return { call_id: call.id, join_link: call.joinLink };
  },
};

const CALL_ID = /^[0-9a-f-]{36}$/i;

export const callsForceFinish: VkMethod = {
  name: 'calls.forceFinish',
  tokens: USER_ONLY,
  run: ({ params, state, caller, nowMs }) => {
    const callId = params.requiredString('call_id');
    if (!CALL_ID.test(callId)) {
      throw invalidParam('call_id', 'should be 36 characters');
    }
    const call = state.calls.get(callId.toLowerCase());
    if (call === undefined) {
      throw new VkApiFailure(104);
    }
    const communityAdmin =
      call.groupId !== undefined &&
      state.communities.get(call.groupId)?.adminIds.includes(caller.ownerId) === true;
    if (call.initiatorId !== caller.ownerId && !communityAdmin) {
      throw new VkApiFailure(15, 'you can not finish this call');
    }
    call.finishedAt ??= unixNow(nowMs);
    return 1;
  },
};
