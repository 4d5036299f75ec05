/** The JSON MAX shows for users, bot info, chat members, chats and subscriptions (snake_case, as the API). */
import type {
  BotRecord,
  ChatRecord,
  MaxState,
  MemberRecord,
  SubscriptionRecord,
  UserRecord,
} from './state.js';

export function userView(user: UserRecord): Record<string, unknown> {
  return {
    user_id: user.user_id,
    first_name: user.first_name,
    last_name: user.last_name,
    username: user.username,
    is_bot: user.is_bot,
    last_activity_time: user.last_activity_time,
    name: user.last_name ? `${user.first_name} ${user.last_name}` : user.first_name,
  };
}

export function botInfoView(state: MaxState, bot: BotRecord): Record<string, unknown> {
  const user = state.users.get(bot.userId);
  return {
    ...(user ? userView(user) : {}),
    description: bot.description,
    commands: null,
  };
}

export function memberView(state: MaxState, member: MemberRecord): Record<string, unknown> {
  const user = state.users.get(member.user_id);
  return {
    ...(user
      ? userView(user)
      : { user_id: member.user_id, first_name: '', is_bot: false, last_activity_time: 0 }),
    last_access_time: member.last_access_time,
    is_owner: member.is_owner,
    is_admin: member.is_admin,
    join_time: member.join_time,
    permissions: member.permissions,
    alias: member.alias,
  };
}

export function chatView(state: MaxState, chat: ChatRecord, botId: number): Record<string, unknown> {
  const pinned = chat.pinned === null ? undefined : state.messages.get(chat.pinned);
  const other = chat.dialog === null ? undefined : state.users.get(chat.dialog.userId);
  return {
    chat_id: chat.chat_id,
    type: chat.type,
    status: chat.status,
    title: chat.title,
    icon: chat.icon,
    last_event_time: chat.last_event_time,
    participants_count: chat.members.size,
    owner_id: chat.owner_id,
    is_public: chat.is_public,
    link: chat.link,
    description: chat.description,
    dialog_with_user: other && chat.dialog?.botId === botId ? userView(other) : null,
    messages_count: chat.messages_count,
    chat_message_id: null,
    pinned_message: pinned ? pinned.json : null,
  };
}

export function subscriptionView(subscription: SubscriptionRecord): Record<string, unknown> {
  return {
    url: subscription.url,
    time: subscription.time,
    update_types: subscription.update_types,
    version: subscription.version,
  };
}
