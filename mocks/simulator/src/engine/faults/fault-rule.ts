/**
 * Fault rules: validated with zod (INVALID_RULE names the field), then compiled to a matcher.
 * A rule with status, body or fault answers instead of the portal; otherwise it mangles the answer.
 */
import { z } from 'zod';
import { SimulatorError } from '../errors.js';
import { JSON_TYPE } from '../responses.js';
import type { FaultRule, SimRequest, SimResponse } from '../types.js';
import type { ScenarioOutcome } from './scenarios.js';

const effectSchema = z.strictObject({
  status: z.number().int().min(100).max(599).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  delayMs: z.number().min(0).max(600_000).optional(),
  fault: z.enum(['network-error', 'connection-reset']).optional(),
  truncate: z.union([z.literal(true), z.number().int().min(0)]).optional(),
  contentType: z.string().min(1).optional(),
  emptyBody: z.literal(true).optional(),
  corruptBody: z.literal(true).optional(),
});

const ruleSchema = z.strictObject({
  id: z.string().min(1).max(100).optional(),
  portal: z.string().min(1).optional(),
  operation: z.string().min(1).optional(),
  method: z.string().min(1).optional(),
  path: z.union([z.string().min(1), z.instanceof(RegExp)]).optional(),
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

/** Validates a rule; '/…/flags' strings become RegExps so JSON clients (CLI, control API) can use patterns. */
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
        compiledPath = new RegExp(literal[1] as string, literal[2]);
      } catch (error) {
        throw new SimulatorError('INVALID_RULE', `invalid fault rule: path: not a valid regular expression`, {
          cause: error,
        });
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
