/**
 * Members and admins. Listing pages by `marker` (the last user id of the page; `count` 1–100, default
 * 20; `user_ids` asks for given users). Adding needs add_remove_members and is refused for channels;
 * MAX answers 200 and lists the users it did not add: `add.participant.not.found`,
 * `add.participant.privacy`, and — while the 09.2026 restriction is on — `add.participant.restricted`
 * for users who never started a dialog with the bot (goskit's reading of "ограничена работа метода").
 * Removal takes `user_id` in the query or in a JSON body (as the TS SDK sends it).
 */
import { bodyText, json } from '../../../engine/responses.js';
import type { RouteDefinition } from '../../../engine/types.js';
import { botChat, requirePermission } from '../access.js';
import { denied, notFound, payload } from '../fault.js';
import { queryBool, queryInt, toUserId } from '../ids.js';
import { restrictionActive } from '../options.js';
import { addUsers, removeBot, removeUser } from '../people.js';
import { botRoute, jsonBody } from '../route.js';
import { dialogKey, type MaxState, PERMISSIONS, type Permission, type UserRecord } from '../state.js';
import { memberView } from '../views.js';

const KNOWN_PERMISSIONS: ReadonlySet<string> = new Set(PERMISSIONS);
const ok = () => json({ success: true });

function userIdList(value: unknown, field: string): number[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) {
    throw payload(`Field '${field}' must be a list of 1 to 100 user ids`);
  }
  return value.map((item) => {
    const id = typeof item === 'number' ? toUserId(item) : undefined;
    if (id === undefined) {
      throw payload(`Field '${field}' must hold positive integer user ids`);
    }
    return id;
  });
}

export const memberRoutes: RouteDefinition<MaxState>[] = [
  botRoute('GET', '/chats/:chatId/members', 'members.list', ({ world, bot, ctx, request }) => {
    const { chat } = botChat(world, bot, ctx.params.chatId);
    const idsText = request.query.get('user_ids');
    if (idsText !== null && idsText !== '') {
      const ids = idsText
        .split(',')
        .slice(0, 101)
        .map((part) => toUserId(part.trim()));
      if (ids.length > 100 || ids.some((id) => id === undefined)) {
        throw payload("Parameter 'user_ids' must be 1 to 100 comma-separated user ids");
      }
      const members = ids.flatMap((id) => {
        const member = chat.members.get(id as number);
        return member ? [memberView(world.state, member)] : [];
      });
      return json({ members, marker: null });
    }
    const count = queryInt(request.query, 'count', { min: 1, max: 100 }) ?? 20;
    const after = queryInt(request.query, 'marker') ?? 0;
    const sorted = [...chat.members.values()]
      .filter((m) => m.user_id > after)
      .sort((a, b) => a.user_id - b.user_id);
    const page = sorted.slice(0, count);
    const marker = sorted.length > count ? (page.at(-1)?.user_id ?? null) : null;
    return json({ members: page.map((member) => memberView(world.state, member)), marker });
  }),
  botRoute('POST', '/chats/:chatId/members', 'members.add', ({ world, bot, ctx, request }) => {
    const { chat, member } = botChat(world, bot, ctx.params.chatId);
    const ids = userIdList(jsonBody(request).user_ids, 'user_ids');
    if (chat.type !== 'chat') {
      throw payload(`Adding members is not available for a ${chat.type}`);
    }
    requirePermission(chat, member, 'add_remove_members');
    const restricted = restrictionActive(world.state.settings, world.live.now);
    const failures = new Map<string, number[]>();
    const fail = (code: string, id: number) => failures.set(code, [...(failures.get(code) ?? []), id]);
    const toAdd: UserRecord[] = [];
    for (const id of new Set(ids)) {
      const user = world.state.users.get(id);
      if (user === undefined || user.is_bot) {
        fail('add.participant.not.found', id);
      } else if (chat.members.has(id)) {
        // already a member: nothing to do, not a failure
      } else if (restricted && !world.state.dialogs.has(dialogKey(bot.userId, id))) {
        fail('add.participant.restricted', id);
      } else if (user.privacy) {
        fail('add.participant.privacy', id);
      } else {
        toAdd.push(user);
      }
    }
    const botUser = world.state.users.get(bot.userId) ?? null;
    addUsers(world, chat, toAdd, botUser);
    const failedIds = [...failures.values()].flat();
    if (failedIds.length === 0) {
      return json({ success: true });
    }
    const anyAdded = failedIds.length < new Set(ids).size;
    return json({
      success: anyAdded,
      message: anyAdded ? 'Some users were not added' : 'No users were added',
      failed_user_ids: failedIds,
      failed_user_details: [...failures].map(([error_code, user_ids]) => ({ error_code, user_ids })),
    });
  }),
  botRoute('DELETE', '/chats/:chatId/members', 'members.remove', ({ world, bot, ctx, request }) => {
    const { chat, member } = botChat(world, bot, ctx.params.chatId);
    let userId = queryInt(request.query, 'user_id', { min: 1 });
    let block = queryBool(request.query, 'block');
    if (userId === undefined && bodyText(request.body).trim() !== '') {
      const body = jsonBody(request);
      userId = toUserId(body.user_id);
      if (typeof body.block === 'boolean') {
        block = body.block;
      }
    }
    if (userId === undefined) {
      throw payload("Parameter 'user_id' is required");
    }
    void block;
    requirePermission(chat, member, 'add_remove_members');
    const target = world.state.users.get(userId);
    if (target === undefined || !chat.members.has(userId)) {
      throw notFound(`User ${userId} is not a member of chat ${chat.chat_id}`);
    }
    if (chat.owner_id === userId) {
      throw denied('The owner of the chat cannot be removed');
    }
    const botUser = world.state.users.get(bot.userId) ?? null;
    const other = world.state.bots.get(userId);
    if (other !== undefined && botUser !== null) {
      removeBot(world, chat, other, botUser);
    } else {
      removeUser(world, chat, target, botUser);
    }
    return ok();
  }),
  botRoute('GET', '/chats/:chatId/members/admins', 'admins.list', ({ world, bot, ctx }) => {
    const { chat } = botChat(world, bot, ctx.params.chatId);
    const admins = [...chat.members.values()]
      .filter((m) => m.is_admin)
      .map((m) => memberView(world.state, m));
    return json({ members: admins, marker: null });
  }),
  botRoute('POST', '/chats/:chatId/members/admins', 'admins.add', ({ world, bot, ctx, request }) => {
    const { chat, member } = botChat(world, bot, ctx.params.chatId);
    const admins = jsonBody(request).admins;
    if (!Array.isArray(admins) || admins.length === 0 || admins.length > 100) {
      throw payload("Field 'admins' must be a list of 1 to 100 admins");
    }
    requirePermission(chat, member, 'add_admins');
    const grants = admins.map((admin: unknown, index) => {
      const entry = (admin ?? {}) as { user_id?: unknown; permissions?: unknown; alias?: unknown };
      const userId = typeof entry.user_id === 'number' ? toUserId(entry.user_id) : undefined;
      if (userId === undefined) {
        throw payload(`Field 'admins[${index}].user_id' must be a user id`);
      }
      const permissions = entry.permissions;
      if (
        !Array.isArray(permissions) ||
        permissions.some((p) => typeof p !== 'string' || !KNOWN_PERMISSIONS.has(p))
      ) {
        throw payload(`Field 'admins[${index}].permissions' must list known permissions`);
      }
      if (
        entry.alias !== undefined &&
        entry.alias !== null &&
        (typeof entry.alias !== 'string' || entry.alias.length > 64)
      ) {
        throw payload(`Field 'admins[${index}].alias' must be a string of at most 64 characters`);
      }
      const target = chat.members.get(userId);
      if (target === undefined) {
        throw notFound(`User ${userId} is not a member of chat ${chat.chat_id}`);
      }
      return {
        target,
        permissions: [...new Set(permissions as Permission[])],
        alias: (entry.alias as string | undefined) ?? null,
      };
    });
    for (const grant of grants) {
      grant.target.is_admin = true;
      grant.target.permissions = grant.permissions;
      grant.target.alias = grant.alias;
    }
    return ok();
  }),
  botRoute('DELETE', '/chats/:chatId/members/admins/:userId', 'admins.remove', ({ world, bot, ctx }) => {
    const { chat, member } = botChat(world, bot, ctx.params.chatId);
    const userId = toUserId(ctx.params.userId);
    if (userId === undefined) {
      throw notFound(`User ${String(ctx.params.userId).slice(0, 40)} not found`);
    }
    requirePermission(chat, member, 'add_admins');
    const target = chat.members.get(userId);
    if (target === undefined || !target.is_admin) {
      throw notFound(`User ${userId} is not an admin of chat ${chat.chat_id}`);
    }
    if (target.is_owner) {
      throw denied('The owner of the chat cannot lose admin rights');
    }
    target.is_admin = false;
    target.permissions = null;
    target.alias = null;
    return ok();
  }),
];
