/**
 * Scenarios of your own: a name and a list of fault rules that fire together while the scenario is
 * enabled — `sim.faults.defineScenario({ name: 'esia-outage', rules: [...] })` or
 * `PUT /__goskit/scenarios/esia-outage`. Each rule draws from its own random stream
 * (`fault:scenario:<name>:<rule>`) and counts `firstN` in the scenario's memory, which enabling the
 * scenario clears, so "the first two token calls after I enable it" means what it says.
 */
import type { FaultRule, FaultScenario } from '../types.js';
import { type CompiledRule, compileRule, ruleMatches, ruleOutcome } from './fault-rule.js';
import { fieldError, type OperationCatalogue } from './operation-catalogue.js';
import type { ScenarioContext, ScenarioDefinition, ScenarioOutcome } from './scenarios.js';

/** Letters, digits, '.', '_', '-': safe in a URL path and in `x-goskit-scenario: a,b`. */
export const SCENARIO_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MAX_SCENARIO_RULES = 100;
export const MAX_CUSTOM_SCENARIOS = 100;
const MAX_DESCRIPTION = 500;

export interface CustomScenarioDefinition extends ScenarioDefinition {
  readonly custom: true;
  /** The rules as given (ids filled in), for listings. */
  readonly rules: FaultRule[];
}

function checkName(name: unknown, builtIn: ReadonlySet<string>): string {
  if (typeof name !== 'string' || !SCENARIO_NAME.test(name)) {
    throw fieldError(
      'INVALID_SCENARIO',
      'name',
      `invalid scenario: name: 1–64 characters of letters, digits, '.', '_' and '-', starting with a letter or digit; got ${JSON.stringify(String(name).slice(0, 80))}`,
    );
  }
  if (builtIn.has(name)) {
    throw fieldError(
      'INVALID_SCENARIO',
      'name',
      `invalid scenario: name: ${JSON.stringify(name)} is a built-in scenario; pick another name`,
      [...builtIn],
    );
  }
  return name;
}

/**
 * Validates a definition and compiles its rules. Throws INVALID_SCENARIO for the name, description or
 * rule list, INVALID_RULE naming `rules.<i>.<field>` for a bad rule (unknown portal or operation too).
 */
export function compileScenario(
  input: FaultScenario,
  builtIn: ReadonlySet<string>,
  catalogue: OperationCatalogue | undefined,
): CustomScenarioDefinition {
  const value = (input ?? {}) as Partial<FaultScenario>;
  const name = checkName(value.name, builtIn);
  const description = value.description;
  if (
    description !== undefined &&
    (typeof description !== 'string' || description.length > MAX_DESCRIPTION)
  ) {
    throw fieldError(
      'INVALID_SCENARIO',
      'description',
      `invalid scenario: description: text of at most ${MAX_DESCRIPTION} characters`,
    );
  }
  const rules = value.rules;
  if (!Array.isArray(rules) || rules.length === 0 || rules.length > MAX_SCENARIO_RULES) {
    throw fieldError(
      'INVALID_SCENARIO',
      'rules',
      `invalid scenario: rules: a list of 1–${MAX_SCENARIO_RULES} fault rules (each { portal?, operation?, method?, path?, probability?, firstN?, effect })`,
    );
  }
  const compiled: CompiledRule[] = rules.map((rule, index) => {
    const prefix = `rules.${index}.`;
    let result: CompiledRule;
    try {
      result = compileRule(rule, String(index + 1));
    } catch (error) {
      // 'invalid fault rule: effect.status: …' → 'invalid fault rule: rules.0.effect.status: …'
      const message = error instanceof Error ? error.message : String(error);
      const field = /^invalid fault rule: ([^:]+):/.exec(message)?.[1] ?? '(rule)';
      throw fieldError(
        'INVALID_RULE',
        `${prefix}${field}`,
        message.replace(
          'invalid fault rule: ',
          `invalid fault rule in scenario ${JSON.stringify(name)}: ${prefix}`,
        ),
      );
    }
    catalogue?.assertRuleTargets(result.rule, prefix);
    return result;
  });
  const ids = new Set<string>();
  for (const [index, rule] of compiled.entries()) {
    if (ids.has(rule.id)) {
      throw fieldError(
        'INVALID_RULE',
        `rules.${index}.id`,
        `invalid fault rule in scenario ${JSON.stringify(name)}: rules.${index}.id: ${JSON.stringify(rule.id)} is used twice`,
      );
    }
    ids.add(rule.id);
  }
  return {
    name,
    description: description ?? `custom: ${compiled.length} rule${compiled.length === 1 ? '' : 's'}`,
    custom: true,
    rules: compiled.map((rule) => structuredClone(rule.rule)),
    decide: (context) => decide(name, compiled, context),
  };
}

/** Every rule of the scenario that fires for this request, labelled `<scenario>:<rule id>`. */
function decide(name: string, rules: readonly CompiledRule[], context: ScenarioContext): ScenarioOutcome[] {
  const outcomes: ScenarioOutcome[] = [];
  for (const rule of rules) {
    if (!ruleMatches(rule, context.request, context.operation)) {
      continue;
    }
    const counter = `matched:${rule.id}`;
    const matched = (context.memory[counter] ?? 0) + 1;
    context.memory[counter] = matched;
    if (rule.rule.firstN !== undefined && matched > rule.rule.firstN) {
      continue;
    }
    const probability = rule.rule.probability;
    if (
      probability !== undefined &&
      !(context.stream(`fault:scenario:${name}:${rule.id}`).next() < probability)
    ) {
      continue;
    }
    outcomes.push({ ...ruleOutcome(rule), effect: `${name}:${rule.id}` });
  }
  return outcomes;
}
