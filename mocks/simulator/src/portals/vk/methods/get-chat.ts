/**
 * messages.getChat (user tokens only: a community token gets 27 «method is unavailable with group
 * auth.»): one chat by chat_id, or an array by chat_ids; `fields` turns users into objects.
 */
import { MAX_CHAT_ID, visibleChat } from '../chats.js';
import { missingParam } from '../errors.js';
import { chatObject } from '../views.js';
import { USER_ONLY, type VkMethod } from './method.js';

export const getChat: VkMethod = {
  name: 'messages.getChat',
  tokens: USER_ONLY,
  scope: 'messages',
  run: ({ params, state, caller }) => {
    const ids = params.ints('chat_ids', 100);
    if (ids !== undefined) {
      return ids.map((id) => chatObject(visibleChat(state, id, caller), params, state.users));
    }
    const chatId = params.int('chat_id', { min: 0, max: MAX_CHAT_ID });
    if (chatId === undefined) {
      throw missingParam('chat_id');
    }
    return chatObject(visibleChat(state, chatId, caller), params, state.users);
  },
};
