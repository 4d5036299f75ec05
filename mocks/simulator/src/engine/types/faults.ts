/** Fault injection: named scenarios and rules by portal and operation. */
import type { TransportFault } from './request.js';

export interface ScenarioInfo {
  name: string;
  description: string;
  active: boolean;
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
  /** Throws SimulatorError UNKNOWN_SCENARIO listing valid names. */
  enable(name: string, options?: ScenarioOptions): void;
  disable(name: string): void;
  active(): string[];
  /** Validated; throws INVALID_RULE naming the field. Returns the rule id. */
  addRule(rule: FaultRule): string;
  removeRule(id: string): boolean;
  clearRules(): void;
  rules(): FaultRule[];
  /** Enables the scenario around fn (also for async fn) and restores the previous set after. */
  withScenario<T>(name: string, fn: () => T): T;
}
