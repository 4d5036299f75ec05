/**
 * messages.getConversationsById (user, community): up to 100 peers; chats the caller is in, users and
 * communities that exist. Others are left out (`count` says how many came back).
 */
import { chatIdOf } from '../chats.js';
import { missingParam } from '../errors.js';
import { chatConversation, extendedOf, peerConversation } from '../views.js';
import { USER_OR_GROUP, type VkMethod } from './method.js';

export const getConversationsById: VkMethod = {
  name: 'messages.getConversationsById',
  tokens: USER_OR_GROUP,
  scope: 'messages',
  run: ({ params, state, caller }) => {
    const peerIds = params.ints('peer_ids', 100);
    if (peerIds === undefined || peerIds.length === 0) {
      throw missingParam('peer_ids');
    }
    params.int('group_id', { min: 0 });
    const items: Record<string, unknown>[] = [];
    const memberIds = new Set<number>();
    for (const peerId of peerIds) {
      const chatId = chatIdOf(peerId);
      if (chatId !== undefined) {
        const chat = state.chats.get(chatId);
        const viewer = chat?.members.get(caller.memberId);
        if (chat !== undefined && viewer !== undefined) {
          items.push(chatConversation(chat, viewer));
          for (const id of chat.members.keys()) {
            memberIds.add(id);
          }
        }
      } else if (peerId > 0 && state.users.has(peerId)) {
        items.push(peerConversation(peerId, 'user'));
        memberIds.add(peerId);
      } else if (peerId < 0 && state.communities.has(-peerId)) {
        items.push(peerConversation(peerId, 'group'));
        memberIds.add(peerId);
      }
    }
    const answer: Record<string, unknown> = { count: items.length, items };
    const fields = params.list('fields');
    if (params.bool('extended')) {
      Object.assign(answer, extendedOf(state, memberIds, fields));
    }
    return answer;
  },
};
