/**
 * THE request pipeline, shared by every adapter:
 * portal → scenarios (header) → route → fault plan → rate limit → handler → contract check →
 * response mangling → journal. Never throws: every failure is an answer plus a journal entry. A
 * streamed body (`bodyStream`) goes through untouched but for the fault steps and the journal's meter.
 */
import { discardBodyStream } from './body-stream.js';
import { errorResponse } from './error-response.js';
import { SimulatorError } from './errors.js';
import { applyPlan } from './faults/apply-plan.js';
import type { SimFaultController } from './faults/fault-controller.js';
import type { FaultPlan } from './faults/fault-plan.js';
import { FAULT_HEADER, faultReport } from './faults/fault-report.js';
import type { RingJournal } from './journal.js';
import { type RequestOutcome as Outcome, recordEntry } from './journal-record.js';
import type { RateLimiter } from './rate-limiter.js';
import { bodyText, json } from './responses.js';
import type { Router } from './router.js';
import type {
  ContractViolation,
  PortalDefinition,
  PortalRuntime,
  RouteDefinition,
  SeededRandom,
  SimRequest,
  SimResponse,
  SimulatorRuntime,
} from './types.js';

/** Everything the pipeline needs about one portal, found with a single Map lookup per request. */
export interface PortalLane {
  portal: PortalDefinition;
  router: Router<RouteDefinition>;
  runtime: PortalRuntime;
}

export interface EngineParts {
  runtime: SimulatorRuntime;
  portals: Map<string, PortalDefinition>;
  lanes: Map<string, PortalLane>;
  states: Map<string, unknown>;
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

/**
 * Runs the pipeline. Synchronous all the way when the route handler is (most are): the answer comes
 * back without a promise, which the node server uses to skip a microtask per request. `sim.handle()`
 * wraps it in a promise for the public contract.
 */
export function handleRequest(engine: EngineParts, request: SimRequest): SimResponse | Promise<SimResponse> {
  const started = performance.now();
  const time = engine.runtime.clock.now();
  const outcome: Outcome = {
    response: NO_RESPONSE,
    operation: '(unmatched)',
    effects: [],
    scenarios: NO_SCENARIOS,
  };
  let waiting: Promise<void> | undefined;
  try {
    waiting = process(engine, request, time, outcome);
  } catch (error) {
    failed(engine, outcome, error);
  }
  if (waiting === undefined) {
    return finish(engine, request, outcome, time, started);
  }
  return waiting.then(
    () => finish(engine, request, outcome, time, started),
    (error: unknown) => {
      failed(engine, outcome, error);
      return finish(engine, request, outcome, time, started);
    },
  );
}

/** Placeholder until the pipeline answers; never returned (every path sets a response or throws). */
const NO_RESPONSE: SimResponse = Object.freeze({ status: 0, headers: Object.freeze({}) }) as SimResponse;
/** Shared while no scenario fired; the plan hands over its own array when one does. */
const NO_SCENARIOS: string[] = [];

function failed(engine: EngineParts, outcome: Outcome, error: unknown): void {
  // The operation and effects found so far stay on the journal entry.
  outcome.response = errorResponse(engine, error);
  if (!(error instanceof SimulatorError)) {
    outcome.effects.push('internal-error');
  }
}

function finish(
  engine: EngineParts,
  request: SimRequest,
  outcome: Outcome,
  time: number,
  started: number,
): SimResponse {
  return recordEntry(engine, request, outcome, time, performance.now() - started);
}

function isPromiseLike(value: unknown): value is PromiseLike<SimResponse> {
  return typeof (value as PromiseLike<SimResponse> | null)?.then === 'function';
}

/**
 * Fills `outcome` step by step, so a throw midway still leaves a useful journal entry. Returns a
 * promise only when the route handler did.
 */
function process(
  engine: EngineParts,
  request: SimRequest,
  time: number,
  outcome: Outcome,
): Promise<void> | undefined {
  const lane = engine.lanes.get(request.portal);
  if (lane === undefined) {
    outcome.operation = '(unknown-portal)';
    outcome.response = json(
      {
        error: 'unknown_portal',
        message: `no portal ${JSON.stringify(request.portal)}`,
        portals: [...engine.portals.keys()],
      },
      404,
    );
    return undefined;
  }
  const { portal, router } = lane;
  const match = router.match(request.method, request.path);
  const operation = match.kind === 'found' ? match.route.operation : '(unmatched)';
  outcome.operation = operation;
  const extraScenarios = engine.faults.requestScenarios(request);
  const plan = engine.faults.plan(
    { request, operation, now: time, maxDelayMs: engine.maxDelayMs },
    extraScenarios,
  );
  if (plan.effects.length > 0) {
    outcome.effects.push(...plan.effects);
  }
  if (plan.scenarios.length > 0) {
    outcome.scenarios = plan.scenarios;
  }
  const nowMs = time;
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
      const answered = match.route.handler({
        request,
        params: match.params,
        state: engine.states.get(portal.name),
        sim: lane.runtime,
      });
      if (isPromiseLike(answered)) {
        return Promise.resolve(answered).then((response) => {
          outcome.response = response;
          checkContract(engine, portal, outcome);
          shape(engine, request, plan, outcome);
        });
      }
      outcome.response = answered;
      checkContract(engine, portal, outcome);
    }
  }
  shape(engine, request, plan, outcome);
  return undefined;
}

/** Last steps on the answer: fault mangling or delay, and HEAD without a body. */
function shape(engine: EngineParts, request: SimRequest, plan: FaultPlan, outcome: Outcome): void {
  if (plan.effects.length > 0 && !outcome.response.fault) {
    const mangled = applyPlan(outcome.response, plan, engine.stream('fault:mangle'), engine.maxDelayMs);
    // applyPlan copied the headers. The report lets a failing test's own output name what fired.
    mangled.headers[FAULT_HEADER] = faultReport(plan.effects, engine.runtime.seed);
    outcome.response = mangled;
  } else if (plan.delayMs > 0) {
    outcome.response = { ...outcome.response, delayMs: Math.min(engine.maxDelayMs, plan.delayMs) };
  }
  const { response } = outcome;
  if (request.method === 'HEAD' && (response.body !== undefined || response.bodyStream !== undefined)) {
    // HEAD is routed as GET; the answer keeps the headers and drops the body in every adapter.
    const { body: _body, bodyStream, truncateAt: _cut, ...headOnly } = response;
    if (bodyStream !== undefined) {
      discardBodyStream(bodyStream);
    }
    outcome.response = headOnly;
  }
}

function checkContract(engine: EngineParts, portal: PortalDefinition, outcome: Outcome): void {
  if (!engine.strictContracts || !portal.contracts) {
    return;
  }
  const { response } = outcome;
  const contentType = response.headers['content-type'] ?? '';
  const streamed = response.bodyStream !== undefined;
  const text = streamed ? '' : bodyText(response.body);
  let body: unknown = streamed ? undefined : text;
  if (!streamed && /json/i.test(contentType)) {
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
    ...(streamed ? { streamed } : {}),
  });
  if (errors.length === 0) {
    return;
  }
  if (response.bodyStream !== undefined) {
    discardBodyStream(response.bodyStream);
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
