/**
 * Control routes, mounted at /__goskit/paragraf: GET /account (the demo exchange login), GET /links,
 * PUT /links/:schoolId («База ссылок», checked against the vk portal), GET /journals,
 * GET /journals/:journalId/lessons, GET /lessons/:lessonId, POST /lessons/:lessonId/online (publish
 * as «Онлайн-урок»: subject chat, call, link), /cancel, /finish, GET /staff («Личные дела
 * сотрудников» with VK ids), GET /queue, POST /queue/fail-next (the next pushes end `failed`).
 * Bad bodies → 400 naming the field; refusals → 404/409/422 with the reason and ru/en text.
 */
import { z } from 'zod';
import { BadRequestError } from '../../engine/errors.js';
import { readJson } from '../../engine/request-body.js';
import { json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { vkMessengerService } from '../../services/vk-messenger.js';
import { ParagrafActionError } from './action-error.js';
import { linkView, saveLink } from './links.js';
import { closeLesson, publishOnline } from './online-lessons.js';
import type { ResolvedParagrafOptions } from './options.js';
import type { ParagrafState } from './state.js';
import { journalList, lessonsOf, linkedVkIds, queueList, staffOf } from './views.js';

const linkBody = z
  .object({
    communityId: z.number().int().min(1).max(999_999_999_999),
    token: z
      .string()
      .min(16)
      .max(512)
      .regex(/^[A-Za-z0-9._-]+$/, 'Latin letters, digits, ".", "_" or "-"'),
  })
  .strict();

const failBody = z
  .object({
    count: z.number().int().min(1).max(100).optional(),
    code: z
      .string()
      .regex(/^[A-Z0-9_]{1,64}$/)
      .optional(),
    text: z.string().min(1).max(500).optional(),
  })
  .strict();

function guarded(handler: (ctx: RouteContext<ParagrafState>) => SimResponse) {
  return (ctx: RouteContext<ParagrafState>): SimResponse => {
    try {
      return handler(ctx);
    } catch (error) {
      if (error instanceof BadRequestError) {
        return json({ error: 'INVALID_BODY', field: error.field, message: error.message }, 400);
      }
      if (error instanceof ParagrafActionError) {
        return json(
          {
            error: error.reason,
            message: error.message,
            messageRu: error.ru,
            ...(error.vkCode === undefined ? {} : { vkCode: error.vkCode }),
          },
          error.status,
        );
      }
      throw error;
    }
  };
}

function notFound(what: string, id: string): SimResponse {
  return json({ error: 'NOT_FOUND', message: `no ${what} ${JSON.stringify(id.slice(0, 64))}` }, 404);
}

export function paragrafControlRoutes(options: ResolvedParagrafOptions): RouteDefinition<ParagrafState>[] {
  return [
    {
      method: 'GET',
      path: '/account',
      operation: 'control.account',
      handler: ({ state, request }) => {
        const account = [...state.accounts.values()].find((item) => item.schoolId === state.schoolId);
        return account === undefined
          ? json({ error: 'NOT_FOUND', message: 'no demo account (data.paragraf.demo is false)' }, 404)
          : json({
              ...account,
              endpoint: request.baseUrl.replace(/\/__goskit\/paragraf$/, '/paragraf'),
              path: '/exchange',
            });
      },
    },
    {
      method: 'GET',
      path: '/links',
      operation: 'control.links',
      handler: ({ state }) => json({ links: [...state.links.values()].map(linkView) }),
    },
    {
      method: 'PUT',
      path: '/links/:schoolId',
      operation: 'control.links.save',
      handler: guarded((ctx) => {
        const input = readJson(ctx.request, linkBody);
        const view = saveLink(
          ctx.state,
          ctx.sim.service(vkMessengerService),
          { schoolId: ctx.params.schoolId ?? '', ...input },
          ctx.sim.clock.now(),
        );
        return json({ link: view });
      }),
    },
    {
      method: 'GET',
      path: '/journals',
      operation: 'control.journals',
      handler: ({ state }) => json({ journals: journalList(state) }),
    },
    {
      method: 'GET',
      path: '/journals/:journalId/lessons',
      operation: 'control.journal.lessons',
      handler: ({ state, params }) => {
        const id = params.journalId ?? '';
        return state.journals.has(id) ? json({ lessons: lessonsOf(state, id) }) : notFound('journal', id);
      },
    },
    {
      method: 'GET',
      path: '/lessons/:lessonId',
      operation: 'control.lesson',
      handler: ({ state, params }) => {
        const lesson = state.lessons.get(params.lessonId ?? '');
        return lesson === undefined ? notFound('lesson', params.lessonId ?? '') : json({ lesson });
      },
    },
    {
      method: 'POST',
      path: '/lessons/:lessonId/online',
      operation: 'control.lesson.online',
      handler: guarded(({ state, sim, params }) => {
        const vkIds = linkedVkIds(sim);
        const result = publishOnline(
          state,
          sim.service(vkMessengerService),
          params.lessonId ?? '',
          (personId) => vkIds.get(personId),
          sim.clock.now(),
        );
        return json(result);
      }),
    },
    {
      method: 'POST',
      path: '/lessons/:lessonId/cancel',
      operation: 'control.lesson.cancel',
      handler: guarded(({ state, sim, params }) =>
        json({
          lesson: closeLesson(state, sim.service(vkMessengerService), params.lessonId ?? '', 'cancel'),
        }),
      ),
    },
    {
      method: 'POST',
      path: '/lessons/:lessonId/finish',
      operation: 'control.lesson.finish',
      handler: guarded(({ state, sim, params }) =>
        json({
          lesson: closeLesson(state, sim.service(vkMessengerService), params.lessonId ?? '', 'finish'),
        }),
      ),
    },
    {
      method: 'GET',
      path: '/staff',
      operation: 'control.staff',
      handler: ({ state, sim }) => json({ staff: staffOf(state, sim) }),
    },
    {
      method: 'GET',
      path: '/queue',
      operation: 'control.queue',
      handler: ({ state, sim }) => json({ queue: queueList(state, sim.clock.now(), options) }),
    },
    {
      method: 'POST',
      path: '/queue/fail-next',
      operation: 'control.queue.fail',
      handler: guarded((ctx) => {
        const input = readJson(ctx.request, failBody);
        for (let i = 0; i < (input.count ?? 1); i++) {
          ctx.state.failNext.push({
            code: input.code ?? 'PROCESSING_FAILED',
            text: input.text ?? 'Ошибка обработки пакета',
          });
        }
        return json({ armed: ctx.state.failNext.length }, 201);
      }),
    },
  ];
}
