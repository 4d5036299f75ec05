/**
 * messages.getConversations (user, community): the caller's chats, most recent message first, with
 * `offset`/`count` (default 20, at most 200) — how a school system finds chats it created before.
 */
import { VkApiFailure } from '../errors.js';
import type { VkChat } from '../state.js';
import { chatConversation, extendedOf } from '../views.js';
import { USER_OR_GROUP, type VkMethod } from './method.js';

const FILTERS = new Set(['all', 'unread', 'important', 'unanswered', 'archive']);

function messageView(chat: VkChat): Record<string, unknown> | undefined {
  const last = chat.messages.at(-1);
  return last === undefined
    ? undefined
    : {
        id: last.id,
        conversation_message_id: last.conversationMessageId,
        peer_id: last.peerId,
        from_id: last.fromId,
        date: last.date,
        text: last.text,
        random_id: Number(last.randomId),
        out: 0,
        attachments: [],
        fwd_messages: [],
      };
}

export const getConversations: VkMethod = {
  name: 'messages.getConversations',
  tokens: USER_OR_GROUP,
  scope: 'messages',
  run: ({ params, state, caller }) => {
    const offset = params.int('offset', { min: 0 }) ?? 0;
    const count = params.int('count', { min: 0, max: 200 }) ?? 20;
    const filter = params.string('filter') ?? 'all';
    if (!FILTERS.has(filter)) {
      throw new VkApiFailure(100, 'filter is invalid');
    }
    params.int('group_id', { min: 0 });
    const mine =
      filter === 'all' ? [...state.chats.values()].filter((chat) => chat.members.has(caller.memberId)) : [];
    mine.sort((a, b) => (b.messages.at(-1)?.id ?? 0) - (a.messages.at(-1)?.id ?? 0) || b.id - a.id);
    const page = mine.slice(offset, offset + count);
    const answer: Record<string, unknown> = {
      count: mine.length,
      items: page.map((chat) => {
        const viewer = chat.members.get(caller.memberId);
        const item: Record<string, unknown> = {
          conversation: viewer === undefined ? {} : chatConversation(chat, viewer),
        };
        const last = messageView(chat);
        if (last !== undefined) {
          item.last_message = last;
        }
        return item;
      }),
    };
    if (params.bool('extended')) {
      Object.assign(
        answer,
        extendedOf(
          state,
          page.flatMap((chat) => [...chat.members.keys()]),
          params.list('fields'),
        ),
      );
    }
    return answer;
  },
};
