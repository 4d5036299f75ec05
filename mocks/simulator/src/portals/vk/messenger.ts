/**
 * The vk portal as the messenger service (services/vk-messenger.ts): what a school-system portal
 * (Параграф) does with Sferum chats, by the same rules as the API (community membership, the
 * random_id window, «учебный профиль» for who joins a community's chat).
 */
import { provide } from '../../engine/services.js';
import {
  type VkChatInfo,
  VkMessengerError,
  type VkMessengerService,
  vkMessengerService,
} from '../../services/vk-messenger.js';
import { addMember, chatIdOf, createChatRecord, inviteLink, peerOf, postMessage, unixNow } from './chats.js';
import { errorMessage } from './errors.js';
import { startCallRecord } from './methods/calls.js';
import { earlierSend, rememberSend, sentKey } from './random-id.js';
import type { VkChat, VkState } from './state.js';

function fail(code: number, detail?: string): VkMessengerError {
  return new VkMessengerError(code, errorMessage(code, detail));
}

export function chatInfo(chat: VkChat): VkChatInfo {
  return {
    chatId: chat.id,
    peerId: peerOf(chat.id),
    title: chat.title,
    memberIds: [...chat.members.keys()],
    inviteLink: inviteLink(chat),
  };
}

/** The community's chat by peer id: 927 for none, 917 when the community is not in it. */
function communityChat(state: VkState, groupId: number, peerId: number): VkChat {
  const chatId = chatIdOf(peerId);
  const chat = chatId === undefined ? undefined : state.chats.get(chatId);
  if (chat === undefined) {
    throw fail(927);
  }
  if (!chat.members.has(-groupId)) {
    throw fail(917);
  }
  return chat;
}

export function vkMessengerProvider(randomIdWindowMs: number) {
  return provide<VkMessengerService, VkState>(vkMessengerService, ({ state, runtime }) => ({
    checkCommunityToken: (token) => {
      const record = state().tokens.get(token);
      const community = record?.kind === 'community' ? state().communities.get(record.ownerId) : undefined;
      if (community === undefined) {
        return undefined;
      }
      return {
        groupId: community.id,
        name: community.name,
        ...(community.organisationOid === undefined ? {} : { organisationOid: community.organisationOid }),
      };
    },
    createSubjectChat: ({ groupId, courseId, title }) => {
      const current = state();
      if (!current.communities.has(groupId)) {
        throw fail(203);
      }
      const demo = runtime.demo;
      const course = demo.courses?.find((item) => item.id === courseId);
      const schoolClass =
        course === undefined ? undefined : demo.classes.find((item) => item.id === course.classId);
      const subject =
        course === undefined ? undefined : demo.subjects?.find((item) => item.id === course.subjectId);
      if (course === undefined || schoolClass === undefined || subject === undefined) {
        throw fail(100, `courseId ${JSON.stringify(courseId.slice(0, 64))} is not a course of the roster`);
      }
      const date = unixNow(runtime.clock.nowMs());
      const chat = createChatRecord(current, runtime.random, {
        title: title ?? `${demo.organisation.shortName} - ${schoolClass.name} - ${subject.name}`,
        ownerId: -groupId,
        date,
      });
      for (const personId of [course.teacherId, ...schoolClass.studentIds]) {
        const userId = current.usersByPerson.get(personId);
        if (userId !== undefined && current.users.get(userId)?.educationProfile === true) {
          addMember(chat, userId, -groupId, date, personId === course.teacherId);
        }
      }
      return chatInfo(chat);
    },
    chat: (peerId) => {
      const chatId = chatIdOf(peerId);
      const chat = chatId === undefined ? undefined : state().chats.get(chatId);
      return chat === undefined ? undefined : chatInfo(chat);
    },
    startCall: ({ groupId, peerId }) => {
      communityChat(state(), groupId, peerId);
      const call = startCallRecord(state(), runtime.random, {
        initiatorId: -groupId,
        groupId,
        nowMs: runtime.clock.nowMs(),
      });
      return { callId: call.id, joinLink: call.joinLink };
    },
    finishCall: (callId) => {
      const call = state().calls.get(callId);
      if (call === undefined) {
        throw fail(104);
      }
      call.finishedAt ??= unixNow(runtime.clock.nowMs());
    },
    postToChat: ({ groupId, peerId, text, randomId }) => {
      const current = state();
      const chat = communityChat(current, groupId, peerId);
      if (text === '' || text.length > 9000) {
        throw text === '' ? fail(100, 'message is empty or invalid') : fail(914);
      }
      const nowMs = runtime.clock.nowMs();
      const key = sentKey(-groupId, peerId, randomId ?? '0');
      const earlier = earlierSend(current, key, nowMs, randomIdWindowMs);
      if (earlier !== undefined) {
        return { messageId: earlier.messageId };
      }
      const message = postMessage(current, chat, {
        fromId: -groupId,
        text,
        date: unixNow(nowMs),
        randomId: randomId ?? '0',
      });
      rememberSend(current, key, {
        messageId: message.id,
        peerId,
        conversationMessageId: message.conversationMessageId,
        atMs: nowMs,
      });
      return { messageId: message.id };
    },
  }));
}
