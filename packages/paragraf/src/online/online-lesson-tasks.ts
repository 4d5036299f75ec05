/**
 * The built-in handlers of `paragraf.dnevnik:vc_room` and `paragraf.dnevnik:vc_cancel` over
 * `createOnlineLessons` (opt-in: pass `onlineLessons` to `createTaskRunner`, or spread
 * `onlineLessonTaskHandlers(...)` into `handlers`). A run asks the school's `OnlineLessonQueue` for its
 * work — lessons published as «Онлайн-урок» without a room yet, online lessons cancelled or finished —
 * handles each one and writes the outcome back through the queue, so a lesson written back is not
 * asked for again and a retried run repeats only what was not done. A lesson Sferum cannot serve
 * (`OnlineLessonError`: not a general-education journal, invalid, no subject chat) is reported in the
 * run's result and to `failed()`, and does not fail the others; any other error (transport, VK) fails
 * the run, which the runner retries with backoff. Settings: vc_room `provider` must be 'sferum'
 * ('pelikan' belongs to `paragraf.dnevnik:pelikan`), `createSubjectChat: false` only uses existing chats;
 * vc_cancel `notifyChat: false` ends calls without the notice in the chat.
 */
import { OnlineLessonError } from '../errors/online-lesson-error.js';
import { TaskError } from '../errors/task-error.js';
import type { TaskHandler } from '../runner/task-runner.js';
import type { OnlineLessons, VcRoomResult } from './create-online-lessons.js';
import type { OnlineLesson } from './online-lesson.js';

/** A lesson whose room must end: `cancel` (the lesson was cancelled) or `finish` (it took place). */
export interface LessonToClose {
  lesson: OnlineLesson;
  how: 'cancel' | 'finish';
  /** Added to the cancellation notice. */
  reason?: string;
}

/** Where the online-lesson tasks find their work and write its outcome back (Параграф's journal). */
export interface OnlineLessonQueue {
  /** Lessons of the school published as «Онлайн-урок» that have no room yet. */
  toOpen(schoolId: string, signal: AbortSignal): Promise<readonly OnlineLesson[]>;
  /** Writes the call's link back to the lesson; it is then no longer `toOpen`. */
  opened(lesson: OnlineLesson, result: VcRoomResult): Promise<void>;
  /** Online lessons of the school whose room must end. */
  toClose(schoolId: string, signal: AbortSignal): Promise<readonly LessonToClose[]>;
  /** Marks the lesson's room as ended; it is then no longer `toClose`. */
  closed(item: LessonToClose, state: string): Promise<void>;
  /** A lesson Sferum cannot serve; it should leave the queue (or it is reported on every run). */
  failed?(lesson: OnlineLesson, error: OnlineLessonError): Promise<void>;
}

export interface OnlineLessonTasksOptions {
  lessons: OnlineLessons;
  queue: OnlineLessonQueue;
}

export interface OnlineLessonFailure {
  lessonId: string;
  code: string;
  message: string;
  field?: string;
}

/** What a vc_room run returns (kept in the run history). */
export interface VcRoomRunResult {
  opened: {
    lessonId: string;
    callId: string | undefined;
    joinLink: string | undefined;
    chatKey: string;
    chatCreated: boolean;
    teachersWithoutVk: string[];
  }[];
  failed: OnlineLessonFailure[];
}

/** What a vc_cancel run returns. */
export interface VcCancelRunResult {
  closed: { lessonId: string; how: 'cancel' | 'finish'; state: string }[];
  failed: OnlineLessonFailure[];
}

function failure(lesson: OnlineLesson, error: OnlineLessonError): OnlineLessonFailure {
  return {
    lessonId: typeof lesson?.lessonId === 'string' ? lesson.lessonId.slice(0, 300) : '(none)',
    code: error.code,
    message: error.message,
    ...(error.field === undefined ? {} : { field: error.field }),
  };
}

export function onlineLessonTaskHandlers(options: OnlineLessonTasksOptions): {
  'paragraf.dnevnik:vc_room': TaskHandler;
  'paragraf.dnevnik:vc_cancel': TaskHandler;
} {
  const { lessons, queue } = options;

  const vcRoom: TaskHandler = async ({ task, signal }): Promise<VcRoomRunResult> => {
    const provider = task.settings.provider ?? 'sferum';
    if (provider !== 'sferum') {
      throw new TaskError(
        'TASK_SETTINGS_INVALID',
        {
          ru: `provider «${String(provider).slice(0, 40)}»: встроенный обработчик создаёт комнаты только в Сферуме (Пеликан — задача paragraf.dnevnik:pelikan)`,
          en: `provider "${String(provider).slice(0, 40)}": the built-in handler opens rooms in Sferum only (Pelikan is paragraf.dnevnik:pelikan)`,
        },
        { taskCode: task.code },
      );
    }
    const createChat = task.settings.createSubjectChat !== false;
    const result: VcRoomRunResult = { opened: [], failed: [] };
    for (const lesson of await queue.toOpen(task.schoolId, signal)) {
      signal.throwIfAborted();
      try {
        const room = await lessons.vcRoom(lesson, { signal, createChat });
        await queue.opened(lesson, room);
        result.opened.push({
          lessonId: lesson.lessonId,
          callId: room.call.callId,
          joinLink: room.call.joinLink,
          chatKey: room.chatKey,
          chatCreated: room.chatCreated,
          teachersWithoutVk: room.teachersWithoutVk,
        });
      } catch (error) {
        if (!(error instanceof OnlineLessonError)) {
          throw error;
        }
        result.failed.push(failure(lesson, error));
        await queue.failed?.(lesson, error);
      }
    }
    return result;
  };

  const vcCancel: TaskHandler = async ({ task, signal }): Promise<VcCancelRunResult> => {
    const notify = task.settings.notifyChat !== false;
    const result: VcCancelRunResult = { closed: [], failed: [] };
    for (const item of await queue.toClose(task.schoolId, signal)) {
      signal.throwIfAborted();
      const how = item.how === 'cancel' && notify ? 'cancel' : 'finish';
      try {
        const call = await lessons.vcCancel(item.lesson, {
          mode: how,
          signal,
          ...(item.reason === undefined ? {} : { reason: item.reason }),
        });
        await queue.closed(item, call.state);
        result.closed.push({ lessonId: item.lesson.lessonId, how: item.how, state: call.state });
      } catch (error) {
        if (!(error instanceof OnlineLessonError)) {
          throw error;
        }
        result.failed.push(failure(item.lesson, error));
        await queue.failed?.(item.lesson, error);
      }
    }
    return result;
  };

  return { 'paragraf.dnevnik:vc_room': vcRoom, 'paragraf.dnevnik:vc_cancel': vcCancel };
}
