/**
 * How a max route runs: the token first (`Authorization: <token>` as it is; `Bearer …` or
 * `?access_token=` → 401 `verify.token`), then the handler; whatever it throws becomes MAX's own
 * `{ code, message }` answer, never the engine's generic 400 or a 500.
 */
import { BadRequestError } from '../../engine/errors.js';
import { bodyText } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition, SimRequest, SimResponse } from '../../engine/types.js';
import { type MaxWorld, worldOf } from './events.js';
import { invalidToken, MaxFault, maxError, payload } from './fault.js';
import type { BotRecord, MaxState } from './state.js';

export interface BotCall {
  ctx: RouteContext<MaxState>;
  world: MaxWorld;
  bot: BotRecord;
  request: SimRequest;
}

type Answer = SimResponse | Promise<SimResponse>;

function answerFault(error: unknown): SimResponse {
  if (error instanceof MaxFault) {
    return maxError(error.status, error.code, error.message);
  }
  if (error instanceof BadRequestError) {
    return maxError(400, 'proto.payload', error.message);
  }
  throw error;
}

function guarded(run: () => Answer): Answer {
  try {
    const answer = run();
    return answer instanceof Promise ? answer.catch(answerFault) : answer;
  } catch (error) {
    return answerFault(error);
  }
}

/** The bot a request speaks for. */
export function authenticate(world: MaxWorld, request: SimRequest): BotRecord {
  if (request.query.has('access_token')) {
    throw invalidToken(); // "Передача токена через query-параметры больше не поддерживается"
  }
  const header = request.headers.authorization;
  const botId = header === undefined ? undefined : world.state.tokens.get(header);
  const bot = botId === undefined ? undefined : world.state.bots.get(botId);
  if (bot === undefined) {
    throw invalidToken();
  }
  const user = world.state.users.get(bot.userId);
  if (user !== undefined) {
    user.last_activity_time = world.live.now;
  }
  return bot;
}

/** A route of the Bot API: authenticated, MAX-shaped errors. */
export function botRoute(
  method: string,
  path: string,
  operation: string,
  handler: (call: BotCall) => Answer,
): RouteDefinition<MaxState> {
  return {
    method,
    path,
    operation,
    handler: (ctx) =>
      guarded(() => {
        const world = worldOf(ctx.state, ctx.sim);
        const bot = authenticate(world, ctx.request);
        return handler({ ctx, world, bot, request: ctx.request });
      }),
  };
}

/** A route without a token (the upload URL carries its own permission). */
export function openRoute(
  method: string,
  path: string,
  operation: string,
  handler: (ctx: RouteContext<MaxState>, world: MaxWorld) => Answer,
): RouteDefinition<MaxState> {
  return {
    method,
    path,
    operation,
    handler: (ctx) => guarded(() => handler(ctx, worldOf(ctx.state, ctx.sim))),
  };
}

/** The JSON object body; not JSON, empty or not an object → 400 proto.payload. */
export function jsonBody(request: SimRequest): Record<string, unknown> {
  const type = request.headers['content-type'] ?? '';
  if (type !== '' && !/json/i.test(type)) {
    throw payload(`Expected a JSON body, got content-type '${type.slice(0, 60)}'`);
  }
  const text = bodyText(request.body);
  if (text.trim() === '') {
    throw payload('Request body is empty');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw payload('Request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw payload('Request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** An optional string field with a length bound. */
export function stringField(
  body: Record<string, unknown>,
  name: string,
  max: number,
  min = 0,
): string | undefined {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw payload(`Field '${name}' must be a string`);
  }
  const tooLong = value.length > max;
  if (tooLong || value.length < min) {
    throw payload(
      `Field '${name}' size (${value.length}) must be ${tooLong ? `at most ${max}` : `at least ${min}`}`,
    );
  }
  return value;
}

/** An optional boolean field. */
export function boolField(body: Record<string, unknown>, name: string): boolean | undefined {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    throw payload(`Field '${name}' must be a boolean`);
  }
  return value;
}
