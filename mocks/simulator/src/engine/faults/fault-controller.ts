/**
 * Per-simulator fault state: active scenarios (optionally scoped to portals), rules with firstN
 * counters, and scenario memory. plan() merges everything that fires for one request. The catalogue
 * holds the built-in scenarios and the custom ones (defineScenario), which survive reset(); rules and
 * scenario portals are checked against the loaded portals' names and operations.
 */
import { SimulatorError } from '../errors.js';
import type {
  FaultController,
  FaultRule,
  FaultScenario,
  ScenarioInfo,
  ScenarioOptions,
  SeededRandom,
  SimRequest,
} from '../types.js';
import { type CustomScenarioDefinition, compileScenario, MAX_CUSTOM_SCENARIOS } from './custom-scenario.js';
import { emptyPlan, type FaultPlan } from './fault-plan.js';
import { type CompiledRule, compileRule, ruleMatches, ruleOutcome } from './fault-rule.js';
import { fieldError, type OperationCatalogue } from './operation-catalogue.js';
import { SCENARIOS, type ScenarioDefinition, type ScenarioOutcome } from './scenarios.js';

const BUILT_IN_NAMES: ReadonlySet<string> = new Set(SCENARIOS.map((scenario) => scenario.name));

export const SCENARIO_HEADER = 'x-goskit-scenario';

export interface FaultState {
  active: [string, ScenarioOptions][];
  rules: CompiledRule[];
  memory: Record<string, Record<string, number>>;
  nextRuleId: number;
}

export interface PlanInput {
  request: SimRequest;
  operation: string;
  /** Virtual now, epoch ms. */
  now: number;
  maxDelayMs: number;
}

export class SimFaultController implements FaultController {
  readonly #catalogue = new Map<string, ScenarioDefinition | CustomScenarioDefinition>(
    SCENARIOS.map((s) => [s.name, s]),
  );
  readonly #stream: (label: string) => SeededRandom;
  readonly #operations: OperationCatalogue | undefined;
  #state: FaultState = { active: [], rules: [], memory: {}, nextRuleId: 1 };

  /**
   * `stream(label)` returns the simulator's persistent random stream for that label; `operations`,
   * the loaded portals' names and operations that rules may name (unchecked without it).
   */
  constructor(stream: (label: string) => SeededRandom, operations?: OperationCatalogue) {
    this.#stream = stream;
    this.#operations = operations;
  }

  scenarios(): ScenarioInfo[] {
    const active = new Set(this.active());
    return [...this.#catalogue.values()].map((scenario) => {
      const info: ScenarioInfo = {
        name: scenario.name,
        description: scenario.description,
        active: active.has(scenario.name),
        custom: isCustom(scenario),
      };
      if (isCustom(scenario)) {
        info.rules = scenario.rules.map((rule) => structuredClone(rule));
      }
      return info;
    });
  }

  defineScenario(scenario: FaultScenario): void {
    const compiled = compileScenario(scenario, BUILT_IN_NAMES, this.#operations);
    const customCount = [...this.#catalogue.values()].filter(isCustom).length;
    if (!this.#catalogue.has(compiled.name) && customCount >= MAX_CUSTOM_SCENARIOS) {
      throw fieldError(
        'INVALID_SCENARIO',
        'name',
        `invalid scenario: at most ${MAX_CUSTOM_SCENARIOS} custom scenarios; remove one first`,
      );
    }
    this.#catalogue.set(compiled.name, compiled);
    // A redefinition starts afresh: its firstN counters belonged to the old rules.
    delete this.#state.memory[compiled.name];
  }

  removeScenario(name: string): boolean {
    const scenario = this.#catalogue.get(name);
    if (scenario === undefined) {
      return false;
    }
    if (!isCustom(scenario)) {
      throw fieldError(
        'INVALID_SCENARIO',
        'name',
        `scenario ${JSON.stringify(name)} is built in and cannot be removed (disable it instead)`,
      );
    }
    this.disable(name);
    this.#catalogue.delete(name);
    return true;
  }

  /** Throws UNKNOWN_SCENARIO listing the valid names. */
  assertKnown(name: string): void {
    if (!this.#catalogue.has(name)) {
      throw new SimulatorError(
        'UNKNOWN_SCENARIO',
        `unknown scenario ${JSON.stringify(name.slice(0, 60))}; valid: ${[...this.#catalogue.keys()].join(', ')}`,
      );
    }
  }

  enable(name: string, options: ScenarioOptions = {}): void {
    this.assertKnown(name);
    if (options.portals !== undefined) {
      this.#operations?.assertPortals(options.portals);
    }
    // Enabling starts the scenario afresh (disable forgets its memory): firstN and bursts count from now.
    this.disable(name);
    this.#state.active.push([name, structuredClone(options)]);
  }

  /** Also forgets the scenario's memory: a later enable (or `x-goskit-scenario`) starts afresh. */
  disable(name: string): void {
    this.#state.active = this.#state.active.filter(([active]) => active !== name);
    delete this.#state.memory[name];
  }

  active(): string[] {
    return this.#state.active.map(([name]) => name);
  }

  addRule(rule: FaultRule): string {
    const compiled = compileRule(rule, `r${this.#state.nextRuleId}`);
    this.#operations?.assertRuleTargets(compiled.rule);
    if (this.#state.rules.some((existing) => existing.id === compiled.id)) {
      throw new SimulatorError(
        'INVALID_RULE',
        `invalid fault rule: id: ${JSON.stringify(compiled.id)} already exists`,
      );
    }
    if (rule.id === undefined) {
      this.#state.nextRuleId += 1;
    }
    this.#state.rules.push(compiled);
    return compiled.id;
  }

  removeRule(id: string): boolean {
    const before = this.#state.rules.length;
    this.#state.rules = this.#state.rules.filter((rule) => rule.id !== id);
    return this.#state.rules.length < before;
  }

  clearRules(): void {
    this.#state.rules = [];
  }

  rules(): FaultRule[] {
    return this.#state.rules.map((compiled) => structuredClone(compiled.rule));
  }

  withScenario<T>(name: string, fn: () => T): T {
    const previous = structuredClone(this.#state.active);
    this.enable(name);
    const restore = () => {
      this.#state.active = previous;
    };
    try {
      const result = fn();
      if (result instanceof Promise) {
        return result.finally(restore) as T;
      }
      restore();
      return result;
    } catch (error) {
      restore();
      throw error;
    }
  }

  /** Parses `x-goskit-scenario: a,b`; unknown names throw UNKNOWN_SCENARIO. */
  requestScenarios(request: SimRequest): string[] {
    const header = request.headers[SCENARIO_HEADER];
    if (!header) {
      return [];
    }
    const names = header
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    for (const name of names) {
      this.assertKnown(name);
    }
    return names;
  }

  /** Everything that fires for this request: rules first (in order), then scenarios. */
  plan(input: PlanInput, extraScenarios: readonly string[]): FaultPlan {
    const plan = emptyPlan();
    if (this.#state.rules.length === 0 && this.#state.active.length === 0 && extraScenarios.length === 0) {
      return plan; // the common case: nothing to decide, no allocation beyond the empty plan
    }
    for (const compiled of this.#state.rules) {
      if (!ruleMatches(compiled, input.request, input.operation)) {
        continue;
      }
      compiled.matched += 1;
      if (compiled.rule.firstN !== undefined && compiled.matched > compiled.rule.firstN) {
        continue;
      }
      const probability = compiled.rule.probability;
      if (probability !== undefined && !(this.#stream(`fault:rule:${compiled.id}`).next() < probability)) {
        continue;
      }
      merge(plan, ruleOutcome(compiled));
    }
    const names = new Map<string, ScenarioOptions>(this.#state.active);
    for (const name of extraScenarios) {
      names.set(name, {});
    }
    for (const [name, options] of names) {
      if (options.portals && !options.portals.includes(input.request.portal)) {
        continue;
      }
      const scenario = this.#catalogue.get(name);
      if (!scenario) {
        continue;
      }
      const decided = scenario.decide({
        ...input,
        random: this.#stream(`fault:scenario:${name}`),
        memory: this.#memoryOf(name),
        stream: this.#stream,
      });
      const outcomes = decided === undefined ? [] : Array.isArray(decided) ? decided : [decided];
      for (const outcome of outcomes as ScenarioOutcome[]) {
        merge(plan, outcome);
      }
      if (outcomes.length > 0) {
        plan.scenarios.push(name);
      }
    }
    return plan;
  }

  /**
   * The scenario's memory. An own-property check, not `??=`: a custom scenario may be called
   * `constructor` or `toString`, which a plain object already "has" through its prototype.
   */
  #memoryOf(name: string): Record<string, number> {
    const memory = this.#state.memory;
    if (!Object.hasOwn(memory, name)) {
      memory[name] = {};
    }
    return memory[name] as Record<string, number>;
  }

  exportState(): FaultState {
    return structuredClone(this.#state);
  }

  importState(state: FaultState): void {
    this.#state = structuredClone(state);
  }

  resetState(): void {
    this.#state = { active: [], rules: [], memory: {}, nextRuleId: 1 };
  }
}

function isCustom(scenario: ScenarioDefinition): scenario is CustomScenarioDefinition {
  return (scenario as Partial<CustomScenarioDefinition>).custom === true;
}

function merge(plan: FaultPlan, outcome: ScenarioOutcome): void {
  plan.effects.push(outcome.effect);
  if (outcome.replace && !plan.replace && !plan.throttle) {
    plan.replace = outcome.replace;
  }
  if (outcome.throttle && !plan.replace && !plan.throttle) {
    plan.throttle = outcome.throttle;
  }
  plan.delayMs += outcome.delayMs ?? 0;
  if (outcome.truncate !== undefined) {
    plan.truncate = outcome.truncate;
  }
  if (outcome.contentType !== undefined) {
    plan.contentType = outcome.contentType;
  }
  if (outcome.emptyBody) {
    plan.emptyBody = true;
  }
  if (outcome.corruptBody) {
    plan.corruptBody = true;
  }
  if (outcome.headers) {
    plan.headers = { ...plan.headers, ...outcome.headers };
  }
}
