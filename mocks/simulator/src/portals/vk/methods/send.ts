/**
 * messages.send (user, community): to a chat (peer_id 2000000000 + chat_id, or chat_id), a user
 * (peer_id, user_id, domain) or a community (-group_id); `peer_ids` (≤ 100) answers one item per peer
 * with its own error. random_id is required (100 «random_id is a required parameter») and makes a
 * repeated send return the first message id. Text over 9000 characters → 914; nothing to send → 100.
 */
import { chatById, chatIdOf, membership, peerOf, postMessage, unixNow } from '../chats.js';
import { invalidParam, missingParam, VkApiFailure } from '../errors.js';
import { earlierSend, rememberSend, sentKey } from '../random-id.js';
import { actingAs } from './create-chat.js';
import { type MethodContext, USER_OR_GROUP, type VkMethod } from './method.js';

export const MAX_MESSAGE = 9000;
const MAX_PAYLOAD = 1000;
const SCREEN_NAME = /^[A-Za-z0-9_.]{1,64}$/;

interface Delivered {
  messageId: number;
  conversationMessageId: number;
}

function resolveDomain(context: MethodContext, domain: string): number {
  if (!SCREEN_NAME.test(domain)) {
    throw invalidParam('domain', 'is invalid');
  }
  const byId = /^id(\d{1,12})$/.exec(domain)?.[1];
  if (byId !== undefined && context.state.users.has(Number(byId))) {
    return Number(byId);
  }
  for (const user of context.state.users.values()) {
    if (user.screenName === domain) {
      return user.id;
    }
  }
  throw new VkApiFailure(936);
}

function deliver(
  context: MethodContext,
  fromId: number,
  peerId: number,
  message: { text: string; randomId: string; attachment: string | undefined },
): Delivered {
  const { state, nowMs, options } = context;
  const key = sentKey(fromId, peerId, message.randomId);
  const earlier = earlierSend(state, key, nowMs, options.randomIdWindowMs);
  if (earlier !== undefined) {
    return earlier;
  }
  const chatId = chatIdOf(peerId);
  const chat = chatId === undefined ? undefined : chatById(state, chatId);
  if (chat !== undefined) {
    membership(chat, { ...context.caller, memberId: fromId });
  } else if (peerId > 0) {
    const user = state.users.get(peerId);
    if (user === undefined) {
      throw new VkApiFailure(936);
    }
    if (fromId < 0 && !user.educationProfile) {
      throw new VkApiFailure(901);
    }
  } else if (peerId < 0) {
    if (!state.communities.has(-peerId)) {
      throw new VkApiFailure(936);
    }
    if (fromId < 0) {
      throw new VkApiFailure(932);
    }
  } else {
    throw invalidParam('peer_id', 'is invalid');
  }
  const posted = postMessage(state, chat, {
    fromId,
    text: message.text,
    date: unixNow(nowMs),
    randomId: message.randomId,
    peerId,
    ...(message.attachment === undefined ? {} : { attachment: message.attachment }),
  });
  const delivered = { messageId: posted.id, conversationMessageId: posted.conversationMessageId };
  rememberSend(state, key, { ...delivered, peerId, atMs: nowMs });
  return delivered;
}

export const send: VkMethod = {
  name: 'messages.send',
  tokens: USER_OR_GROUP,
  scope: 'messages',
  run: (context) => {
    const { params } = context;
    const fromId = actingAs(context);
    const peerIds = params.ints('peer_ids', 100);
    let peerId = params.int('peer_id') ?? params.int('user_id');
    const chatId = params.int('chat_id', { min: 0, max: 100_000_000 });
    if (peerId === undefined && chatId !== undefined) {
      peerId = peerOf(chatId);
    }
    const domain = params.string('domain');
    if (peerId === undefined && domain !== undefined) {
      peerId = resolveDomain(context, domain);
    }
    if (peerId === undefined && (peerIds === undefined || peerIds.length === 0)) {
      throw missingParam('peer_id');
    }
    const randomId = params.randomId();
    if (randomId === undefined) {
      throw missingParam('random_id');
    }
    const text = params.string('message') ?? '';
    const attachment = params.string('attachment');
    if (
      text === '' &&
      attachment === undefined &&
      !params.has('sticker_id') &&
      !params.has('forward_messages')
    ) {
      throw new VkApiFailure(100, 'message is empty or invalid');
    }
    if (text.length > MAX_MESSAGE) {
      throw new VkApiFailure(914);
    }
    if ((params.string('payload') ?? '').length > MAX_PAYLOAD) {
      throw invalidParam('payload', `should be at most ${MAX_PAYLOAD} characters`);
    }
    const message = { text, randomId, attachment };
    if (peerId !== undefined) {
      return deliver(context, fromId, peerId, message).messageId;
    }
    return (peerIds ?? []).map((peer) => {
      try {
        const delivered = deliver(context, fromId, peer, message);
        return {
          peer_id: peer,
          message_id: delivered.messageId,
          conversation_message_id: delivered.conversationMessageId,
        };
      } catch (error) {
        if (!(error instanceof VkApiFailure)) {
          throw error;
        }
        return { peer_id: peer, error: { code: error.errorCode, description: error.errorMsg } };
      }
    });
  },
};
