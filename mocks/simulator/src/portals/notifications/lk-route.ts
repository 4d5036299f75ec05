/**
 * GET /api/lk/v1/notifications — the person's «Уведомления» in the personal account, as a signed-in
 * person sees them: their delivered personal-account notices (or push, `?channel=push`), newest
 * first, with the Bearer ESIA access token.
 */
import { json } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { identityService } from '../../services/identity.js';
import { notificationsService } from '../../services/notifications.js';
import type { OutboxState } from './state.js';

const problem = (status: number, code: string, message: string) => json({ code, message }, status);

export const lkNotificationsRoute: RouteDefinition<OutboxState> = {
  method: 'GET',
  path: '/api/lk/v1/notifications',
  operation: 'lk.notifications.list',
  handler: async (ctx) => {
    const token = /^Bearer\s+(\S{1,8192})$/i.exec(ctx.request.headers.authorization ?? '')?.[1];
    const grant =
      token === undefined ? undefined : await ctx.sim.service(identityService).verifyAccessToken(token);
    if (grant?.oid === undefined) {
      return problem(401, 'unauthorized', 'Войдите через Госуслуги: нужен действующий токен ЕСИА');
    }
    const channel = ctx.request.query.get('channel') ?? 'lk';
    if (channel !== 'lk' && channel !== 'push') {
      return problem(400, 'bad_request', 'channel: lk or push');
    }
    const notices = ctx.sim.service(notificationsService).find({ channel, recipient: grant.oid });
    return json({
      items: notices
        .slice(-100)
        .reverse()
        .map((notice) => ({
          id: notice.id,
          time: notice.time,
          ...(notice.subject === undefined ? {} : { subject: notice.subject }),
          text: notice.text,
          category: notice.category,
        })),
    });
  },
};
