/** Every VK method the portal answers, by name (case-sensitive, as VK's are). `execute` is dispatch's own. */
import { addChatUser } from './add-chat-user.js';
import { callsForceFinish, callsStart } from './calls.js';
import { createChat } from './create-chat.js';
import { editChat } from './edit-chat.js';
import { getChat } from './get-chat.js';
import { getConversationMembers } from './get-conversation-members.js';
import { getConversations } from './get-conversations.js';
import { getConversationsById } from './get-conversations-by-id.js';
import { getInviteLink } from './get-invite-link.js';
import { groupsGetById } from './groups-get-by-id.js';
import type { VkMethod } from './method.js';
import { removeChatUser } from './remove-chat-user.js';
import { send } from './send.js';
import { usersGet } from './users-get.js';

export const VK_METHODS: ReadonlyMap<string, VkMethod> = new Map(
  [
    createChat,
    editChat,
    getChat,
    addChatUser,
    removeChatUser,
    getConversationMembers,
    getConversationsById,
    getConversations,
    getInviteLink,
    send,
    groupsGetById,
    usersGet,
    callsStart,
    callsForceFinish,
  ].map((method) => [method.name, method]),
);

/** The names a route is declared for: every method above and execute. */
export const VK_METHOD_NAMES: readonly string[] = [...VK_METHODS.keys(), 'execute'];
