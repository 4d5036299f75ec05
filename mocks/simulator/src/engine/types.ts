/**
 * The engine's public shapes, shared by every adapter (MSW, node:http), the control API and portals.
 * Names are fixed by the simulator contract; fields may be added, never renamed.
 */
import type { HttpHandler } from 'msw';

/** Transport-neutral request: every adapter (MSW, node:http) converts to this. */
export interface SimRequest {
  /** Upper case. */
  method: string;
  /** Portal name resolved by the adapter ('esia', …) or '' if none. */
  portal: string;
  /** Path inside the portal, e.g. '/rs/prns/1000' (host/prefix removed), decoded. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  /** Absolute URL as the client sent it. */
  url: string;
  /** Portal base the client used: 'https://esia-portal1.test.gosuslugi.ru' or 'http://127.0.0.1:4010/esia'. */
  baseUrl: string;
  remoteAddress?: string;
}

export type TransportFault = 'network-error' | 'connection-reset';

export interface SimResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Adapters wait this long (virtual delays are real waits, capped by config). */
  delayMs?: number;
  /** Adapters realise it: MSW → HttpResponse.error(); node → socket.destroy(). */
  fault?: TransportFault;
  /** Send only the first N body bytes (truncated JSON fault). */
  truncateAt?: number;
}

export interface RouteContext<State = unknown> {
  request: SimRequest;
  params: Record<string, string>;
  state: State;
  sim: SimulatorRuntime;
}

export interface RouteDefinition<State = unknown> {
  method: string;
  /** '/rs/prns/:oid' style params; a trailing '/*' matches the rest of the path as params['*']. */
  path: string;
  /** Stable name for faults/journal, e.g. 'person.get'. */
  operation: string;
  // Method syntax on purpose: a PortalDefinition<MyState> must be usable where PortalDefinition<unknown> is expected.
  handler(ctx: RouteContext<State>): SimResponse | Promise<SimResponse>;
}

export interface PortalDefinition<State = unknown> {
  /** 'esia' */
  name: string;
  /** Human title for the dashboard. */
  title: string;
  /** Real origins answered by MSW handlers, e.g. ['https://esia-portal1.test.gosuslugi.ru']. */
  hosts: string[];
  /** Standalone path prefix, e.g. '/esia'. */
  prefix: string;
  /** Built from seed + demo data; called on create and reset(). Must return structured-cloneable data. */
  createState(runtime: SimulatorRuntime): State;
  routes: RouteDefinition<State>[];
  /** How the portal throttles and how it answers when it does. */
  rateLimit?: PortalRateLimit;
  /** Response schemas by operation + status (from the portal's OpenAPI). */
  contracts?: ContractSet;
  /**
   * Portal-specific control routes (e.g. registering ESIA clients), mounted by the standalone
   * server at `/__goskit/<name><path>`. In process, call the portal's own functions instead.
   */
  controlRoutes?: RouteDefinition<State>[];
}

/** What portals see. */
export interface SimulatorRuntime {
  readonly seed: string;
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  readonly demo: DemoData;
}

export interface Simulator extends SimulatorRuntime {
  readonly journal: Journal;
  readonly faults: FaultController;
  readonly portals: readonly PortalDefinition[];
  readonly strictContracts: boolean;
  /** THE behaviour; adapters only translate. Never throws: failures become 500 responses. */
  handle(request: SimRequest): Promise<SimResponse>;
  /** Live state object of a portal (mutations are visible to later requests). Throws UNKNOWN_PORTAL. */
  portalState<T>(name: string): T;
  /** Replays the seed: fresh state, clock, journal, faults. `seed` switches to a new seed first. */
  reset(options?: { seed?: string | number }): void;
  /** Structured clones of everything requests change; `journal: false` leaves the journal out (smaller, faster). */
  snapshot(options?: { journal?: boolean }): SimulatorSnapshot;
  restore(snapshot: SimulatorSnapshot): void;
  /** Contract drift recorded since create/reset (a test can assert none). */
  contractViolations(): ContractViolation[];
  /** Finds a portal by name, or by the start of a path ('/esia/...') for the standalone server. */
  portal(name: string): PortalDefinition | undefined;
  /** MSW handlers on the real hosts. */
  get handlers(): HttpHandler[];
  /** Standalone node server (src/server/listen.ts). */
  listen(options?: ServeOptions): Promise<SimulatorServer>;
}

/**
 * Browser origins allowed to call the standalone server directly: `'*'` or exact origins such as
 * `http://localhost:3000`. Off by default: the real portals' APIs are called from back-ends.
 */
export type CorsOrigins = '*' | readonly string[];

/** Options of the standalone server (`sim.listen()`, `goskit-sim`). */
export interface ServeOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default '127.0.0.1' — the simulator is a development tool, not a public service. */
  host?: string;
  /** Answer CORS preflights and add CORS headers for these origins; default none. */
  cors?: CorsOrigins;
}

export interface SimulatorServer {
  readonly url: string;
  readonly port: number;
  baseUrl(portal: string): string;
  close(): Promise<void>;
}

export interface SimulatorOptions {
  /** Default 'goskit'. */
  seed?: string | number;
  /** Default: the built-in portals. */
  portals?: PortalDefinition[];
  /** Scenarios active from the start. */
  scenarios?: string[];
  /** Default true under vitest / NODE_ENV=test. */
  strictContracts?: boolean;
  /** Journal ring-buffer capacity, default 1000. */
  journalSize?: number;
  /**
   * Start of the virtual clock. Default: 2026-09-01T09:00:00+03:00 when frozen, the real time when
   * running.
   */
  clock?: Date | string | number;
  /**
   * 'frozen' (default in process: time moves only with advance/set) or 'running' (time runs with
   * the wall clock from the start; advance/set shift it and it keeps running). `goskit-sim` runs.
   */
  clockMode?: ClockMode;
  /** Overrides of the generated demo data (shallow per top-level key). */
  data?: Partial<DemoData>;
  /** Cap of any real wait the adapters do (fault delays, latency); default 5000. */
  maxDelayMs?: number;
  /** Rate-limit overrides per portal name. */
  rateLimits?: Record<string, Partial<BucketSettings>>;
  /** What the journal keeps of bodies: 'redacted' (default) or 'none'. */
  journalBodies?: 'none' | 'redacted';
}

// ---------------------------------------------------------------- clock and random

/** 'frozen': moves only when told to. 'running': runs with the wall clock, shifted by advance/set. */
export type ClockMode = 'frozen' | 'running';

/** The simulator's time. `now()` is epoch ms, so it is a @goskit/core `Clock` (`{ now(): number }`) as it is. */
export interface VirtualClock {
  /** Epoch milliseconds of the virtual now. */
  now(): number;
  /** The virtual now as a Date. */
  date(): Date;
  /** @deprecated Use `now()`, which returns epoch milliseconds too. */
  nowMs(): number;
  readonly mode: ClockMode;
  /**
   * ISO-8601 duration ('PT1H', 'P1DT2H30M') or milliseconds. Throws INVALID_DURATION (and changes
   * nothing) when the result would leave 1970-01-01 … 9999-12-31.
   */
  advance(durationIsoOrMs: string | number): void;
  /** Throws INVALID_DATE (and changes nothing) for unreadable times or times outside 1970 … 9999. */
  set(date: Date | string | number): void;
  /** Back to the start time (running: the start, or the real now when none was given). */
  reset(): void;
}

export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** RFC 4122 v4-shaped UUID from this stream. */
  uuid(): string;
  /** Independent stream derived from this one's seed and the label (not from its position). */
  fork(label: string): SeededRandom;
  /** Internal state for snapshot/restore. */
  getState(): RandomState;
  setState(state: RandomState): void;
}

export type RandomState = readonly [number, number, number, number];

// ---------------------------------------------------------------- demo data

export type PersonaRole = 'parent' | 'teacher' | 'admin' | 'student';

export interface Passport {
  series: string;
  number: string;
}

export interface Persona {
  id: string;
  role: PersonaRole;
  /** ESIA numeric id. */
  oid: string;
  lastName: string;
  firstName: string;
  middleName: string;
  /** 'dd.MM.yyyy' */
  birthDate: string;
  gender: 'M' | 'F';
  snils: string;
  inn: string;
  phone: string;
  email: string;
  passport: Passport;
  login: string;
  password: string;
  trusted: boolean;
  /** Organisation roles (admins, teachers). */
  organisations?: { oid: string; ogrn: string; role: string; title: string }[];
  /** Student persona ids (parents). */
  children?: string[];
}

export interface Organisation {
  oid: string;
  shortName: string;
  fullName: string;
  ogrn: string;
  inn: string;
  kpp: string;
  address: string;
}

export interface SchoolClass {
  id: string;
  /** '1А' … '11Б' */
  name: string;
  grade: number;
  letter: string;
  teacherId: string;
  studentIds: string[];
}

export interface DemoData {
  seed: string;
  organisation: Organisation;
  classes: SchoolClass[];
  /** Every person: students, teachers, parents, admins (fixed personas first). */
  personas: Persona[];
}

// ---------------------------------------------------------------- journal

export interface JournalEntry {
  id: number;
  /** ISO, virtual clock. */
  time: string;
  portal: string;
  operation: string;
  method: string;
  /** Redacted. */
  url: string;
  /** Path inside the portal. */
  path: string;
  /** 0 when the answer was a transport fault (network error, connection reset). */
  status: number;
  /** Redacted excerpt (at most 4096 characters, '…[truncated]' when cut). */
  requestBody?: string;
  /** Size in bytes of the whole request body (the journal never keeps more than an excerpt). */
  requestBodyBytes?: number;
  /** SHA-256 (hex) of the whole request body, as received (before redaction). */
  requestBodySha256?: string;
  responseBody?: string;
  responseBodyBytes?: number;
  responseBodySha256?: string;
  /** Which faults / limits fired: 'scenario:flaky:5xx', 'rule:r1', 'rate-limit', 'contract-violation', … */
  effects: string[];
  /** Real wall time spent in handle(). */
  durationMs: number;
  scenario?: string;
  /** Contract problems of this response (also in sim.contractViolations()). */
  contractErrors?: string[];
}

export interface JournalPattern {
  portal?: string;
  operation?: string;
  method?: string;
  path?: string | RegExp;
  status?: number;
  /** Only entries at or after this virtual time. */
  since?: Date | string | number;
}

export type VerifyTimes = number | { atLeast?: number; atMost?: number };

export interface Journal {
  find(pattern?: JournalPattern): JournalEntry[];
  count(pattern?: JournalPattern): number;
  /** Throws SimulatorError VERIFICATION_FAILED listing the closest near misses. */
  verify(times: VerifyTimes, pattern: JournalPattern): void;
  clear(): void;
  entries(): JournalEntry[];
  readonly size: number;
  readonly capacity: number;
}

// ---------------------------------------------------------------- faults

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

// ---------------------------------------------------------------- rate limits

export interface BucketSettings {
  ratePerSecond: number;
  burst: number;
}

export interface RateLimitRefusal {
  request: SimRequest;
  retryAfterMs: number;
  /** Virtual now. */
  now: Date;
}

export interface PortalRateLimit extends BucketSettings {
  /** Bucket key per request: token, client id, remote address…; default by token then address. */
  key?: (request: SimRequest) => string;
  /** The portal's own answer when refused (http429(...) or inBodyError(...)). */
  respond: (refusal: RateLimitRefusal) => SimResponse;
  /** Operations that are never throttled (health pages, login forms). */
  exempt?: string[];
}

// ---------------------------------------------------------------- contracts

export interface ContractCheckInput {
  operation: string;
  status: number;
  contentType: string;
  /** Parsed JSON when the body is JSON, else the text. */
  body: unknown;
}

export interface ContractSet {
  /** Empty array when the response fits (or the operation/status is not covered). */
  check(input: ContractCheckInput): string[];
  /** Operations the contract declares (for coverage reports). */
  operations(): string[];
}

export interface ContractViolation {
  portal: string;
  operation: string;
  status: number;
  errors: string[];
  journalId: number;
  time: string;
}

// ---------------------------------------------------------------- snapshot

export interface SimulatorSnapshot {
  readonly version: 1;
  readonly seed: string;
  readonly clockMs: number;
  readonly random: Record<string, RandomState>;
  readonly portalStates: Record<string, unknown>;
  readonly buckets: Record<string, unknown>;
  readonly faults: unknown;
  readonly journal?: JournalEntry[];
}
