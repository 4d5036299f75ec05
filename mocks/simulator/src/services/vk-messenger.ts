/**
 * The messenger service the `vk` portal provides for portals that drive Sferum chats from a school
 * system (Параграф): check a school's community token, create a subject chat for a course of the
 * roster, start a lesson call, post to a chat. Failures are VK's own codes (`VkMessengerError.vkCode`).
 */
import { SimulatorError } from '../engine/errors.js';
import { defineService } from '../engine/services.js';

export interface VkCommunityInfo {
  groupId: number;
  name: string;
  /** The roster organisation (ESIA oid) the community belongs to, when it is a school's. */
  organisationOid?: string;
}

export interface VkChatInfo {
  chatId: number;
  peerId: number;
  title: string;
  memberIds: number[];
  inviteLink: string;
}

export interface VkMessengerService {
  /** The community a community token belongs to; undefined for any other token. */
  checkCommunityToken(token: string): VkCommunityInfo | undefined;
  /**
   * A chat for one course of the roster (class × subject): the subject teacher and the class's pupils
   * who linked their «учебный профиль»; title «<school> - <class> - <subject>» unless given.
   */
  createSubjectChat(input: { groupId: number; courseId: string; title?: string }): VkChatInfo;
  chat(peerId: number): VkChatInfo | undefined;
  /** A call for a chat's lesson, started for the community; its join link is what to post. */
  startCall(input: { groupId: number; peerId: number }): { callId: string; joinLink: string };
  finishCall(callId: string): void;
  /** Posts as the community; the same randomId again returns the first message id. */
  postToChat(input: { groupId: number; peerId: number; text: string; randomId?: string }): {
    messageId: number;
  };
}

/** A VK failure of the messenger service, with VK's code (917, 927, 936…). */
export class VkMessengerError extends SimulatorError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'VkMessengerError';

  readonly vkCode: number;

  constructor(vkCode: number, message: string) {
    super('BAD_REQUEST', message);
    this.vkCode = vkCode;
  }
}

export const vkMessengerService = defineService<VkMessengerService>('vk-messenger', {
  description: 'Sferum chats over VK: community tokens, subject chats, lesson calls, chat posts',
  hint: 'vkPortal()',
});
