/**
 * Members of a chat: pages by `marker` (`count` 1–100, default 20; `user_ids` asks for given users
 * instead), adding (the bot needs `add_remove_members`; not in channels) and removing. Adding answers
 * 200 even when MAX refuses some users: the refusals (`add.participant.privacy`,
 * `add.participant.not.found`, and since 09.09.2026 the restriction) come back as data, per user.
 */
import { type Paginated, paginate } from '@goskit/core';
import { type CallOptions, type MaxContext, maxCall } from '../context.js';
import { MaxInputError } from '../errors/max-input-error.js';
import { checkChatId, checkUserId, checkUserIds, type MaxId } from '../ids.js';
import type { MaxAddMembersBody, MaxChatMember } from '../models.js';
import { REPEATABLE } from '../retry-policy.js';
import { addMembersSchema, membersPageSchema, successSchema } from '../schemas.js';
import { signalOf } from './bot.js';

export interface MembersPage {
  members: MaxChatMember[];
  /** Pass it back for the next page; null or undefined when this was the last. */
  marker: number | null | undefined;
}

export interface ListMembersOptions extends CallOptions {
  marker?: number;
  /** 1–100, default 20 (MAX's). */
  count?: number;
  /** Ask for these users only (overrides count and marker). */
  userIds?: readonly MaxId[];
}

/** Why MAX did not add a user, as it said (`error_code`). */
export interface MemberRefusal {
  userId: number;
  /** `add.participant.privacy`, `add.participant.not.found`, `add.participant.restricted`, or a newer code. */
  errorCode: string;
}

export interface AddMembersResult {
  /** MAX's `success`: false when nobody was added. */
  success: boolean;
  /** Users asked for and not refused. */
  added: number[];
  /** Users MAX refused, with its reason; users in `failed_user_ids` without details get `unknown`. */
  refused: MemberRefusal[];
  message: string | undefined;
  /** The body as MAX sent it. */
  raw: MaxAddMembersBody;
}

function checkCount(count: number | undefined): number | undefined {
  if (count !== undefined && !(Number.isInteger(count) && count >= 1 && count <= 100)) {
    throw new MaxInputError('count', 'range-1-100', {
      ru: 'count — целое число от 1 до 100.',
      en: 'count is an integer from 1 to 100.',
    });
  }
  return count;
}

export async function listMembers(
  context: MaxContext,
  chatId: MaxId,
  options: ListMembersOptions = {},
): Promise<MembersPage> {
  const id = checkChatId(chatId);
  const query: Record<string, string | number> = {};
  if (options.userIds !== undefined) {
    query.user_ids = checkUserIds(options.userIds).join(',');
  } else {
    const count = checkCount(options.count);
    if (count !== undefined) {
      query.count = count;
    }
    if (options.marker !== undefined) {
      if (!Number.isSafeInteger(options.marker)) {
        throw new MaxInputError('marker', 'integer', {
          ru: 'marker — целое число из предыдущего ответа.',
          en: 'marker is the integer the previous page returned.',
        });
      }
      query.marker = options.marker;
    }
  }
  const page = await maxCall<MembersPage, typeof membersPageSchema>(context, {
    method: 'GET',
    path: `/chats/${id}/members`,
    query,
    schema: membersPageSchema,
    ...signalOf(options),
  });
  return { members: page.members, marker: page.marker };
}

/** Every member, page after page (`toArray({ limit })` to collect). */
export function iterateMembers(
  context: MaxContext,
  chatId: MaxId,
  options: { pageSize?: number; signal?: AbortSignal } = {},
): Paginated<MaxChatMember> {
  const id = checkChatId(chatId);
  const count = checkCount(options.pageSize) ?? 100;
  return paginate<MaxChatMember, number>(
    async ({ cursor, signal }) => {
      const page = await listMembers(context, id, {
        count,
        ...(cursor === undefined ? {} : { marker: cursor }),
        ...(signal === undefined ? {} : { signal }),
      });
      return { items: page.members, nextCursor: page.marker ?? null };
    },
    options.signal === undefined ? {} : { signal: options.signal },
  );
}

export async function addMembers(
  context: MaxContext,
  chatId: MaxId,
  userIds: readonly MaxId[],
  options: CallOptions = {},
): Promise<AddMembersResult> {
  const id = checkChatId(chatId);
  const ids = checkUserIds(userIds);
  const raw = await maxCall<MaxAddMembersBody, typeof addMembersSchema>(context, {
    method: 'POST',
    path: `/chats/${id}/members`,
    json: { user_ids: ids },
    schema: addMembersSchema,
    retry: REPEATABLE,
    ...signalOf(options),
  });
  return addMembersResult(ids, raw);
}

/** Per-user outcome of an add: details first, then bare `failed_user_ids` as `unknown`. */
export function addMembersResult(asked: readonly number[], raw: MaxAddMembersBody): AddMembersResult {
  const refusedBy = new Map<number, string>();
  for (const detail of raw.failed_user_details ?? []) {
    for (const userId of detail.user_ids) {
      refusedBy.set(userId, detail.error_code);
    }
  }
  for (const userId of raw.failed_user_ids ?? []) {
    if (!refusedBy.has(userId)) {
      refusedBy.set(userId, 'unknown');
    }
  }
  return {
    success: raw.success,
    added: asked.filter((userId) => !refusedBy.has(userId)),
    refused: [...refusedBy].map(([userId, errorCode]) => ({ userId, errorCode })),
    message: raw.message,
    raw,
  };
}

/** Removes a user (`block: true` also bans them from coming back by link). */
export async function removeMember(
  context: MaxContext,
  chatId: MaxId,
  userId: MaxId,
  options: CallOptions & { block?: boolean } = {},
): Promise<void> {
  const id = checkChatId(chatId);
  const user = checkUserId(userId);
  await maxCall(context, {
    method: 'DELETE',
    path: `/chats/${id}/members`,
    query: { user_id: user, ...(options.block === undefined ? {} : { block: options.block }) },
    schema: successSchema,
    ...signalOf(options),
  });
}
