/**
 * Control routes at /__goskit/max/…, acting as people (a MAX bot cannot create chats): list bots with
 * their tokens and the MAX users; create a group chat and add the bot (`bot_added`), rename it, add or
 * remove users, add or remove the bot, write, start a dialog, press a button; switch the 09.2026
 * member-add restriction and the http-to-loopback webhook allowance; read the webhook delivery log.
 */
import { bodyText, json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { type MaxActions, maxActions } from './control.js';
import { MaxControlError } from './people.js';
import type { MaxState } from './state.js';

type Handler = (
  actions: MaxActions,
  body: Record<string, unknown>,
  ctx: RouteContext<MaxState>,
) => SimResponse;

function body(ctx: RouteContext<MaxState>): Record<string, unknown> {
  const text = bodyText(ctx.request.body);
  if (text.trim() === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MaxControlError('(body)', 'the body must be JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new MaxControlError('(body)', 'the body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

const field = (source: Record<string, unknown>, name: string): unknown =>
  Object.hasOwn(source, name) ? source[name] : undefined;

function route(method: string, path: string, operation: string, handler: Handler): RouteDefinition<MaxState> {
  return {
    method,
    path,
    operation,
    handler: (ctx) => {
      try {
        return handler(
          maxActions(() => ctx.state, ctx.sim),
          body(ctx),
          ctx,
        );
      } catch (error) {
        if (error instanceof MaxControlError) {
          return json({ error: 'INVALID_DATA', field: error.field, message: error.message }, error.status);
        }
        throw error;
      }
    },
  };
}

const done = () => json({ ok: true });

export const maxControlRoutes: RouteDefinition<MaxState>[] = [
  route('GET', '/bots', 'control.bots', (actions) => json({ bots: actions.bots() })),
  route('GET', '/users', 'control.users', (actions, _body, ctx) => {
    const role = ctx.request.query.get('role') ?? undefined;
    return json({ users: actions.users(role) });
  }),
  route('POST', '/chats', 'control.chats.create', (actions, input) =>
    json(
      actions.createChat({
        title: field(input, 'title') as string,
        ...(field(input, 'owner') === undefined ? {} : { owner: field(input, 'owner') as number }),
        ...(field(input, 'members') === undefined ? {} : { members: field(input, 'members') as number[] }),
        ...(field(input, 'addBot') === undefined ? {} : { addBot: field(input, 'addBot') as boolean }),
        ...(field(input, 'type') === undefined ? {} : { type: field(input, 'type') as 'chat' }),
      }),
      201,
    ),
  ),
  route('PATCH', '/chats/:chatId', 'control.chats.rename', (actions, input, ctx) => {
    actions.renameChat(
      ctx.params.chatId ?? '',
      field(input, 'title') as string,
      field(input, 'by') as number | undefined,
    );
    return done();
  }),
  route('POST', '/chats/:chatId/members', 'control.members.add', (actions, input, ctx) =>
    json({
      added: actions.addMembers(
        ctx.params.chatId ?? '',
        (field(input, 'users') ?? field(input, 'userIds')) as number[],
        field(input, 'by') as number | undefined,
      ),
    }),
  ),
  route('DELETE', '/chats/:chatId/members/:user', 'control.members.remove', (actions, input, ctx) => {
    actions.removeMember(
      ctx.params.chatId ?? '',
      ctx.params.user ?? '',
      field(input, 'by') as number | undefined,
    );
    return done();
  }),
  route('POST', '/chats/:chatId/bot', 'control.bot.add', (actions, input, ctx) => {
    actions.addBot(ctx.params.chatId ?? '', input as Parameters<MaxActions['addBot']>[1]);
    return done();
  }),
  route('DELETE', '/chats/:chatId/bot', 'control.bot.remove', (actions, input, ctx) => {
    const bot = field(input, 'bot') ?? ctx.request.query.get('bot') ?? undefined;
    actions.removeBot(ctx.params.chatId ?? '', { ...(bot === undefined ? {} : { bot: bot as number }) });
    return done();
  }),
  route('POST', '/chats/:chatId/messages', 'control.messages.post', (actions, input, ctx) =>
    json(
      {
        mids: actions
          .post(
            ctx.params.chatId ?? '',
            field(input, 'from') as number,
            field(input, 'text') as string,
            (field(input, 'count') as number | undefined) ?? 1,
          )
          .slice(-100),
      },
      201,
    ),
  ),
  route('POST', '/dialogs', 'control.dialogs.start', (actions, input) =>
    json(
      {
        chatId: actions.startDialog(field(input, 'user') as number, {
          ...(field(input, 'bot') === undefined ? {} : { bot: field(input, 'bot') as number }),
          ...(field(input, 'payload') === undefined ? {} : { payload: field(input, 'payload') as string }),
        }),
      },
      201,
    ),
  ),
  route('POST', '/callbacks', 'control.callbacks.press', (actions, input) =>
    json(
      {
        callbackId: actions.pressButton(
          field(input, 'user') as number,
          field(input, 'mid') as string,
          field(input, 'payload') as string | undefined,
        ),
      },
      201,
    ),
  ),
  route('GET', '/restriction', 'control.restriction.get', (actions) => json(actions.restriction())),
  route('PUT', '/restriction', 'control.restriction.set', (actions, input) =>
    json(actions.restriction(field(input, 'mode') as 'on')),
  ),
  route('GET', '/settings', 'control.settings.get', (actions) => json(actions.settings())),
  route('PUT', '/settings', 'control.settings.set', (actions, input) =>
    json(
      actions.settings({
        ...(field(input, 'allowHttpLoopbackWebhooks') === undefined
          ? {}
          : { allowHttpLoopbackWebhooks: field(input, 'allowHttpLoopbackWebhooks') as boolean }),
        ...(field(input, 'chatList') === undefined ? {} : { chatList: field(input, 'chatList') as 'legacy' }),
      }),
    ),
  ),
  route('GET', '/deliveries', 'control.deliveries', (actions) => json({ deliveries: actions.deliveries() })),
];
