/** messages.editChat (user, community): renames a chat; admins only (925). Answers 1. */
import { chatById, MAX_CHAT_ID, requireAdmin } from '../chats.js';
import { invalidParam } from '../errors.js';
import { MAX_TITLE } from './create-chat.js';
import { USER_OR_GROUP, type VkMethod } from './method.js';

export const editChat: VkMethod = {
  name: 'messages.editChat',
  tokens: USER_OR_GROUP,
  scope: 'messages',
  run: ({ params, state, caller }) => {
    const chatId = params.requiredInt('chat_id', { min: 0, max: MAX_CHAT_ID });
    const title = params.requiredString('title');
    if (title.length > MAX_TITLE) {
      throw invalidParam('title', `should be at most ${MAX_TITLE} characters`);
    }
    const chat = chatById(state, chatId);
    requireAdmin(chat, caller);
    chat.title = title;
    return 1;
  },
};
