/**
 * A messenger kept in memory with real state — chats, titles, members, invite links, messages,
 * calls — behind the `ChatTransport` interface, for testing plan/apply. Tests act "as a person"
 * on it (rename a chat, join by link, delete a chat) and inject faults: an operation that fails
 * before it takes effect, or after (the messenger did it, the answer was lost).
 */
import type {
  ChatTransport,
  ChatTransportCapabilities,
  CreatedChat,
  MemberOutcome,
  MemberRefusal,
  RemoteChat,
  RemoteChatState,
} from '../../src/index.js';

export interface MessengerChat {
  chatId: string;
  title: string;
  members: Set<string>;
  admins: Set<string>;
  inviteLink: string;
  gone: boolean;
}

export type Operation =
  | 'createChat'
  | 'renameChat'
  | 'addMember'
  | 'removeMember'
  | 'inviteLink'
  | 'sendMessage'
  | 'startCall'
  | 'finishCall';

interface Fault {
  op: Operation;
  when: 'before' | 'after';
  error: Error;
}

export const COMMUNITY: ChatTransportCapabilities = {
  createChat: true,
  membersOnCreate: true,
  renameChat: true,
  addMembers: false,
  removeMembers: true,
  inviteLink: 'rotatable',
  findChatsByTitle: true,
  sendMessages: true,
  calls: true,
  maxTitleLength: 200,
};

export const USER_TOKEN: ChatTransportCapabilities = { ...COMMUNITY, addMembers: true };

/** Like MAX: a bot cannot create chats. */
export const PERSON_CREATES: ChatTransportCapabilities = {
  ...COMMUNITY,
  createChat: false,
  membersOnCreate: false,
  addMembers: true,
  inviteLink: 'read-only',
  findChatsByTitle: false,
};

export class MemoryMessenger {
  readonly chats = new Map<string, MessengerChat>();
  readonly messages: { chatId: string; text: string; key: string; messageId: string }[] = [];
  readonly calls = new Map<string, { chatId: string; joinLink: string; finished: boolean }>();
  /** Every operation the transport performed, in order. */
  readonly log: string[] = [];
  /** Users who refuse to be added (privacy settings). */
  readonly refusing = new Map<string, MemberRefusal>();
  readonly faults: Fault[] = [];
  #next = 1;
  #linkVersion = 1;

  /** The next `op` fails: before it takes effect, or after (the answer is lost). */
  fail(op: Operation, when: 'before' | 'after', error = new Error(`${op} failed ${when}`)): void {
    this.faults.push({ op, when, error });
  }

  // --- as a person -------------------------------------------------------------------------
  personCreates(title: string, members: string[] = []): MessengerChat {
    const chat = this.#newChat(title, members);
    return chat;
  }

  personRenames(chatId: string, title: string): void {
    this.#chat(chatId).title = title;
  }

  personJoins(chatId: string, userId: string): void {
    this.#chat(chatId).members.add(userId);
  }

  deleteChat(chatId: string): void {
    this.#chat(chatId).gone = true;
  }

  chatsTitled(title: string): MessengerChat[] {
    return [...this.chats.values()].filter((chat) => chat.title === title && !chat.gone);
  }

  // --- the transport -----------------------------------------------------------------------
  transport(capabilities: ChatTransportCapabilities = COMMUNITY): ChatTransport {
    const world = this;
    const run = async <T>(op: Operation, effect: () => T): Promise<T> => {
      const index = world.faults.findIndex((fault) => fault.op === op);
      const fault = index >= 0 ? world.faults.splice(index, 1)[0] : undefined;
      await Promise.resolve();
      if (fault?.when === 'before') {
        throw fault.error;
      }
      const result = effect();
      if (fault?.when === 'after') {
        throw fault.error;
      }
      return result;
    };
    const remote = (chat: MessengerChat): RemoteChat => ({
      available: true,
      chatId: chat.chatId,
      title: chat.title,
      memberIds: [...chat.members],
      adminIds: [...chat.admins],
    });
    const transport: ChatTransport = {
      kind: capabilities.createChat ? 'memory' : 'memory-person',
      network: 'vk',
      capabilities,
      async getChats(chatIds) {
        const out = new Map<string, RemoteChatState>();
        for (const chatId of chatIds) {
          const chat = world.chats.get(chatId);
          out.set(
            chatId,
            chat && !chat.gone ? remote(chat) : { available: false, chatId, reason: 'not-found' },
          );
        }
        return out;
      },
      renameChat: (chatId, title) =>
        run('renameChat', () => {
          world.log.push(`rename ${chatId} → ${title}`);
          world.#chat(chatId).title = title;
        }),
      addMember: (chatId, userId) =>
        run('addMember', (): MemberOutcome => {
          const refusal = world.refusing.get(userId);
          if (refusal) {
            return { ok: false, reason: refusal };
          }
          world.log.push(`add ${userId} to ${chatId}`);
          world.#chat(chatId).members.add(userId);
          return { ok: true };
        }),
      removeMember: (chatId, userId) =>
        run('removeMember', (): MemberOutcome => {
          world.log.push(`remove ${userId} from ${chatId}`);
          world.#chat(chatId).members.delete(userId);
          return { ok: true };
        }),
      inviteLink: (chatId, options) =>
        run('inviteLink', () => {
          const chat = world.#chat(chatId);
          if (options.reset) {
            world.#linkVersion += 1;
            chat.inviteLink = `https://vk.me/join/${chatId}-${world.#linkVersion}`;
          }
          world.log.push(`invite-link ${chatId}`);
          return chat.inviteLink;
        }),
      sendMessage: (chatId, message) =>
        run('sendMessage', () => {
          // Like VK's random_id: a repeated key posts nothing new.
          const existing = world.messages.find((m) => m.key === message.idempotencyKey);
          if (existing) {
            return { messageId: existing.messageId };
          }
          world.log.push(`send ${chatId}`);
          const messageId = String(world.messages.length + 1);
          world.messages.push({ chatId, text: message.text, key: message.idempotencyKey, messageId });
          return { messageId };
        }),
      startCall: (chatId) =>
        run('startCall', () => {
          const callId = `call-${world.calls.size + 1}`;
          world.log.push(`start-call ${chatId}`);
          const joinLink = `https://vk.com/call/join/${callId}`;
          world.calls.set(callId, { chatId, joinLink, finished: false });
          return { callId, joinLink };
        }),
      finishCall: (callId) =>
        run('finishCall', () => {
          world.log.push(`finish-call ${callId}`);
          const call = world.calls.get(callId);
          if (call) {
            call.finished = true;
          }
        }),
    };
    if (capabilities.createChat) {
      transport.createChat = (input) =>
        run('createChat', (): CreatedChat => {
          const refused = new Map<string, MemberOutcome & { ok: false }>();
          const accepted = input.memberIds.filter((id) => {
            const reason = world.refusing.get(id);
            if (reason) {
              refused.set(id, { ok: false, reason });
            }
            return !reason;
          });
          const chat = world.#newChat(input.title, accepted);
          world.log.push(`create ${chat.chatId} ${input.title}`);
          return { chatId: chat.chatId, refused };
        });
    }
    if (capabilities.findChatsByTitle) {
      transport.findChatsByTitle = async (titles) => {
        const out = new Map<string, RemoteChat[]>();
        for (const title of titles) {
          out.set(title, world.chatsTitled(title).map(remote));
        }
        return out;
      };
    }
    return transport;
  }

  #newChat(title: string, members: readonly string[]): MessengerChat {
    const chatId = String(this.#next++);
    const chat: MessengerChat = {
      chatId,
      title,
      members: new Set(members),
      admins: new Set(['9000']),
      inviteLink: `https://vk.me/join/${chatId}-1`,
      gone: false,
    };
    chat.members.add('9000'); // the chat's owner (the community's admin account)
    this.chats.set(chatId, chat);
    return chat;
  }

  #chat(chatId: string): MessengerChat {
    const chat = this.chats.get(chatId);
    if (!chat || chat.gone) {
      throw new Error(`no chat ${chatId}`);
    }
    return chat;
  }
}
