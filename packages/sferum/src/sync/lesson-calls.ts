/**
 * Lesson calls: start a call for a lesson in its chat and post the join link, finish it, or cancel
 * the lesson. Each lesson's state lives in a `KeyValueStore` and every step is recorded before the
 * next, so a repeated or resumed `start` never opens a second call for a running lesson and never
 * posts the link twice (the message's idempotency key is built from the lesson and the call).
 * A crash inside `calls.start` itself cannot be reconciled — VK lists no calls — so the resumed start
 * opens a new call; the first was never shared.
 */
import type { Clock, KeyValueStore } from '@goskit/core';
import { SyncError } from '../errors/sync-error.js';
import { isCleanText } from '../util/clean-text.js';
import type { ChatTransport } from './chat-transport.js';
import { registryScope } from './plan.js';
import type { ChatRegistry } from './registry.js';

export interface Lesson {
  /** The school system's lesson id (one call per lesson). */
  lessonId: string;
  schoolId: string;
  /** The chat of the lesson: `CLASS:<classId>` or `SUBJECT:<subjectId>`. */
  chatKey: string;
  /** «Математика, 5Б, 2-й урок». */
  title: string;
}

export type LessonCallState = 'starting' | 'started' | 'running' | 'finished' | 'cancelled';

export interface LessonCall {
  lessonId: string;
  schoolId: string;
  chatKey: string;
  chatId: string;
  title: string;
  state: LessonCallState;
  callId?: string;
  joinLink?: string;
  messageId?: string;
  /** Epoch ms. */
  updatedAt: number;
}

export interface LessonCallTexts {
  started(lesson: Lesson, joinLink: string): string;
  cancelled(lesson: Lesson, reason: string | undefined): string;
}

export const DEFAULT_LESSON_TEXTS: LessonCallTexts = {
  started: (lesson, joinLink) => `Урок «${lesson.title}» начался. Подключиться: ${joinLink}`,
  cancelled: (lesson, reason) => `Урок «${lesson.title}» отменён.${reason ? ` ${reason}` : ''}`,
};

export interface LessonCallsOptions {
  transport: ChatTransport;
  registry: ChatRegistry;
  /** Where lesson states live; share it (Redis) between instances. */
  store: KeyValueStore;
  /** Default 'goskit:sferum:lesson:'. */
  keyPrefix?: string;
  texts?: Partial<LessonCallTexts>;
  clock?: Clock;
}

export interface LessonCalls {
  /** Starts the call and posts the link; a running lesson's call is returned as it is. */
  start(lesson: Lesson, options?: { signal?: AbortSignal }): Promise<LessonCall>;
  /** Ends a running call. Finishing a finished lesson returns it unchanged. */
  finish(lessonId: string, options?: { signal?: AbortSignal }): Promise<LessonCall>;
  /** Cancels the lesson: ends its call if one runs and posts a notice to the chat. */
  cancel(lesson: Lesson, options?: { reason?: string; signal?: AbortSignal }): Promise<LessonCall>;
  get(lessonId: string): Promise<LessonCall | undefined>;
}

function stateError(message: string, ru: string): SyncError {
  return new SyncError('LESSON_CALL_STATE', message, { hint: { ru, en: message } });
}

function checkLesson(lesson: Lesson): void {
  for (const field of ['lessonId', 'schoolId', 'chatKey', 'title'] as const) {
    if (!isCleanText(lesson?.[field], 300)) {
      throw new SyncError('LESSON_CALL_STATE', `lesson.${field} must be a non-empty single-line string`, {
        issues: [
          {
            path: `lesson.${field}`,
            rule: 'text',
            message: {
              ru: `lesson.${field} — непустая строка без управляющих символов (до 300).`,
              en: `lesson.${field} is a non-empty string without control characters (up to 300).`,
            },
          },
        ],
      });
    }
  }
}

export function createLessonCalls(options: LessonCallsOptions): LessonCalls {
  const { transport, registry, store } = options;
  const prefix = options.keyPrefix ?? 'goskit:sferum:lesson:';
  const texts: LessonCallTexts = { ...DEFAULT_LESSON_TEXTS, ...options.texts };
  const now = options.clock ? () => options.clock!.now() : Date.now;
  const keyOf = (lessonId: string) => prefix + lessonId;
  const save = async (call: LessonCall) => {
    const next = { ...call, updatedAt: now() };
    await store.set(keyOf(call.lessonId), next);
    return next;
  };
  const load = async (lessonId: string) => {
    if (!isCleanText(lessonId, 300)) {
      throw stateError('lessonId must be a non-empty single-line string', 'lessonId — непустая строка.');
    }
    const value = await store.get(keyOf(lessonId));
    return typeof value === 'object' && value !== null ? (value as LessonCall) : undefined;
  };
  const need = <T>(method: T | undefined, what: string): T => {
    if (method === undefined || !transport.capabilities.calls) {
      throw new SyncError('TRANSPORT_CAPABILITY', `the chat transport cannot ${what}`, {
        hint: {
          ru: 'Для звонков VK нужен токен пользователя: передайте callsVk в createVkChatTransport.',
          en: 'VK calls need a user token: pass callsVk to createVkChatTransport.',
        },
      });
    }
    return method;
  };
  const chatOf = async (lesson: Lesson): Promise<string> => {
    const entry = await registry.get(registryScope(transport, lesson.schoolId), lesson.chatKey);
    if (entry?.state !== 'active' || entry.chatId === undefined) {
      throw stateError(
        `the chat ${lesson.chatKey} of school ${lesson.schoolId} does not exist yet: run the chat sync first`,
        `Чата ${lesson.chatKey} ещё нет: сначала выполните синхронизацию чатов.`,
      );
    }
    return entry.chatId;
  };
  const post = (chatId: string, text: string, idempotencyKey: string, signal?: AbortSignal) =>
    need(transport.sendMessage, 'send messages').call(transport, chatId, { text, idempotencyKey }, signal);

  return {
    get: load,
    async start(lesson, startOptions = {}) {
      checkLesson(lesson);
      const { signal } = startOptions;
      let call = await load(lesson.lessonId);
      if (call?.state === 'running') {
        return call;
      }
      if (call?.state === 'finished' || call?.state === 'cancelled') {
        throw stateError(
          `lesson ${lesson.lessonId} is ${call.state}`,
          `Урок уже ${call.state === 'finished' ? 'завершён' : 'отменён'}.`,
        );
      }
      const startCall = need(transport.startCall, 'start calls');
      if (call?.state !== 'started') {
        const chatId = await chatOf(lesson);
        call = await save({
          lessonId: lesson.lessonId,
          schoolId: lesson.schoolId,
          chatKey: lesson.chatKey,
          chatId,
          title: lesson.title,
          state: 'starting',
          updatedAt: now(),
        });
        const started = await startCall.call(transport, chatId, signal);
        call = await save({ ...call, state: 'started', callId: started.callId, joinLink: started.joinLink });
      }
      const joinLink = call.joinLink ?? '';
      const message = await post(
        call.chatId,
        texts.started(lesson, joinLink),
        `lesson:${lesson.lessonId}:join:${call.callId ?? joinLink}`,
        signal,
      );
      return save({ ...call, state: 'running', messageId: message.messageId });
    },
    async finish(lessonId, finishOptions = {}) {
      const call = await load(lessonId);
      if (call?.state === 'finished' || call?.state === 'cancelled') {
        return call;
      }
      if (call?.state !== 'running' && call?.state !== 'started') {
        throw stateError(`lesson ${lessonId} has no running call`, 'У урока нет идущего звонка.');
      }
      if (call.callId) {
        await need(transport.finishCall, 'finish calls').call(transport, call.callId, finishOptions.signal);
      }
      return save({ ...call, state: 'finished' });
    },
    async cancel(lesson, cancelOptions = {}) {
      checkLesson(lesson);
      const { signal } = cancelOptions;
      const call = await load(lesson.lessonId);
      if (call?.state === 'cancelled') {
        return call;
      }
      if (call?.state === 'finished') {
        throw stateError(`lesson ${lesson.lessonId} is finished already`, 'Урок уже завершён.');
      }
      if ((call?.state === 'running' || call?.state === 'started') && call.callId) {
        await need(transport.finishCall, 'finish calls').call(transport, call.callId, signal);
      }
      const chatId = call?.chatId ?? (await chatOf(lesson));
      await post(
        chatId,
        texts.cancelled(lesson, cancelOptions.reason),
        `lesson:${lesson.lessonId}:cancel`,
        signal,
      );
      return save({
        lessonId: lesson.lessonId,
        schoolId: lesson.schoolId,
        chatKey: lesson.chatKey,
        title: lesson.title,
        ...call,
        chatId,
        state: 'cancelled',
        updatedAt: now(),
      });
    },
  };
}
