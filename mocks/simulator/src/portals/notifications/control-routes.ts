/**
 * Control routes, mounted at /__goskit/notifications/…: GET /notices (find, newest last; `limit`
 * keeps the newest), GET /notices/count, POST /notices/verify `{ times, pattern }` (409 with the
 * closest notices when it fails), DELETE /notices, and GET / PUT /delays (per category, ISO
 * durations). In process, use `sim.service(notificationsService)` instead.
 */
import { z } from 'zod';
import { parseDuration } from '../../engine/duration.js';
import { BadRequestError } from '../../engine/errors.js';
import { readJson } from '../../engine/request-body.js';
import { json } from '../../engine/responses.js';
import type { PortalRuntime, RouteDefinition, SimResponse } from '../../engine/types.js';
import {
  type NoticeTimes,
  type NotificationsService,
  notificationsService,
} from '../../services/notifications.js';
import { patternFromQuery, stripUndefined, verifySchema } from './query.js';
import type { OutboxState } from './state.js';

function outboxOf(sim: PortalRuntime): NotificationsService {
  return sim.service(notificationsService);
}

/** A 400 naming the field for bad input; anything else is rethrown (the control API answers it). */
function badRequest(error: unknown): SimResponse {
  if (error instanceof BadRequestError) {
    return json({ error: 'BAD_REQUEST', message: error.message, field: error.field }, 400);
  }
  throw error;
}

const delaysSchema = z.record(
  z.string().min(1).max(100),
  z.union([z.string().min(1).max(40), z.number().min(0)]),
);

export const notificationControlRoutes: RouteDefinition<OutboxState>[] = [
  {
    method: 'GET',
    path: '/notices',
    operation: 'control.notices.find',
    handler: (ctx) => {
      try {
        const { pattern, limit } = patternFromQuery(ctx.request.query);
        const found = outboxOf(ctx.sim).find(pattern);
        const pending = outboxOf(ctx.sim).count({ ...pattern, state: 'pending' });
        return json({
          notices: found.length > limit ? found.slice(found.length - limit) : found,
          total: found.length,
          pending,
          dropped: ctx.state.dropped,
          now: ctx.sim.clock.date().toISOString(),
        });
      } catch (error) {
        return badRequest(error);
      }
    },
  },
  {
    method: 'GET',
    path: '/notices/count',
    operation: 'control.notices.count',
    handler: (ctx) => {
      try {
        return json({ count: outboxOf(ctx.sim).count(patternFromQuery(ctx.request.query).pattern) });
      } catch (error) {
        return badRequest(error);
      }
    },
  },
  {
    method: 'POST',
    path: '/notices/verify',
    operation: 'control.notices.verify',
    handler: (ctx) => {
      let body: z.output<typeof verifySchema>;
      try {
        body = readJson(ctx.request, verifySchema);
      } catch (error) {
        return badRequest(error);
      }
      const pattern = stripUndefined(body.pattern);
      const times = (typeof body.times === 'number' ? body.times : stripUndefined(body.times)) as NoticeTimes;
      const outbox = outboxOf(ctx.sim);
      outbox.verify(times, pattern as Parameters<NotificationsService['verify']>[1]);
      return json({ ok: true, count: outbox.count(pattern as Parameters<NotificationsService['count']>[0]) });
    },
  },
  {
    method: 'DELETE',
    path: '/notices',
    operation: 'control.notices.clear',
    handler: (ctx) => {
      const cleared = ctx.state.notices.length;
      outboxOf(ctx.sim).clear();
      return json({ cleared });
    },
  },
  {
    method: 'GET',
    path: '/delays',
    operation: 'control.delays.get',
    handler: (ctx) => json({ delays: Object.fromEntries(ctx.state.delays) }),
  },
  {
    method: 'PUT',
    path: '/delays',
    operation: 'control.delays.set',
    handler: (ctx) => {
      try {
        const body = readJson(ctx.request, delaysSchema);
        const parsed = new Map<string, number>();
        for (const [category, value] of Object.entries(body)) {
          try {
            parsed.set(category, parseDuration(value));
          } catch {
            throw new BadRequestError(
              `body.${category.slice(0, 40)}`,
              'duration',
              `body.${category.slice(0, 40)}: expected an ISO-8601 duration or ms`,
            );
          }
        }
        for (const [category, ms] of parsed) {
          ctx.state.delays.set(category, ms);
        }
        return json({ delays: Object.fromEntries(ctx.state.delays) });
      } catch (error) {
        return badRequest(error);
      }
    },
  },
];
