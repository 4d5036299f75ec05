/**
 * `paragraf.dnevnik:vc_room` and `paragraf.dnevnik:vc_cancel` over Sferum. The dependency is one-way:
 * this package uses @goskit/sferum's chat sync and lesson calls, @goskit/sferum knows nothing of
 * Параграф (docs/decisions/051). `vcRoom` refuses journals that are not general education, creates the
 * journal's subject chat when the school's registry has none yet (the chat was chosen in the journal;
 * it is created at the first online lesson) by running the chat sync with that subject's chat asked
 * for, then starts the call and returns its join link to write back to the lesson. Teachers of the
 * journal without a linked VK id are reported. `vcCancel` cancels (notice in the chat) or finishes.
 */
import {
  type ChatSync,
  chatKey,
  type LessonCall,
  type LessonCalls,
  type LinkStore,
  type SchoolRoster,
} from '@goskit/sferum';
import { OnlineLessonError } from '../errors/online-lesson-error.js';
import { checkOnlineLesson, type OnlineLesson } from './online-lesson.js';

export interface OnlineLessonsOptions {
  /** The school chat sync (`createChatSync` of @goskit/sferum), subject chats `'requested'`. */
  sync: ChatSync;
  /** Lesson calls (`createLessonCalls` of @goskit/sferum) over the same transport and registry. */
  calls: LessonCalls;
  /** The school's data as the chat sync reads it (classes, people, subjects) — from Параграф's export. */
  roster(schoolId: string, signal?: AbortSignal): Promise<SchoolRoster>;
  /** The e-diary's links of people to VK users; teachers without one are reported. */
  links: LinkStore;
}

export interface VcRoomResult {
  call: LessonCall;
  /** `SUBJECT:<subjectId>`. */
  chatKey: string;
  chatId: string;
  /** True when this lesson's publication created the subject chat. */
  chatCreated: boolean;
  /** The journal's teachers with no linked VK id («Личные дела сотрудников» shows none). */
  teachersWithoutVk: string[];
}

export interface VcCancelOptions {
  /** `'cancel'` (default): end the call if one runs and post a notice; `'finish'`: end the call only. */
  mode?: 'cancel' | 'finish';
  /** Added to the cancellation notice. */
  reason?: string;
  signal?: AbortSignal;
}

export interface VcRoomOptions {
  signal?: AbortSignal;
  /**
   * Create the journal's subject chat when the registry has none yet (default true). False: only an
   * existing chat is used, and a lesson without one is refused with `SUBJECT_CHAT_NOT_CREATED`.
   */
  createChat?: boolean;
}

export interface OnlineLessons {
  vcRoom(lesson: OnlineLesson, options?: VcRoomOptions): Promise<VcRoomResult>;
  vcCancel(lesson: OnlineLesson, options?: VcCancelOptions): Promise<LessonCall>;
}

export function createOnlineLessons(options: OnlineLessonsOptions): OnlineLessons {
  const { sync, calls, links } = options;

  const activeChat = async (schoolId: string, key: string) => {
    const entry = (await sync.entries(schoolId)).find((item) => item.key === key);
    return entry?.state === 'active' && entry.chatId !== undefined ? entry.chatId : undefined;
  };

  const createSubjectChat = async (lesson: OnlineLesson, key: string, signal: AbortSignal | undefined) => {
    const roster = await options.roster(lesson.schoolId, signal);
    const subjects = roster.subjects ?? [];
    if (!subjects.some((subject) => subject.id === lesson.journal.subjectId)) {
      throw new OnlineLessonError(
        'SUBJECT_NOT_IN_ROSTER',
        {
          ru: `Предмета ${lesson.journal.subjectId} нет в данных школы: чат предмета создать нельзя.`,
          en: `The school data has no subject ${lesson.journal.subjectId}: no subject chat can be created.`,
        },
        { lessonId: lesson.lessonId, field: 'journal.subjectId' },
      );
    }
    const asked = subjects.map((subject) =>
      subject.id === lesson.journal.subjectId ? { ...subject, chat: true } : subject,
    );
    await sync.run({ ...roster, subjects: asked }, signal === undefined ? {} : { signal });
    const chatId = await activeChat(lesson.schoolId, key);
    if (chatId === undefined) {
      throw new OnlineLessonError(
        'SUBJECT_CHAT_NOT_CREATED',
        {
          ru: 'Чат предмета не создан (мессенджер не создаёт чаты сам или синхронизация не завершилась).',
          en: 'The subject chat was not created (the messenger cannot create chats, or the sync did not finish).',
        },
        { lessonId: lesson.lessonId },
      );
    }
    return chatId;
  };

  return {
    async vcRoom(lesson, roomOptions = {}) {
      checkOnlineLesson(lesson);
      const { signal } = roomOptions;
      if (lesson.journal.kind !== 'general') {
        throw new OnlineLessonError(
          'JOURNAL_NOT_GENERAL',
          {
            ru: 'Чат предмета и онлайн-урок в Сферуме — только для журналов общего образования.',
            en: 'Subject chats and Sferum online lessons are for general-education journals only.',
          },
          { lessonId: lesson.lessonId, field: 'journal.kind' },
        );
      }
      const key = chatKey('SUBJECT', lesson.journal.subjectId);
      let chatId = await activeChat(lesson.schoolId, key);
      const chatCreated = chatId === undefined;
      if (chatId === undefined && roomOptions.createChat === false) {
        throw new OnlineLessonError(
          'SUBJECT_CHAT_NOT_CREATED',
          {
            ru: 'У журнала ещё нет чата предмета, а создавать его запрещено настройками (createSubjectChat: false).',
            en: 'The journal has no subject chat yet, and the settings forbid creating one (createSubjectChat: false).',
          },
          { lessonId: lesson.lessonId },
        );
      }
      chatId ??= await createSubjectChat(lesson, key, signal);
      const linked = await links.getMany(lesson.journal.teacherIds, 'vk');
      const teachersWithoutVk = lesson.journal.teacherIds.filter((id) => !linked.has(id));
      const call = await calls.start(
        { lessonId: lesson.lessonId, schoolId: lesson.schoolId, chatKey: key, title: lesson.title },
        signal === undefined ? {} : { signal },
      );
      return { call, chatKey: key, chatId, chatCreated, teachersWithoutVk };
    },
    async vcCancel(lesson, cancelOptions = {}) {
      checkOnlineLesson(lesson);
      const signal = cancelOptions.signal === undefined ? {} : { signal: cancelOptions.signal };
      if (cancelOptions.mode === 'finish') {
        return calls.finish(lesson.lessonId, signal);
      }
      return calls.cancel(
        {
          lessonId: lesson.lessonId,
          schoolId: lesson.schoolId,
          chatKey: chatKey('SUBJECT', lesson.journal.subjectId),
          title: lesson.title,
        },
        { ...signal, ...(cancelOptions.reason === undefined ? {} : { reason: cancelOptions.reason }) },
      );
    },
  };
}
