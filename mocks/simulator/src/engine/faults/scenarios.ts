/**
 * Catalogue of named fault scenarios. Each draws only from its own random stream, so enabling one
 * never shifts another's outcomes, and a seed replays the same failures.
 */
import { JSON_TYPE } from '../responses.js';
import type { SeededRandom, SimRequest, SimResponse } from '../types.js';
import { gatewayPage, maintenancePage } from './maintenance-page.js';

export interface ScenarioContext {
  request: SimRequest;
  operation: string;
  /** Virtual now, epoch ms. */
  now: number;
  maxDelayMs: number;
  random: SeededRandom;
  /** Mutable, structured-cloneable memory of this scenario (e.g. an ongoing 429 burst per portal). */
  memory: Record<string, number>;
  /** Another persistent, seeded stream of the simulator (custom scenarios give each rule its own). */
  stream(label: string): SeededRandom;
}

/** One scenario's contribution to the plan. */
export interface ScenarioOutcome {
  effect: string;
  replace?: SimResponse;
  throttle?: { retryAfterMs: number };
  delayMs?: number;
  truncate?: true | number;
  contentType?: string;
  emptyBody?: boolean;
  corruptBody?: boolean;
  headers?: Record<string, string>;
}

export interface ScenarioDefinition {
  name: string;
  description: string;
  /** What fires for this request: one outcome, several (a custom scenario's rules), or nothing. */
  decide(context: ScenarioContext): ScenarioOutcome | readonly ScenarioOutcome[] | undefined;
}

/** Longer than the usual client timeout (10–30 s), capped by maxDelayMs. */
const TIMEOUT_MS = 60_000;
const SLOW_MEDIAN_MS = 300;
const SLOW_P99_MS = 2000;
// log-normal: p99 = median · e^(σ·2.326)
const SLOW_SIGMA = Math.log(SLOW_P99_MS / SLOW_MEDIAN_MS) / 2.3263;
const SLOW_CAP_MS = 10_000;

function serverError(random: SeededRandom): ScenarioOutcome {
  const status = random.pick([500, 502, 503, 504] as const);
  if (status === 500) {
    const body = JSON.stringify({ code: 'internal_error', message: 'Internal Server Error' });
    return { effect: 'flaky:500', replace: { status, headers: { 'content-type': JSON_TYPE }, body } };
  }
  return {
    effect: `flaky:${status}`,
    replace: { status, headers: { 'content-type': 'text/html', server: 'nginx' }, body: gatewayPage(status) },
  };
}

function flaky(context: ScenarioContext): ScenarioOutcome | undefined {
  const { random, memory, request } = context;
  const burstKey = `burst:${request.portal}`;
  const burstLeft = memory[burstKey] ?? 0;
  if (burstLeft > 0) {
    memory[burstKey] = burstLeft - 1;
    return { effect: 'flaky:429-burst', throttle: { retryAfterMs: 1000 } };
  }
  const roll = random.next();
  if (roll < 0.1) {
    return serverError(random);
  }
  if (roll < 0.15) {
    return {
      effect: 'flaky:timeout',
      replace: { status: 0, headers: {}, fault: 'network-error' },
      delayMs: Math.min(TIMEOUT_MS, context.maxDelayMs),
    };
  }
  if (roll < 0.16) {
    return { effect: 'flaky:corrupt-body', corruptBody: true };
  }
  if (roll < 0.17) {
    // A burst: this request and the next few of the same portal are throttled.
    memory[burstKey] = random.int(2, 5);
    return { effect: 'flaky:429-burst', throttle: { retryAfterMs: 1000 } };
  }
  return undefined;
}

function logNormalDelay(random: SeededRandom, cap: number): number {
  // Box–Muller; 1 - next() keeps the log argument in (0, 1].
  const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  return Math.min(cap, SLOW_CAP_MS, Math.round(SLOW_MEDIAN_MS * Math.exp(SLOW_SIGMA * z)));
}

function maintenance(status: 200 | 503) {
  return (context: ScenarioContext): ScenarioOutcome => {
    const until = new Date(context.now + 3_600_000);
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
    if (status === 503) {
      headers['retry-after'] = '3600';
    }
    return {
      effect: status === 503 ? 'maintenance:503' : 'maintenance:200',
      replace: { status, headers, body: maintenancePage(until) },
    };
  };
}

export const SCENARIOS: readonly ScenarioDefinition[] = [
  {
    name: 'flaky',
    description: '≈10% 5xx (JSON 500 or nginx 502/503/504), 5% timeouts, 1% corrupted bodies, bursts of 429',
    decide: flaky,
  },
  {
    name: 'slow',
    description: 'latency on every answer: log-normal, median 300 ms, p99 2 s (capped by maxDelayMs)',
    decide: (context) => ({
      effect: 'slow:delay',
      delayMs: logNormalDelay(context.random, context.maxDelayMs),
    }),
  },
  {
    name: 'maintenance',
    description: 'HTML «Технические работы» page with 503 and Retry-After: 3600 on every request',
    decide: maintenance(503),
  },
  {
    name: 'maintenance-200',
    description: 'the same «Технические работы» HTML page, but with status 200 (as some portals do)',
    decide: maintenance(200),
  },
  {
    name: 'down',
    description: 'every connection is reset: clients see a network error',
    decide: () => ({
      effect: 'down:connection-reset',
      replace: { status: 0, headers: {}, fault: 'connection-reset' },
    }),
  },
  {
    name: 'truncated-json',
    description: 'bodies cut in half (a proxy dropping the connection mid-body)',
    decide: () => ({ effect: 'truncated-json:truncate', truncate: true }),
  },
  {
    name: 'wrong-content-type',
    description: 'JSON served as text/html and HTML as application/json',
    decide: () => ({ effect: 'wrong-content-type:swap', contentType: 'wrong' }),
  },
  {
    name: 'empty-200',
    description: 'every answer has an empty body (status kept)',
    decide: () => ({ effect: 'empty-200:empty', emptyBody: true }),
  },
];
