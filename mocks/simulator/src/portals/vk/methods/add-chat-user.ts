/**
 * messages.addChatUser (user tokens only — a school community adds people through createChat or the
 * invite link): the caller must be an admin of the chat (925); an unknown user → 936; someone without
 * a linked «учебный профиль» cannot join a community's chat (947); a user who left by themselves can
 * only come back by the link (15) [unconfirmed]; adding a member again is a no-op. Answers 1.
 */
import { addMember, chatById, MAX_CHAT_ID, requireAdmin, unixNow } from '../chats.js';
import { VkApiFailure } from '../errors.js';
import { USER_ONLY, type VkMethod } from './method.js';

export const addChatUser: VkMethod = {
  name: 'messages.addChatUser',
  tokens: USER_ONLY,
  scope: 'messages',
  run: ({ params, state, caller, nowMs }) => {
    const chatId = params.requiredInt('chat_id', { min: 0, max: MAX_CHAT_ID });
    const userId = params.requiredInt('user_id', { min: 0 });
    params.int('visible_messages_count', { min: 0, max: 1000 });
    const chat = chatById(state, chatId);
    requireAdmin(chat, caller);
    const user = state.users.get(userId);
    if (user === undefined) {
      throw new VkApiFailure(936);
    }
    if (chat.members.has(userId)) {
      return 1;
    }
    if (chat.left.has(userId)) {
      throw new VkApiFailure(15, 'the user left this chat and can return only by the invite link');
    }
    if (chat.ownerId < 0 && !user.educationProfile) {
      throw new VkApiFailure(947);
    }
    addMember(chat, userId, caller.memberId, unixNow(nowMs));
    return 1;
  },
};
