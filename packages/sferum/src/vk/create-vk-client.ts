/**
 * The VK API client on @goskit/core: typed methods a school chat sync needs, `call()` for any other
 * method, `execute()` for up to 25 calls in one request and `batcher()` that packs queued calls into
 * `execute`s. Calls are limited per token, retried on 6 / 9 / 10 and network faults, and answer
 * captchas through the caller's solver.
 */
import type { ZodType } from 'zod';
import type { VkTokenKind } from '../errors/vk-token-kind-error.js';
import { callMethod, type VkCallOptions, type VkResult } from './call-method.js';
import { createVkContext, type VkContext } from './context.js';
import { createVkBatcher, type VkBatcher, type VkBatcherOptions } from './execute/batcher.js';
import { execute, type VkCallResult, type VkExecuteOptions } from './execute/execute.js';
import type { VkExecuteCall } from './execute/execute-code.js';
import { calls } from './methods/calls.js';
import { messagesChats } from './methods/messages-chats.js';
import { messagesMembers } from './methods/messages-members.js';
import { messagesSend } from './methods/messages-send.js';
import { groups, users } from './methods/users-groups.js';
import type { VkClientOptions } from './options.js';
import type { VkParams } from './params.js';

export type VkMessages = ReturnType<typeof messagesChats> &
  ReturnType<typeof messagesMembers> &
  ReturnType<typeof messagesSend>;

export interface VkClient {
  readonly tokenKind: VkTokenKind;
  readonly groupId: number | undefined;
  /** The API base, e.g. `https://api.vk.ru`. */
  readonly baseUrl: string;
  readonly messages: VkMessages;
  readonly users: ReturnType<typeof users>;
  readonly groups: ReturnType<typeof groups>;
  readonly calls: ReturnType<typeof calls>;
  /** Any VK method: its `response`, typed by `options.schema` (or by `T`). */
  call<S extends ZodType | undefined = undefined, T = unknown>(
    method: string,
    params?: VkParams,
    options?: VkCallOptions<S>,
  ): Promise<VkResult<S, T>>;
  /** Up to 25 calls in one request; one result (value or `VkApiError`) per call. */
  execute(calls: readonly VkExecuteCall[], options?: VkExecuteOptions): Promise<VkCallResult[]>;
  /** A queue that packs calls into `execute`s (vk-io's parallel mode). */
  batcher(options?: VkBatcherOptions): VkBatcher;
  /** For tools built on the client (the chat sync's VK transport). */
  readonly context: VkContext;
}

/**
 * @example
 * const vk = createVkClient({ token: process.env.VK_COMMUNITY_TOKEN!, tokenKind: 'community', groupId: 1 });
 * const { chat_id, peer_id } = await vk.messages.createChat({ title: 'Демо школа - 1А - Чат класса' });
 * const { link } = await vk.messages.getInviteLink({ peer_id });
 * await vk.messages.send({ peer_id, message: `Ссылка: ${link}` }, { idempotencyKey: `invite:${chat_id}` });
 */
export function createVkClient(options: VkClientOptions): VkClient {
  const context = createVkContext(options);
  return {
    tokenKind: context.tokenKind,
    groupId: context.groupId,
    baseUrl: context.baseUrl,
    messages: { ...messagesChats(context), ...messagesMembers(context), ...messagesSend(context) },
    users: users(context),
    groups: groups(context),
    calls: calls(context),
    call: (method, params, callOptions) => callMethod(context, method, params, callOptions),
    execute: (list, executeOptions) => execute(context, list, executeOptions),
    batcher: (batcherOptions) => createVkBatcher(context, batcherOptions),
    context,
  };
}
