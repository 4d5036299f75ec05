/**
 * One simulator instance: every piece of state lives here (no module-level mutable state), so
 * two simulators in one process never see each other. It knows portals, the roster and the
 * adapters only through what createEngine() is handed.
 */
import type { HttpHandler } from 'msw';
import { ManualClock } from './clock.js';
import { describeRun } from './describe-run.js';
import { SimulatorError } from './errors.js';
import { SimFaultController } from './faults/fault-controller.js';
import { OperationCatalogue } from './faults/operation-catalogue.js';
import { HANDLE_NOW } from './handle-now.js';
import { type EngineParts, handleRequest, type PortalLane } from './handle-request.js';
import { RingJournal } from './journal.js';
import { type SplitData, splitData } from './portal-data.js';
import { PORTAL_RUNTIME } from './portal-runtime-of.js';
import { RandomStreams } from './random-streams.js';
import { RateLimiter } from './rate-limiter.js';
import { Router } from './router.js';
import { ServiceRegistry } from './service-registry.js';
import { restoreSnapshot, takeSnapshot } from './snapshot.js';
import type {
  BucketSettings,
  ContractViolation,
  DemoData,
  PortalDefinition,
  PortalRuntime,
  RosterSource,
  SeededRandom,
  ServeOptions,
  ServiceToken,
  SimRequest,
  SimResponse,
  Simulator,
  SimulatorOptions,
  SimulatorServer,
  SimulatorSnapshot,
} from './types.js';
import { validatePortals } from './validate-portals.js';

/** How `sim.listen()` starts a server: the node entry loads src/server; the browser entry refuses. */
export type ListenImplementation = (
  sim: Simulator,
  options: ServeOptions | undefined,
) => Promise<SimulatorServer>;

/** How `sim.handlers` builds MSW handlers: the entries load the MSW adapter (and msw) only then. */
export type HandlersImplementation = (sim: Simulator) => HttpHandler[];

/** What the composition root (src/create-simulator.ts) hands the engine. */
export interface EngineOptions extends Omit<SimulatorOptions, 'portals' | 'strictContracts'> {
  portals: readonly PortalDefinition[];
  roster: RosterSource;
  strictContracts: boolean;
  listen: ListenImplementation;
  handlers: HandlersImplementation;
}

export class SimulatorEngine implements Simulator {
  readonly clock: ManualClock;
  readonly journal: RingJournal;
  readonly faults: SimFaultController;
  readonly portals: readonly PortalDefinition[];
  readonly strictContracts: boolean;
  readonly limiter: RateLimiter;
  readonly streams: RandomStreams;
  readonly states = new Map<string, unknown>();
  readonly services: ServiceRegistry;
  readonly #options: EngineOptions;
  readonly #data: SplitData;
  readonly #parts: EngineParts;
  readonly #byName: Map<string, PortalDefinition>;
  readonly #runtimes = new Map<string, PortalRuntime>();
  #seed: string;
  #demo: DemoData;
  #handlers: HttpHandler[] | undefined;
  readonly #violations: ContractViolation[] = [];

  constructor(options: EngineOptions) {
    this.#options = options;
    this.#seed = String(options.seed ?? 'goskit');
    const portals = [...options.portals];
    validatePortals(portals);
    this.portals = Object.freeze(portals);
    this.#byName = new Map(portals.map((portal) => [portal.name, portal]));
    this.#data = splitData(options.data, portals, options.roster);
    this.strictContracts = options.strictContracts;
    this.clock = new ManualClock(options.clock, { mode: options.clockMode ?? 'frozen' });
    this.streams = new RandomStreams(this.#seed);
    this.journal = new RingJournal(options.journalSize ?? 1000, () => describeRun(this));
    this.faults = new SimFaultController((label) => this.streams.get(label), new OperationCatalogue(portals));
    this.limiter = new RateLimiter(options.rateLimits);
    this.#demo = this.#roster();
    for (const portal of portals) {
      this.#runtimes.set(portal.name, this.#portalRuntime(portal));
    }
    this.services = new ServiceRegistry(
      portals,
      (name) => this.#runtimes.get(name) as PortalRuntime,
      (name) => this.states.get(name),
    );
    const lanes = new Map<string, PortalLane>(
      portals.map((portal) => [
        portal.name,
        {
          portal,
          router: new Router(portal.routes),
          runtime: this.#runtimes.get(portal.name) as PortalRuntime,
        },
      ]),
    );
    this.#parts = {
      runtime: this,
      portals: this.#byName,
      lanes,
      states: this.states,
      stream: (label) => this.streams.get(label),
      faults: this.faults,
      limiter: this.limiter,
      journal: this.journal,
      violations: this.#violations,
      strictContracts: this.strictContracts,
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

  #roster(): DemoData {
    const { roster } = this.#options;
    return roster.merge(roster.generate(this.#seed), this.#data.roster);
  }

  /** What a portal sees: the same clock and roster, its own random stream, data slice and services. */
  #portalRuntime(portal: PortalDefinition): PortalRuntime {
    const sim = this;
    const name = portal.name;
    const declared = new Set((portal.requires ?? []).map((token) => token.id));
    const data = this.#data.slices.get(name);
    return {
      portal: name,
      data,
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
      service<T>(token: ServiceToken<T>): T {
        if (!declared.has(token.id)) {
          throw new SimulatorError(
            'SERVICE_NOT_DECLARED',
            `portal "${name}" uses service "${token.id}" without declaring it in requires`,
          );
        }
        return sim.services.get(token);
      },
    };
  }

  #initialise(scenarios: readonly string[]): void {
    this.faults.resetState();
    for (const name of scenarios) {
      this.faults.enable(name);
    }
    this.services.clear();
    this.states.clear();
    for (const portal of this.portals) {
      this.states.set(portal.name, portal.createState(this.#runtimes.get(portal.name) as PortalRuntime));
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

  /** See portal-runtime-of.ts: the control API runs portal control routes with the portal's runtime. */
  [PORTAL_RUNTIME](name: string): PortalRuntime | undefined {
    return this.#runtimes.get(name);
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

  service<T>(token: ServiceToken<T>): T {
    return this.services.get(token);
  }

  rateLimit(name: string): BucketSettings | undefined {
    const portal = this.#byName.get(name);
    const limit = portal === undefined ? undefined : this.limiter.limitOf(portal);
    return limit === undefined ? undefined : { ratePerSecond: limit.ratePerSecond, burst: limit.burst };
  }

  reset(options: { seed?: string | number } = {}): void {
    if (options.seed !== undefined) {
      this.#seed = String(options.seed);
      this.#demo = this.#roster();
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
    this.services.clear();
    if (seedChanged) {
      this.#seed = snapshot.seed;
      this.#demo = this.#roster();
    }
  }

  contractViolations(): ContractViolation[] {
    return this.#violations.map((violation) => structuredClone(violation));
  }

  get handlers(): HttpHandler[] {
    this.#handlers ??= this.#options.handlers(this);
    return this.#handlers;
  }

  listen(options?: ServeOptions): Promise<SimulatorServer> {
    return this.#options.listen(this, options);
  }
}

/** The engine's factory: everything it runs comes in through `options`. */
export function createEngine(options: EngineOptions): Simulator {
  return new SimulatorEngine(options);
}
