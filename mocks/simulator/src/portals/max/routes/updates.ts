/**
 * `GET /updates`: long polling with MAX's marker semantics (update-log.ts). `limit` 1–1000 (default
 * 100), `timeout` 0–90 s (default 30), `types` a comma-separated filter; 405 while the bot has a
 * webhook subscription. With nothing to return the poll waits: it answers when an update for the bot
 * arrives, when the virtual clock passes its timeout, or after a real-time cap (the portal's
 * `longPoll.maxRealWaitMs`, default the timeout itself) — whichever comes first (live.ts).
 */
import { json } from '../../../engine/responses.js';
import type { RouteDefinition, SimResponse } from '../../../engine/types.js';
import { MaxFault, payload } from '../fault.js';
import { queryInt } from '../ids.js';
import { botRoute } from '../route.js';
import type { MaxState } from '../state.js';
import { collectUpdates, commitUpTo } from '../update-log.js';

const KNOWN_TYPES = new Set([
  'message_created',
  'message_callback',
  'message_edited',
  'message_removed',
  'bot_added',
  'bot_removed',
  'user_added',
  'user_removed',
  'bot_started',
  'bot_stopped',
  'chat_title_changed',
  'dialog_muted',
  'dialog_unmuted',
  'dialog_cleared',
  'dialog_removed',
  'message_chat_created',
  'bot_admin_permissions_changed',
]);

function typesOf(text: string | null): ReadonlySet<string> | undefined {
  if (text === null || text.trim() === '') {
    return undefined;
  }
  const types = text
    .split(',')
    .slice(0, 50)
    .map((type) => type.trim());
  if (types.some((type) => !KNOWN_TYPES.has(type))) {
    throw payload("Parameter 'types' must list known update types");
  }
  return new Set(types);
}

export const updateRoutes: RouteDefinition<MaxState>[] = [
  botRoute('GET', '/updates', 'updates.get', ({ world, bot, request }) => {
    if (bot.subscription !== null) {
      throw new MaxFault(
        405,
        'method.not.allowed',
        'Long polling is not available while the bot has a webhook subscription',
      );
    }
    const limit = queryInt(request.query, 'limit', { min: 1, max: 1000 }) ?? 100;
    const timeout = queryInt(request.query, 'timeout', { min: 0, max: 90 }) ?? 30;
    const marker = queryInt(request.query, 'marker');
    const types = typesOf(request.query.get('types'));
    if (marker !== undefined) {
      commitUpTo(bot.log, marker);
    }
    const first = collectUpdates(bot.log, limit, types);
    if (first.updates.length > 0 || timeout === 0) {
      return json(first);
    }
    const realCap = Math.min(timeout * 1000, world.state.config.maxRealWaitMs ?? Number.POSITIVE_INFINITY);
    return new Promise<SimResponse>((resolve) => {
      world.live.wait(bot.userId, timeout * 1000, realCap, (force) => {
        if (bot.subscription !== null && !force) {
          return false;
        }
        const found = collectUpdates(bot.log, limit, types);
        if (found.updates.length === 0 && !force) {
          return false;
        }
        resolve(json(found));
        return true;
      });
    });
  }),
];
