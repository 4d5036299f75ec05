/**
 * Body readers for portal routes. Garbage in → BadRequestError (400 naming the field and the rule),
 * never an exception that would become a 500.
 */
import type { z } from 'zod';
import { BadRequestError } from './errors.js';
import { bodyText } from './responses.js';
import type { RouteContext, RouteDefinition, SimRequest, SimResponse } from './types.js';

function validated<T>(value: unknown, schema: z.ZodType<T> | undefined): T {
  if (!schema) {
    return value as T;
  }
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(body)';
  throw new BadRequestError(
    field,
    issue?.code ?? 'invalid',
    `${field}: ${issue?.message ?? 'invalid value'}`,
  );
}

/** Parses a JSON body (and validates it when a zod schema is given). */
export function readJson<T = unknown>(request: SimRequest, schema?: z.ZodType<T>): T {
  const type = request.headers['content-type'] ?? '';
  if (type !== '' && !/json/i.test(type)) {
    throw new BadRequestError(
      '(body)',
      'content-type',
      `expected a JSON body, got content-type '${type.slice(0, 80)}'`,
    );
  }
  const text = bodyText(request.body);
  if (text.trim() === '') {
    throw new BadRequestError('(body)', 'required', 'request body is empty, expected JSON');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadRequestError('(body)', 'json', 'request body is not valid JSON');
  }
  return validated(parsed, schema);
}

/** Parses an application/x-www-form-urlencoded body into a plain object (last value wins). */
export function readForm<T = Record<string, string>>(request: SimRequest, schema?: z.ZodType<T>): T {
  const type = request.headers['content-type'] ?? '';
  if (!/x-www-form-urlencoded/i.test(type)) {
    throw new BadRequestError(
      '(body)',
      'content-type',
      `expected a form body, got content-type '${type.slice(0, 80) || '(none)'}'`,
    );
  }
  const form = Object.fromEntries(new URLSearchParams(bodyText(request.body)));
  return validated(form, schema);
}

/**
 * `table[key]` for a key that came from a request, or undefined unless the table has it as its own
 * property: `__proto__`, `constructor` or `toString` never reach Object.prototype's members.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A route's check that needs no body (authorization from headers), found on its handler. */
export type HeaderCheck<State = unknown> = (
  ctx: RouteContext<State>,
) => SimResponse | undefined | Promise<SimResponse | undefined>;

const HEADER_CHECK = Symbol.for('goskit.simulator.headerCheck');

type Handler<State> = RouteDefinition<State>['handler'];

/**
 * Marks a handler whose refusals can be decided from the headers alone: `check` answers the refusal
 * (or undefined), and the handler must run the same check before it reads the body. The standalone
 * server runs `check` before reading a large body and, when it refuses, answers without reading the
 * body at all — an unauthenticated 50 MB upload costs nothing.
 */
export function checksHeadersFirst<State>(
  check: HeaderCheck<State>,
  handler: Handler<State>,
): Handler<State> {
  const marked = ((ctx: RouteContext<State>) => handler(ctx)) as Handler<State> & {
    [HEADER_CHECK]?: HeaderCheck<State>;
  };
  marked[HEADER_CHECK] = check;
  return marked;
}

/** The header check of a route's handler, if it has one. */
export function headerCheckOf<State>(route: RouteDefinition<State>): HeaderCheck<State> | undefined {
  return (route.handler as { [HEADER_CHECK]?: HeaderCheck<State> })[HEADER_CHECK];
}
