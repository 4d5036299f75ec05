/**
 * One simulator instance: every piece of state lives here (no module-level mutable state), so
 * two simulators in one process never see each other.
 */
import type { HttpHandler } from 'msw';
import { createMswHandlers } from '../adapters/msw/handlers.js';
import { generateDemoData } from '../demo/generate-demo.js';
import { mergeDemoData } from '../demo/merge-demo.js';
import { ManualClock } from './clock.js';
import { describeRun } from './describe-run.js';
import { SimulatorError } from './errors.js';
import { SimFaultController } from './faults/fault-controller.js';
import { HANDLE_NOW } from './handle-now.js';
import { type EngineParts, handleRequest, type PortalLane } from './handle-request.js';
import { RingJournal } from './journal.js';
import { RandomStreams } from './random-streams.js';
import { RateLimiter } from './rate-limiter.js';
import { Router } from './router.js';
import { restoreSnapshot, takeSnapshot } from './snapshot.js';
import type {
  ContractViolation,
  DemoData,
  PortalDefinition,
  SeededRandom,
  ServeOptions,
  SimRequest,
  SimResponse,
  Simulator,
  SimulatorOptions,
  SimulatorServer,
  SimulatorSnapshot,
} from './types.js';
import { validatePortals } from './validate-portals.js';

export class SimulatorEngine implements Simulator {
  readonly clock: ManualClock;
  readonly journal: RingJournal;
  readonly faults: SimFaultController;
  readonly portals: readonly PortalDefinition[];
  readonly strictContracts: boolean;
  readonly limiter: RateLimiter;
  readonly streams: RandomStreams;
  readonly states = new Map<string, unknown>();
  readonly #options: SimulatorOptions;
  readonly #parts: EngineParts;
  readonly #byName: Map<string, PortalDefinition>;
  #seed: string;
  #demo: DemoData;
  #handlers: HttpHandler[] | undefined;
  readonly #violations: ContractViolation[] = [];

  readonly #listen: ListenImplementation;

  constructor(
    options: SimulatorOptions,
    portals: PortalDefinition[],
    strictContracts: boolean,
    listen: ListenImplementation,
  ) {
    this.#listen = listen;
    this.#options = options;
    this.#seed = String(options.seed ?? 'goskit');
    this.portals = Object.freeze([...portals]);
    validatePortals(portals);
    this.#byName = new Map(portals.map((portal) => [portal.name, portal]));
    this.strictContracts = strictContracts;
    this.clock = new ManualClock(options.clock, { mode: options.clockMode ?? 'frozen' });
    this.streams = new RandomStreams(this.#seed);
    this.journal = new RingJournal(options.journalSize ?? 1000, () => describeRun(this));
    this.faults = new SimFaultController((label) => this.streams.get(label));
    this.limiter = new RateLimiter(options.rateLimits);
    this.#demo = mergeDemoData(generateDemoData(this.#seed), options.data);
    const lanes = new Map<string, PortalLane>(
      portals.map((portal) => [
        portal.name,
        {
          portal,
          router: new Router(portal.routes as never) as Router,
          runtime: this.#portalRuntime(portal.name),
        },
      ]),
    );
    this.#parts = {
      runtime: this,
      portals: this.#byName,
      lanes,
      states: this.states,
      portalRuntime: (name) => lanes.get(name)?.runtime ?? this,
      stream: (label) => this.streams.get(label),
      faults: this.faults,
      limiter: this.limiter,
      journal: this.journal,
      violations: this.#violations,
      strictContracts,
      maxDelayMs: options.maxDelayMs ?? 5000,
      journalBodies: options.journalBodies ?? 'redacted',
      describeRun: () => describeRun(this),
    };
    this.#initialise(options.scenarios ?? []);
  }

  get seed(): string {
    return this.#seed;
  }

  get demo(): DemoData {
    return this.#demo;
  }

  get random(): SeededRandom {
    return this.streams.get('root');
  }

  /** What a portal sees: the same clock and data, but its own random stream. */
  #portalRuntime(name: string) {
    const sim = this;
    return {
      get seed() {
        return sim.seed;
      },
      clock: this.clock,
      get random() {
        return sim.streams.get(`portal:${name}`);
      },
      get demo() {
        return sim.demo;
      },
    };
  }

  #initialise(scenarios: readonly string[]): void {
    this.faults.resetState();
    for (const name of scenarios) {
      this.faults.enable(name);
    }
    this.states.clear();
    for (const portal of this.portals) {
      this.states.set(portal.name, portal.createState(this.#parts.portalRuntime(portal.name)));
    }
  }

  handle(request: SimRequest): Promise<SimResponse> {
    const answer = handleRequest(this.#parts, request);
    return answer instanceof Promise ? answer : Promise.resolve(answer);
  }

  /** See handle-now.ts: the same pipeline without the promise when nothing awaited. */
  [HANDLE_NOW](request: SimRequest): SimResponse | Promise<SimResponse> {
    return handleRequest(this.#parts, request);
  }

  portal(name: string): PortalDefinition | undefined {
    return (
      this.#byName.get(name) ??
      this.portals.find((portal) => name === portal.prefix || name.startsWith(`${portal.prefix}/`))
    );
  }

  portalState<T>(name: string): T {
    if (!this.states.has(name)) {
      throw new SimulatorError(
        'UNKNOWN_PORTAL',
        `unknown portal ${JSON.stringify(name)}; known: ${[...this.#byName.keys()].join(', ')}`,
      );
    }
    return this.states.get(name) as T;
  }

  reset(options: { seed?: string | number } = {}): void {
    if (options.seed !== undefined) {
      this.#seed = String(options.seed);
      this.#demo = mergeDemoData(generateDemoData(this.#seed), this.#options.data);
    }
    this.clock.reset();
    this.streams.reset(this.#seed);
    this.journal.clear();
    this.limiter.clear();
    this.#violations.length = 0;
    this.#initialise(this.#options.scenarios ?? []);
  }

  snapshot(options: { journal?: boolean } = {}): SimulatorSnapshot {
    return takeSnapshot(this, options.journal ?? true);
  }

  restore(snapshot: SimulatorSnapshot): void {
    const seedChanged = snapshot.seed !== this.#seed;
    restoreSnapshot(this, snapshot);
    if (seedChanged) {
      this.#seed = snapshot.seed;
      this.#demo = mergeDemoData(generateDemoData(this.#seed), this.#options.data);
    }
  }

  contractViolations(): ContractViolation[] {
    return this.#violations.map((violation) => structuredClone(violation));
  }

  get handlers(): HttpHandler[] {
    this.#handlers ??= createMswHandlers(this);
    return this.#handlers;
  }

  listen(options?: ServeOptions): Promise<SimulatorServer> {
    return this.#listen(this, options);
  }
}

/** How `sim.listen()` starts a server: the node entry loads src/server; the browser entry refuses. */
export type ListenImplementation = (
  sim: Simulator,
  options: ServeOptions | undefined,
) => Promise<SimulatorServer>;
