/**
 * One chat: `GET /chats/{id}`, `PATCH` (title 1–200, description ≤ 16 000, icon, pin; needs
 * change_chat_info, pin needs pin_message), actions, pin, the bot's membership and leaving.
 * `GET /chats` is gone since June 2026 (404 unless the legacy list is switched on); a chat link or
 * `@name` in place of an id is not served either (404).
 */
import { json } from '../../../engine/responses.js';
import type { RouteDefinition } from '../../../engine/types.js';
import { botChat, requirePermission } from '../access.js';
import { broadcast } from '../events.js';
import { denied, notFound, payload } from '../fault.js';
import { queryInt } from '../ids.js';
import { boolField, botRoute, jsonBody, stringField } from '../route.js';
import type { MaxState } from '../state.js';
import { chatView, memberView, userView } from '../views.js';

const ACTIONS = new Set([
  'typing_on',
  'sending_photo',
  'sending_video',
  'sending_audio',
  'sending_file',
  'mark_seen',
]);
const ok = () => json({ success: true });

export const chatRoutes: RouteDefinition<MaxState>[] = [
  botRoute('GET', '/chats', 'chats.list', ({ world, bot, request }) => {
    if (world.state.settings.chatList === 'removed') {
      throw notFound('GET /chats is no longer supported: chat ids come with bot_added updates');
    }
    const count = queryInt(request.query, 'count', { min: 1, max: 100 }) ?? 50;
    const offset = queryInt(request.query, 'marker', { min: 0 }) ?? 0;
    const chats = [...world.state.chats.values()].filter(
      (chat) => chat.status === 'active' && chat.members.has(bot.userId),
    );
    const page = chats.slice(offset, offset + count);
    const next = offset + count < chats.length ? offset + count : null;
    return json({ chats: page.map((chat) => chatView(world.state, chat, bot.userId)), marker: next });
  }),
  botRoute('GET', '/chats/:chatId', 'chats.get', ({ world, bot, ctx }) => {
    const { chat } = botChat(world, bot, ctx.params.chatId);
    return json(chatView(world.state, chat, bot.userId));
  }),
  botRoute('PATCH', '/chats/:chatId', 'chats.edit', ({ world, bot, ctx, request }) => {
    const { chat, member } = botChat(world, bot, ctx.params.chatId);
    const body = jsonBody(request);
    const title = stringField(body, 'title', 200, 1);
    const description = stringField(body, 'description', 16_000);
    const pin = stringField(body, 'pin', 256, 1);
    boolField(body, 'notify');
    const icon = Object.hasOwn(body, 'icon') ? body.icon : undefined;
    if (title === undefined && description === undefined && pin === undefined && icon === undefined) {
      throw payload('Nothing to change: give title, description, icon or pin');
    }
    if (title !== undefined || description !== undefined || icon !== undefined) {
      requirePermission(chat, member, 'change_chat_info');
    }
    if (pin !== undefined) {
      requirePermission(chat, member, 'pin_message');
      if (world.state.messages.get(pin)?.chatId !== chat.chat_id) {
        throw notFound(`Message ${pin.slice(0, 80)} not found in chat ${chat.chat_id}`);
      }
    }
    if (icon !== undefined && icon !== null) {
      const url = (icon as { url?: unknown; token?: unknown }).url;
      const token = (icon as { url?: unknown; token?: unknown }).token;
      if (typeof icon !== 'object' || (typeof url !== 'string' && typeof token !== 'string')) {
        throw payload("Field 'icon' must be { url } or { token }");
      }
      chat.icon = {
        url:
          typeof url === 'string'
            ? url.slice(0, 2048)
            : `https://i.max.ru/icon/${String(token).slice(0, 64)}`,
      };
    }
    if (description !== undefined) {
      chat.description = description;
    }
    if (pin !== undefined) {
      chat.pinned = pin;
    }
    const user = world.state.users.get(bot.userId);
    if (title !== undefined && title.trim() !== chat.title && user !== undefined) {
      chat.title = title.trim();
      broadcast(
        world,
        chat,
        'all-bots',
        {
          update_type: 'chat_title_changed',
          timestamp: world.live.now,
          chat_id: chat.chat_id,
          user: userView(user),
          title: chat.title,
        },
        bot.userId,
      );
    }
    chat.last_event_time = world.live.now;
    return json(chatView(world.state, chat, bot.userId));
  }),
  botRoute('POST', '/chats/:chatId/actions', 'chats.action', ({ world, bot, ctx, request }) => {
    botChat(world, bot, ctx.params.chatId);
    const action = stringField(jsonBody(request), 'action', 40, 1);
    if (action === undefined || !ACTIONS.has(action)) {
      throw payload(`Field 'action' must be one of ${[...ACTIONS].join(', ')}`);
    }
    return ok();
  }),
  botRoute('GET', '/chats/:chatId/pin', 'chats.pin.get', ({ world, bot, ctx }) => {
    const { chat } = botChat(world, bot, ctx.params.chatId);
    const pinned = chat.pinned === null ? undefined : world.state.messages.get(chat.pinned);
    return json({ message: pinned ? pinned.json : null });
  }),
  botRoute('PUT', '/chats/:chatId/pin', 'chats.pin.set', ({ world, bot, ctx, request }) => {
    const { chat, member } = botChat(world, bot, ctx.params.chatId);
    const body = jsonBody(request);
    const mid = stringField(body, 'message_id', 256, 1);
    boolField(body, 'notify');
    if (mid === undefined) {
      throw payload("Field 'message_id' is required");
    }
    requirePermission(chat, member, 'pin_message');
    if (world.state.messages.get(mid)?.chatId !== chat.chat_id) {
      throw notFound(`Message ${mid.slice(0, 80)} not found in chat ${chat.chat_id}`);
    }
    chat.pinned = mid;
    return ok();
  }),
  botRoute('DELETE', '/chats/:chatId/pin', 'chats.pin.delete', ({ world, bot, ctx }) => {
    const { chat, member } = botChat(world, bot, ctx.params.chatId);
    requirePermission(chat, member, 'pin_message');
    chat.pinned = null;
    return ok();
  }),
  botRoute('GET', '/chats/:chatId/members/me', 'chats.membership', ({ world, bot, ctx }) => {
    const { member } = botChat(world, bot, ctx.params.chatId);
    return json(memberView(world.state, member));
  }),
  botRoute('DELETE', '/chats/:chatId/members/me', 'chats.leave', ({ world, bot, ctx }) => {
    const { chat } = botChat(world, bot, ctx.params.chatId);
    if (chat.type === 'dialog') {
      throw denied('A bot cannot leave a dialog');
    }
    chat.members.delete(bot.userId);
    chat.last_event_time = world.live.now;
    return ok();
  }),
];
