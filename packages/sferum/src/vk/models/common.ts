/** Shapes shared by several VK methods: the `1` of a successful write, and peer id arithmetic. */
import { z } from 'zod';

/** `messages.editChat`, `removeChatUser`, `addChatUser`, `calls.forceFinish` answer 1. */
export const okResponse = z.literal(1);
export type VkOk = z.output<typeof okResponse>;

/** A chat's peer id is 2 000 000 000 + its chat id (vk-api-schema; vk-io `PEER_CHAT_ID_OFFSET`). */
export const PEER_CHAT_OFFSET = 2_000_000_000;

export const chatPeerId = (chatId: number): number => PEER_CHAT_OFFSET + chatId;

/** The chat id of a chat peer id, or undefined for a user or community peer. */
export const chatIdOfPeer = (peerId: number): number | undefined =>
  peerId > PEER_CHAT_OFFSET ? peerId - PEER_CHAT_OFFSET : undefined;
