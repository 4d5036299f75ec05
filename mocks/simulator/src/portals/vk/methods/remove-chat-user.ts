/**
 * messages.removeChatUser (user, community): an admin removes a member (925 otherwise), or a user
 * removes themselves (leaves: only the invite link brings them back). Not a member → 935; unknown
 * user → 936; the owner cannot be removed (15). Answers 1.
 */
import { chatById, MAX_CHAT_ID, membership } from '../chats.js';
import { missingParam, VkApiFailure } from '../errors.js';
import { USER_OR_GROUP, type VkMethod } from './method.js';

export const removeChatUser: VkMethod = {
  name: 'messages.removeChatUser',
  tokens: USER_OR_GROUP,
  scope: 'messages',
  run: ({ params, state, caller }) => {
    const chatId = params.requiredInt('chat_id', { min: 0, max: MAX_CHAT_ID });
    const memberId = params.int('member_id') ?? params.int('user_id');
    if (memberId === undefined) {
      throw missingParam('member_id');
    }
    if (memberId > 0 ? !state.users.has(memberId) : !state.communities.has(-memberId)) {
      throw new VkApiFailure(936);
    }
    const chat = chatById(state, chatId);
    const self = membership(chat, caller);
    const target = chat.members.get(memberId);
    if (target === undefined) {
      throw new VkApiFailure(935);
    }
    if (memberId === caller.memberId) {
      if (target.isOwner) {
        throw new VkApiFailure(15, "the owner can't leave the chat");
      }
      chat.members.delete(memberId);
      chat.left.add(memberId);
      return 1;
    }
    if (!self.isAdmin) {
      throw new VkApiFailure(925);
    }
    if (target.isOwner) {
      throw new VkApiFailure(15, "can't remove the owner of the chat");
    }
    chat.members.delete(memberId);
    return 1;
  },
};
