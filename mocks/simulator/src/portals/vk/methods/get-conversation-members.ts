/**
 * messages.getConversationMembers (user, community): members of a chat peer the caller is in (917
 * otherwise; 927 for no such chat), `offset`/`count` (default 20, at most 1000), `profiles` and
 * `groups` when `extended` or `fields` is given.
 */
import { chatById, chatIdOf, membership } from '../chats.js';
import { VkApiFailure } from '../errors.js';
import { extendedOf, memberView } from '../views.js';
import { USER_OR_GROUP, type VkMethod } from './method.js';

export const getConversationMembers: VkMethod = {
  name: 'messages.getConversationMembers',
  tokens: USER_OR_GROUP,
  scope: 'messages',
  run: ({ params, state, caller }) => {
    const peerId = params.requiredInt('peer_id');
    const offset = params.int('offset', { min: 0 }) ?? 0;
    const count = params.int('count', { min: 1, max: 1000 }) ?? 20;
    params.int('group_id', { min: 0 });
    const chatId = chatIdOf(peerId);
    if (chatId === undefined) {
      throw new VkApiFailure(927);
    }
    const chat = chatById(state, chatId);
    const viewer = membership(chat, caller);
    const members = [...chat.members.values()];
    const page = members.slice(offset, offset + count);
    const answer: Record<string, unknown> = {
      count: members.length,
      items: page.map((member) => memberView(member, viewer)),
    };
    const fields = params.list('fields');
    if (params.bool('extended') || fields.length > 0) {
      Object.assign(
        answer,
        extendedOf(
          state,
          page.map((member) => member.memberId),
          fields,
        ),
      );
    }
    return answer;
  },
};
