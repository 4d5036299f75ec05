import type { SimResponse } from '../types.js';

/** What the fault layer decided for one request; merged from every rule and scenario that fired. */
export interface FaultPlan {
  /** Labels for the journal: 'rule:r1', 'flaky:5xx', 'slow:delay', … */
  effects: string[];
  /** Scenario names that fired. */
  scenarios: string[];
  /** Answer instead of the portal (the handler is not called, state is untouched). */
  replace?: SimResponse;
  /** Answer with the portal's own throttling response. */
  throttle?: { retryAfterMs: number };
  delayMs: number;
  truncate?: true | number;
  contentType?: string;
  emptyBody?: boolean;
  corruptBody?: boolean;
  headers?: Record<string, string>;
}

export function emptyPlan(): FaultPlan {
  return { effects: [], scenarios: [], delayMs: 0 };
}

export function planFired(plan: FaultPlan): boolean {
  return plan.effects.length > 0;
}
