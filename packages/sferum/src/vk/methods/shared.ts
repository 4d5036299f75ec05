/** What the typed methods share: the call options they accept and the community's `group_id`. */
import type { VkContext } from '../context.js';
import type { VkParams } from '../params.js';

/** Options of a typed method call (no schema: the method brings its own). */
export interface VkMethodOptions {
  signal?: AbortSignal;
  timeout?: number | false;
}

/** Adds the client's `groupId` as `group_id` for a community token when the call gives none. */
export function withGroupId<P extends VkParams>(context: VkContext, params: P): P {
  if (context.tokenKind !== 'community' || context.groupId === undefined || params.group_id !== undefined) {
    return params;
  }
  return { ...params, group_id: context.groupId };
}

/** A chat id as VK bounds it (vk-api-schema: 0 < chat_id ≤ 100 000 000). */
export const MAX_CHAT_ID = 100_000_000;
/** peer ids are int64 in the schema; JavaScript numbers keep them exactly up to 2^53. */
export const MAX_PEER_ID = Number.MAX_SAFE_INTEGER;
