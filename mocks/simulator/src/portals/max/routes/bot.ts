/** `GET /me`: the bot itself — the user id `bot_added` and messages name it by. */
import { json } from '../../../engine/responses.js';
import type { RouteDefinition } from '../../../engine/types.js';
import { botRoute } from '../route.js';
import type { MaxState } from '../state.js';
import { botInfoView } from '../views.js';

export const botRoutes: RouteDefinition<MaxState>[] = [
  botRoute('GET', '/me', 'bot.me', ({ world, bot }) => json(botInfoView(world.state, bot))),
];
