/**
 * Control routes, mounted at /__goskit/vk: GET /tokens (kind, token, owner), /users, /chats,
 * /chats/:chatId/messages, /demo; acting as a person: POST /act/rename, /act/leave, /act/link,
 * /act/join; captcha: POST /captcha (arm), GET /captcha/:sid (what a person solving it would learn).
 * Bad bodies → 400 naming the field; VK failures → 404/409 with VK's code.
 */
import { z } from 'zod';
import { BadRequestError } from '../../engine/errors.js';
import { readJson } from '../../engine/request-body.js';
import { json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { VkMessengerError } from '../../services/vk-messenger.js';
import { joinByLink, leaveChat, linkProfile, renameChat } from './act.js';
import { armCaptcha, captchaSolution } from './captcha.js';
import { chatSummaries, chatSummary, messagesOf, tokenInfos, userInfos } from './inspect.js';
import { VK_METHOD_NAMES } from './methods/index.js';
import type { VkState } from './state.js';

const userId = z.number().int().positive().max(999_999_999_999);
const chatId = z.number().int().positive().max(100_000_000);

const renameBody = z.object({ userId, chatId, title: z.string().min(1).max(255) }).strict();
const leaveBody = z.object({ userId, chatId }).strict();
const linkBody = z
  .object({
    userId: userId.optional(),
    personId: z.string().min(1).max(100).optional(),
    linked: z.boolean().optional(),
  })
  .strict()
  .refine((body) => (body.userId === undefined) !== (body.personId === undefined), {
    message: 'give userId or personId (one of them)',
    path: ['userId'],
  });
const joinBody = z.object({ userId, link: z.string().min(1).max(200) }).strict();
const captchaBody = z
  .object({
    method: z
      .string()
      .refine((name) => VK_METHOD_NAMES.includes(name), { message: `one of ${VK_METHOD_NAMES.join(', ')}` })
      .optional(),
    count: z.number().int().min(1).max(1000).optional(),
    form: z.enum(['legacy', 'redirect']).optional(),
  })
  .strict();

/** VK codes that mean "no such thing" answer 404; the rest 409. */
const NOT_FOUND = new Set([113, 104, 927, 936]);

function guarded(handler: (ctx: RouteContext<VkState>) => SimResponse) {
  return (ctx: RouteContext<VkState>): SimResponse => {
    try {
      return handler(ctx);
    } catch (error) {
      if (error instanceof BadRequestError) {
        return json({ error: 'INVALID_BODY', field: error.field, message: error.message }, 400);
      }
      if (error instanceof VkMessengerError) {
        return json(
          { error: 'VK_ERROR', vkCode: error.vkCode, message: error.message },
          NOT_FOUND.has(error.vkCode) ? 404 : 409,
        );
      }
      throw error;
    }
  };
}

function body<T>(ctx: RouteContext<VkState>, schema: z.ZodType<T>): T {
  return readJson(ctx.request, schema);
}

export const vkControlRoutes: RouteDefinition<VkState>[] = [
  {
    method: 'GET',
    path: '/tokens',
    operation: 'control.tokens',
    handler: ({ state }) => json({ tokens: tokenInfos(state) }),
  },
  {
    method: 'GET',
    path: '/users',
    operation: 'control.users',
    handler: ({ state }) => json({ users: userInfos(state) }),
  },
  {
    method: 'GET',
    path: '/demo',
    operation: 'control.demo',
    handler: ({ state }) => json({ demo: state.demo ?? null }),
  },
  {
    method: 'GET',
    path: '/chats',
    operation: 'control.chats',
    handler: ({ state }) => json({ chats: chatSummaries(state) }),
  },
  {
    method: 'GET',
    path: '/chats/:chatId/messages',
    operation: 'control.chat.messages',
    handler: ({ state, params }) => {
      const id = /^\d{1,9}$/.test(params.chatId ?? '') ? Number(params.chatId) : Number.NaN;
      const chat = state.chats.get(id);
      if (chat === undefined) {
        return json(
          { error: 'NOT_FOUND', message: `no chat ${JSON.stringify((params.chatId ?? '').slice(0, 40))}` },
          404,
        );
      }
      return json(messagesOf(chat));
    },
  },
  {
    method: 'POST',
    path: '/act/rename',
    operation: 'control.act.rename',
    handler: guarded((ctx) =>
      json({ chat: chatSummary(ctx.state, renameChat(ctx.state, body(ctx, renameBody))) }),
    ),
  },
  {
    method: 'POST',
    path: '/act/leave',
    operation: 'control.act.leave',
    handler: guarded((ctx) =>
      json({ chat: chatSummary(ctx.state, leaveChat(ctx.state, body(ctx, leaveBody))) }),
    ),
  },
  {
    method: 'POST',
    path: '/act/link',
    operation: 'control.act.link',
    handler: guarded((ctx) => {
      const input = body(ctx, linkBody);
      const id = input.userId ?? ctx.state.usersByPerson.get(input.personId ?? '');
      if (id === undefined) {
        return json(
          { error: 'NOT_FOUND', field: 'personId', message: 'personId: no VK user for this person' },
          404,
        );
      }
      const user = linkProfile(ctx.state, { userId: id, linked: input.linked ?? true });
      return json({ userId: user.id, educationProfile: user.educationProfile });
    }),
  },
  {
    method: 'POST',
    path: '/act/join',
    operation: 'control.act.join',
    handler: guarded((ctx) => {
      const input = body(ctx, joinBody);
      const chat = joinByLink(ctx.state, { ...input, nowMs: ctx.sim.clock.nowMs() });
      return json({ chat: chatSummary(ctx.state, chat) });
    }),
  },
  {
    method: 'POST',
    path: '/captcha',
    operation: 'control.captcha.arm',
    handler: guarded((ctx) => {
      const armed = armCaptcha(ctx.state, body(ctx, captchaBody));
      return json({ armed }, 201);
    }),
  },
  {
    method: 'GET',
    path: '/captcha/:sid',
    operation: 'control.captcha.solution',
    handler: ({ state, params }) => {
      const solution = captchaSolution(state, params.sid ?? '');
      return solution === undefined
        ? json({ error: 'NOT_FOUND', message: 'no such captcha (solved, expired or never issued)' }, 404)
        : json(solution);
    },
  },
];
