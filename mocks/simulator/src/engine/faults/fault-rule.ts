/**
 * Fault rules: validated with zod (INVALID_RULE names the field), then compiled to a matcher.
 * A rule with status, body or fault answers instead of the portal; otherwise it mangles the answer.
 */
import { z } from 'zod';
import { SimulatorError } from '../errors.js';
import { JSON_TYPE } from '../responses.js';
import type { FaultRule, SimRequest, SimResponse } from '../types.js';
import { compileSafePattern } from './safe-pattern.js';
import type { ScenarioOutcome } from './scenarios.js';

/** RFC 9110 field-name (token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/;
/** What node:http can send: visible ASCII, space, tab and obs-text — no CR, LF or NUL. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]{0,8192}$/;
/** JSON bodies of a rule nest at most this deep (a 5 000-deep body would overflow the stack when sent). */
export const MAX_RULE_BODY_DEPTH = 32;

const headerValue = z
  .string()
  .regex(HEADER_VALUE, 'a header value: no CR, LF or control characters, at most 8192');

/** Nesting depth of a JSON value, measured without recursion; stops counting past `limit`. */
export function depthOf(value: unknown, limit: number): number {
  // Iterative, so a hostile depth cannot overflow the stack while being measured.
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') {
      continue;
    }
    if (depth + 1 > deepest) {
      deepest = depth + 1;
      if (deepest > limit) {
        return deepest;
      }
    }
    for (const child of Object.values(item)) {
      stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

const effectSchema = z.strictObject({
  status: z.number().int().min(100).max(599).optional(),
  headers: z
    .record(z.string().regex(HEADER_NAME, 'a header name (RFC 9110 token)'), headerValue)
    .refine((headers) => Object.keys(headers).length <= 50, 'at most 50 headers')
    .optional(),
  body: z
    .union([z.string().max(1_000_000), z.record(z.string(), z.unknown()), z.array(z.unknown())])
    .refine((body) => depthOf(body, MAX_RULE_BODY_DEPTH) <= MAX_RULE_BODY_DEPTH, {
      message: `nests deeper than ${MAX_RULE_BODY_DEPTH} levels`,
    })
    .refine((body) => typeof body === 'string' || JSON.stringify(body).length <= 1_000_000, {
      message: 'more than 1 000 000 characters of JSON',
    })
    .optional(),
  delayMs: z.number().min(0).max(600_000).optional(),
  fault: z.enum(['network-error', 'connection-reset']).optional(),
  truncate: z.union([z.literal(true), z.number().int().min(0)]).optional(),
  contentType: headerValue.min(1).optional(),
  emptyBody: z.literal(true).optional(),
  corruptBody: z.literal(true).optional(),
});

const ruleSchema = z.strictObject({
  id: z.string().min(1).max(100).optional(),
  portal: z.string().min(1).optional(),
  operation: z.string().min(1).optional(),
  method: z.string().min(1).optional(),
  path: z.union([z.string().min(1).max(2048), z.instanceof(RegExp)]).optional(),
  probability: z.number().min(0).max(1).optional(),
  firstN: z.number().int().min(1).optional(),
  effect: effectSchema.refine((effect) => Object.keys(effect).length > 0, {
    message: 'effect must change something',
  }),
});

export interface CompiledRule {
  id: string;
  rule: FaultRule;
  path: RegExp | string | undefined;
  /** How many requests matched so far (for firstN). */
  matched: number;
}

/**
 * Validates a rule; '/…/flags' strings become patterns so JSON clients (CLI, control API) can use
 * them. Those run in the linear-time matcher (safe-pattern.ts), never in the backtracking engine:
 * a rule is checked against every request. A RegExp object passed in process is the caller's own.
 */
export function compileRule(input: unknown, id: string): CompiledRule {
  const parsed = ruleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || '(rule)';
    throw new SimulatorError('INVALID_RULE', `invalid fault rule: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  const rule = structuredClone(input) as FaultRule;
  const path = rule.path;
  let compiledPath: RegExp | string | undefined = path;
  if (typeof path === 'string') {
    const literal = /^\/(.+)\/([a-z]*)$/.exec(path);
    if (literal && path.length > 2 && !path.startsWith('//')) {
      try {
        compiledPath = compileSafePattern(literal[1] as string, literal[2]);
      } catch (error) {
        throw new SimulatorError(
          'INVALID_RULE',
          `invalid fault rule: path: ${error instanceof Error ? error.message : 'not a valid pattern'}`,
          { cause: error },
        );
      }
    }
  }
  return { id: rule.id ?? id, rule: { ...rule, id: rule.id ?? id }, path: compiledPath, matched: 0 };
}

export function ruleMatches(compiled: CompiledRule, request: SimRequest, operation: string): boolean {
  const { rule, path } = compiled;
  if (rule.portal !== undefined && rule.portal !== request.portal) {
    return false;
  }
  if (rule.operation !== undefined && rule.operation !== operation) {
    return false;
  }
  if (rule.method !== undefined && rule.method.toUpperCase() !== request.method) {
    return false;
  }
  if (path instanceof RegExp) {
    path.lastIndex = 0;
    return path.test(request.path);
  }
  return path === undefined || path === request.path;
}

export function ruleOutcome(compiled: CompiledRule): ScenarioOutcome {
  const { effect } = compiled.rule;
  const outcome: ScenarioOutcome = { effect: `rule:${compiled.id}` };
  if (effect.fault !== undefined) {
    outcome.replace = { status: 0, headers: {}, fault: effect.fault };
  } else if (effect.status !== undefined || effect.body !== undefined) {
    const isText = typeof effect.body === 'string';
    const headers: Record<string, string> = {
      'content-type': isText ? 'text/plain; charset=utf-8' : JSON_TYPE,
    };
    const status = effect.status ?? 200;
    const body =
      effect.body === undefined
        ? JSON.stringify({ error: 'injected', message: `fault rule ${compiled.id}` })
        : isText
          ? (effect.body as string)
          : JSON.stringify(effect.body);
    outcome.replace = { status, headers, body } satisfies SimResponse;
  }
  if (effect.headers !== undefined) {
    outcome.headers = effect.headers;
  }
  if (effect.delayMs !== undefined) {
    outcome.delayMs = effect.delayMs;
  }
  if (effect.truncate !== undefined) {
    outcome.truncate = effect.truncate;
  }
  if (effect.contentType !== undefined) {
    outcome.contentType = effect.contentType;
  }
  if (effect.emptyBody) {
    outcome.emptyBody = true;
  }
  if (effect.corruptBody) {
    outcome.corruptBody = true;
  }
  return outcome;
}
