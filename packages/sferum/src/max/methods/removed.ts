/**
 * `GET /chats` (every chat of the bot) has been unsupported since June 2026, and `GET /chats/{link}`
 * left the SDK on 20.08.2026. Asking for them fails at once, without a request, saying how a bot learns
 * its chats now: from `bot_added` updates (a person creates the group and adds the bot).
 */
import { MaxError } from '../errors/max-error.js';

export function listChatsRemoved(): never {
  throw new MaxError(
    'ENDPOINT_REMOVED',
    'GET /chats is no longer supported by MAX (since June 2026): keep the chat ids the bot learns from bot_added updates',
    {
      hint: {
        ru: 'MAX больше не отдаёт список чатов бота (с июня 2026). Группу создаёт человек и добавляет в неё бота; бот узнаёт chat_id из события bot_added — сохраните его.',
        en: 'MAX no longer lists a bot’s chats (since June 2026). A person creates the group and adds the bot; the bot learns the chat_id from the bot_added update — store it.',
      },
    },
  );
}
