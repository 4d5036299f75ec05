/**
 * messages.getInviteLink (user, community): the chat's link for admins (919 for other members);
 * `reset=1` makes a new one and the old stops working (931 for non-admins).
 */
import { chatById, chatIdOf, inviteLink, membership, rotateInvite } from '../chats.js';
import { VkApiFailure } from '../errors.js';
import { USER_OR_GROUP, type VkMethod } from './method.js';

export const getInviteLink: VkMethod = {
  name: 'messages.getInviteLink',
  tokens: USER_OR_GROUP,
  scope: 'messages',
  run: ({ params, state, caller, runtime }) => {
    const peerId = params.requiredInt('peer_id');
    const reset = params.bool('reset');
    params.int('group_id', { min: 0 });
    const chatId = chatIdOf(peerId);
    if (chatId === undefined) {
      throw new VkApiFailure(919);
    }
    const chat = chatById(state, chatId);
    const member = membership(chat, caller);
    if (!member.isAdmin) {
      throw new VkApiFailure(reset ? 931 : 919);
    }
    if (reset) {
      rotateInvite(state, chat, runtime.random);
    }
    return { link: inviteLink(chat) };
  },
};
