/** Fault injection: named scenarios and rules by portal and operation. */
import type { TransportFault } from './request.js';

export interface ScenarioInfo {
  name: string;
  description: string;
  active: boolean;
  /** True for a scenario defined with `defineScenario()` (or `PUT /__goskit/scenarios/{name}`). */
  custom: boolean;
  /** A custom scenario's rules, in the order they are tried. */
  rules?: FaultRule[];
}

/**
 * A named scenario of your own: rules that fire together while it is enabled. Each rule is a
 * `FaultRule` (without `id`, it is labelled by its position: `<name>:1`); `firstN` counts from the
 * moment the scenario is enabled.
 */
export interface FaultScenario {
  /** 1–64 characters of letters, digits, `.`, `_`, `-`; not a built-in scenario's name. */
  name: string;
  description?: string;
  /** 1–100 rules, tried in order; their effects compose as separate rules do. */
  rules: FaultRule[];
}

export interface FaultEffect {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Record<string, unknown> | unknown[];
  delayMs?: number;
  fault?: TransportFault;
  truncate?: true | number;
  contentType?: 'wrong' | string;
  emptyBody?: true;
  corruptBody?: true;
}

export interface FaultRule {
  id?: string;
  portal?: string;
  operation?: string;
  method?: string;
  /** Exact path, or a RegExp source when wrapped in slashes: '/^\\/rs\\//'. */
  path?: string | RegExp;
  /** 0..1, default 1. */
  probability?: number;
  /** Only the first N matching requests. */
  firstN?: number;
  effect: FaultEffect;
}

export interface ScenarioOptions {
  /** Restrict the scenario to these portals. */
  portals?: string[];
}

export interface FaultController {
  scenarios(): ScenarioInfo[];
  /** Throws SimulatorError UNKNOWN_SCENARIO listing valid names (UNKNOWN_PORTAL for an unknown `portals` entry). */
  enable(name: string, options?: ScenarioOptions): void;
  disable(name: string): void;
  active(): string[];
  /**
   * Validated; throws INVALID_RULE naming the field — also for a `portal` or `operation` that no
   * loaded portal has (the message lists the valid names). Returns the rule id.
   */
  addRule(rule: FaultRule): string;
  removeRule(id: string): boolean;
  clearRules(): void;
  rules(): FaultRule[];
  /** Enables the scenario around fn (also for async fn) and restores the previous set after. */
  withScenario<T>(name: string, fn: () => T): T;
  /**
   * Defines (or replaces) a scenario of your own, listed and enabled like the built-in ones. Throws
   * INVALID_SCENARIO (bad name, a built-in name, no rules) or INVALID_RULE naming the rule and field.
   * Definitions survive `reset()`; only which scenarios are active goes back to the options.
   */
  defineScenario(scenario: FaultScenario): void;
  /** Removes a custom scenario (disabling it); false when there was none. Built-in ones cannot be removed. */
  removeScenario(name: string): boolean;
}
