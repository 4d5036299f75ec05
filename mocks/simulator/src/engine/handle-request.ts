/**
 * THE request pipeline, shared by every adapter:
 * portal → scenarios (header) → route → fault plan → rate limit → handler → contract check →
 * response mangling → journal. Never throws: every failure is an answer plus a journal entry.
 */
import { errorResponse } from './error-response.js';
import { SimulatorError } from './errors.js';
import { applyPlan } from './faults/apply-plan.js';
import type { SimFaultController } from './faults/fault-controller.js';
import type { RingJournal } from './journal.js';
import { recordEntry } from './journal-record.js';
import type { RateLimiter } from './rate-limiter.js';
import { bodyText, json } from './responses.js';
import type { Router } from './router.js';
import type {
  ContractViolation,
  PortalDefinition,
  SeededRandom,
  SimRequest,
  SimResponse,
  SimulatorRuntime,
} from './types.js';

export interface EngineParts {
  runtime: SimulatorRuntime;
  portals: Map<string, PortalDefinition>;
  routers: Map<string, Router>;
  states: Map<string, unknown>;
  portalRuntime(name: string): SimulatorRuntime;
  stream(label: string): SeededRandom;
  faults: SimFaultController;
  limiter: RateLimiter;
  journal: RingJournal;
  violations: ContractViolation[];
  strictContracts: boolean;
  maxDelayMs: number;
  journalBodies: 'none' | 'redacted';
  describeRun(): string;
}

interface Outcome {
  response: SimResponse;
  operation: string;
  effects: string[];
  scenarios: string[];
  contractErrors?: string[];
  /** Status the handler answered before a contract violation replaced it. */
  originalStatus?: number;
}

export async function handleRequest(engine: EngineParts, request: SimRequest): Promise<SimResponse> {
  const started = performance.now();
  const time = engine.runtime.clock.now();
  const outcome: Outcome = {
    response: { status: 0, headers: {} },
    operation: '(unmatched)',
    effects: [],
    scenarios: [],
  };
  try {
    await process(engine, request, time, outcome);
  } catch (error) {
    // The operation and effects found so far stay on the journal entry.
    outcome.response = errorResponse(engine, error);
    if (!(error instanceof SimulatorError)) {
      outcome.effects.push('internal-error');
    }
  }
  recordEntry(engine, request, outcome, time, performance.now() - started);
  return outcome.response;
}

/** Fills `outcome` step by step, so a throw midway still leaves a useful journal entry. */
async function process(
  engine: EngineParts,
  request: SimRequest,
  time: Date,
  outcome: Outcome,
): Promise<void> {
  const portal = engine.portals.get(request.portal);
  if (!portal) {
    outcome.operation = '(unknown-portal)';
    outcome.response = json(
      {
        error: 'unknown_portal',
        message: `no portal ${JSON.stringify(request.portal)}`,
        portals: [...engine.portals.keys()],
      },
      404,
    );
    return;
  }
  const match = (engine.routers.get(portal.name) as Router).match(request.method, request.path);
  const operation = match.kind === 'found' ? match.route.operation : '(unmatched)';
  outcome.operation = operation;
  const extraScenarios = engine.faults.requestScenarios(request);
  const plan = engine.faults.plan(
    { request, operation, now: time, maxDelayMs: engine.maxDelayMs },
    extraScenarios,
  );
  outcome.effects.push(...plan.effects);
  outcome.scenarios = plan.scenarios;
  const nowMs = time.getTime();
  if (plan.replace) {
    outcome.response = plan.replace;
  } else if (plan.throttle) {
    outcome.response = engine.limiter.refusal(portal, request, plan.throttle.retryAfterMs, nowMs);
  } else if (match.kind === 'not-found') {
    outcome.response = json(
      {
        error: 'not_found',
        message: `${portal.name} has no route ${request.method} ${request.path}`,
        portal: portal.name,
        nearest: match.nearest ?? null,
      },
      404,
    );
  } else if (match.kind === 'method-not-allowed') {
    outcome.response = json(
      {
        error: 'method_not_allowed',
        message: `${request.method} is not allowed on ${request.path}`,
        portal: portal.name,
        allow: match.allow,
      },
      405,
      { allow: match.allow.join(', ') },
    );
  } else {
    const refusal = engine.limiter.check(portal, operation, request, nowMs);
    if (refusal) {
      outcome.effects.push('rate-limit');
      outcome.response = refusal;
    } else {
      const state = engine.states.get(portal.name);
      outcome.response = await match.route.handler({
        request,
        params: match.params,
        state,
        sim: engine.portalRuntime(portal.name),
      });
      checkContract(engine, portal, outcome);
    }
  }
  if (plan.effects.length > 0 && !outcome.response.fault) {
    outcome.response = applyPlan(outcome.response, plan, engine.stream('fault:mangle'), engine.maxDelayMs);
  } else if (plan.delayMs > 0) {
    outcome.response = { ...outcome.response, delayMs: Math.min(engine.maxDelayMs, plan.delayMs) };
  }
  if (request.method === 'HEAD' && outcome.response.body !== undefined) {
    // HEAD is routed as GET; the answer keeps the headers and drops the body in every adapter.
    const { body: _body, truncateAt: _cut, ...headOnly } = outcome.response;
    outcome.response = headOnly;
  }
}

function checkContract(engine: EngineParts, portal: PortalDefinition, outcome: Outcome): void {
  if (!engine.strictContracts || !portal.contracts) {
    return;
  }
  const { response } = outcome;
  const contentType = response.headers['content-type'] ?? '';
  const text = bodyText(response.body);
  let body: unknown = text;
  if (/json/i.test(contentType)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const errors = portal.contracts.check({
    operation: outcome.operation,
    status: response.status,
    contentType,
    body,
  });
  if (errors.length === 0) {
    return;
  }
  outcome.contractErrors = errors;
  outcome.originalStatus = response.status;
  outcome.effects.push('contract-violation');
  outcome.response = json(
    {
      error: 'contract_violation',
      message: `${portal.name} ${outcome.operation} answered ${response.status} outside its contract`,
      portal: portal.name,
      operation: outcome.operation,
      status: response.status,
      errors,
      run: engine.describeRun(),
    },
    500,
  );
}
