/**
 * «Онлайн-урок» in the simulated Параграф, as `paragraf.dnevnik:vc_room` / `vc_cancel` do it: publishing
 * a lesson online creates the journal's subject chat in Sferum when it does not exist yet (general
 * journals only), starts the call for the school's community, writes the join link back to the lesson
 * and posts it to the chat. Cancelling ends the call and posts a notice. The Sferum side is the vk
 * portal, reached only through the messenger service.
 */
import { VkMessengerError, type VkMessengerService } from '../../services/vk-messenger.js';
import { ParagrafActionError } from './action-error.js';
import type { ParagrafJournal, ParagrafLesson, ParagrafState } from './state.js';

export interface OnlineLessonResult {
  lesson: ParagrafLesson;
  journal: ParagrafJournal;
  /** True when this publication created the subject chat. */
  chatCreated: boolean;
  /** The subject teacher has no linked VK id (the chat was created without them). */
  teacherWithoutVk: boolean;
}

function lessonAndJournal(state: ParagrafState, lessonId: string) {
  const lesson = state.lessons.get(lessonId);
  const journal = lesson === undefined ? undefined : state.journals.get(lesson.journalId);
  if (lesson === undefined || journal === undefined) {
    throw new ParagrafActionError(404, 'LESSON_NOT_FOUND', {
      ru: `Урок ${lessonId.slice(0, 64)} не найден.`,
      en: `No lesson ${lessonId.slice(0, 64)}.`,
    });
  }
  return { lesson, journal };
}

function vk<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof VkMessengerError) {
      throw new ParagrafActionError(
        409,
        'VK_ERROR',
        { ru: `Сферум отказал: ${error.message}`, en: `Sferum refused: ${error.message}` },
        error.vkCode,
      );
    }
    throw error;
  }
}

export function publishOnline(
  state: ParagrafState,
  messenger: VkMessengerService,
  lessonId: string,
  teacherVkId: (personId: string) => number | undefined,
  nowMs: number,
): OnlineLessonResult {
  const { lesson, journal } = lessonAndJournal(state, lessonId);
  const teacherWithoutVk = teacherVkId(journal.teacherId) === undefined;
  if (lesson.state === 'online') {
    return { lesson, journal, chatCreated: false, teacherWithoutVk };
  }
  if (lesson.state !== 'planned') {
    throw new ParagrafActionError(409, 'LESSON_CLOSED', {
      ru: `Урок уже ${lesson.state === 'finished' ? 'проведён' : 'отменён'}.`,
      en: `The lesson is ${lesson.state} already.`,
    });
  }
  if (journal.kind !== 'general' || journal.courseId === undefined) {
    throw new ParagrafActionError(409, 'JOURNAL_NOT_GENERAL', {
      ru: `Чат предмета создаётся только для журналов общего образования (журнал «${journal.subjectName}» — ${journal.kind === 'additional' ? 'дополнительное образование' : 'внеурочная деятельность'}).`,
      en: `Subject chats exist only for general-education journals (this journal is ${journal.kind}).`,
    });
  }
  const link = state.links.get(state.schoolId);
  if (link === undefined) {
    throw new ParagrafActionError(409, 'SCHOOL_NOT_LINKED', {
      ru: 'В «Базе ссылок» нет сообщества Сферума школы: сохраните id сообщества и ключ доступа.',
      en: 'The link base has no Sferum community for the school: save the community id and token first.',
    });
  }
  const groupId = link.communityId;
  const courseId = journal.courseId;
  let chatCreated = false;
  let peerId = journal.chatPeerId;
  if (peerId === undefined || messenger.chat(peerId) === undefined) {
    peerId = vk(() => messenger.createSubjectChat({ groupId, courseId })).peerId;
    journal.chatPeerId = peerId;
    chatCreated = true;
  }
  const chatPeer = peerId;
  const call = vk(() => messenger.startCall({ groupId, peerId: chatPeer }));
  vk(() =>
    messenger.postToChat({
      groupId,
      peerId: chatPeer,
      text: `Онлайн-урок «${lesson.topic}» (${lesson.date}, ${lesson.number}-й урок). Подключиться: ${call.joinLink}`,
      randomId: `paragraf:${lesson.id}:join`,
    }),
  );
  lesson.mode = 'online';
  lesson.state = 'online';
  lesson.callId = call.callId;
  lesson.joinLink = call.joinLink;
  lesson.publishedAt = nowMs;
  return { lesson, journal, chatCreated, teacherWithoutVk };
}

/** Ends the lesson: `cancel` posts a notice to the chat; `finish` only ends the call. */
export function closeLesson(
  state: ParagrafState,
  messenger: VkMessengerService,
  lessonId: string,
  how: 'cancel' | 'finish',
): ParagrafLesson {
  const { lesson, journal } = lessonAndJournal(state, lessonId);
  if (lesson.state === 'cancelled' || lesson.state === 'finished') {
    if ((how === 'cancel') === (lesson.state === 'cancelled')) {
      return lesson;
    }
    throw new ParagrafActionError(409, 'LESSON_CLOSED', {
      ru: `Урок уже ${lesson.state === 'finished' ? 'проведён' : 'отменён'}.`,
      en: `The lesson is ${lesson.state} already.`,
    });
  }
  if (how === 'finish' && lesson.state !== 'online') {
    throw new ParagrafActionError(409, 'LESSON_CLOSED', {
      ru: 'Урок не идёт онлайн: завершать нечего.',
      en: 'The lesson is not online: nothing to finish.',
    });
  }
  if (lesson.callId !== undefined) {
    const callId = lesson.callId;
    vk(() => messenger.finishCall(callId));
  }
  const link = state.links.get(state.schoolId);
  if (
    how === 'cancel' &&
    lesson.state === 'online' &&
    link !== undefined &&
    journal.chatPeerId !== undefined
  ) {
    const peerId = journal.chatPeerId;
    vk(() =>
      messenger.postToChat({
        groupId: link.communityId,
        peerId,
        text: `Онлайн-урок «${lesson.topic}» (${lesson.date}) отменён.`,
        randomId: `paragraf:${lesson.id}:cancel`,
      }),
    );
  }
  lesson.state = how === 'cancel' ? 'cancelled' : 'finished';
  return lesson;
}
