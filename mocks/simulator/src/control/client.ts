import { redactUrl, warnDeprecated } from '@goskit/core';
import { SimulatorError } from '../engine/errors.js';
import type { FaultRule, JournalEntry, Persona, ScenarioInfo, VerifyTimes } from '../engine/types.js';
import { FollowedClock, reportedClock, type SimulatorClock } from './simulator-clock.js';

export interface SimulatorControlOptions {
  /** Server root, e.g. 'http://127.0.0.1:4010' (the '/__goskit' prefix is added). */
  baseUrl: string;
  /** Custom fetch (defaults to the global one). */
  fetch?: typeof fetch;
  /** Per-call timeout, ms. Default 10 000. */
  timeout?: number;
  /** @deprecated Renamed `timeout` (ms); `timeoutMs` goes away in the next minor release. */
  timeoutMs?: number;
}

/** Journal filters as the control API takes them: a path regex travels as its source text. */
export interface JournalQuery {
  portal?: string;
  operation?: string;
  method?: string;
  path?: string;
  pathRegex?: string | RegExp;
  status?: number;
  since?: string | number | Date;
}

export interface Health {
  status: 'ok';
  name: 'goskit-sim';
  version: string;
  seed: string;
  portals: string[];
  uptimeMs: number;
  now: string;
  clockMode: 'running' | 'frozen';
}
export interface ScenarioList {
  scenarios: ScenarioInfo[];
  active: string[];
}
export interface ClockState {
  now: string;
  ms: number;
  /** 'running' (goskit-sim's default) or 'frozen'. */
  mode: 'running' | 'frozen';
}
export interface JournalPage {
  entries: JournalEntry[];
  total: number;
  size: number;
  capacity: number;
}
/** What `GET /__goskit/` answers. */
export interface ControlIndex {
  name: string;
  version: string;
  dashboard: string;
  openapi: string;
  routes: string[];
  portals: { name: string; baseUrl: string; docs?: string }[];
}

export interface PortalInfo {
  name: string;
  title: string;
  prefix: string;
  baseUrl: string;
  hosts: string[];
  docs?: string;
  /** The effective limit (the portal's defaults with overrides applied), or null. */
  rateLimit: { ratePerSecond: number; burst: number } | null;
  /** Ids of the services it offers other portals, and of those it needs. */
  provides: string[];
  requires: string[];
  routes: { method: string; path: string; operation: string }[];
  /** The portal's own control routes, with full paths ('/__goskit/esia/clients'). */
  controlRoutes: { method: string; path: string; operation: string }[];
}
/** A fault rule in JSON form: a path regex is written as '/source/'. */
export type RemoteFaultRule = Omit<FaultRule, 'path'> & { path?: string };

/** The body of `PUT /__goskit/scenarios/{name}`: a scenario of your own is a list of rules. */
export interface RemoteFaultScenario {
  description?: string;
  rules: RemoteFaultRule[];
}

/** A non-2xx answer (or a network failure) of the control API. `code` is the server's error code. */
export class SimulatorControlError extends SimulatorError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'SimulatorControlError';

  readonly status: number;
  readonly serverCode: string;
  readonly body: unknown;
  constructor(status: number, serverCode: string, message: string, body: unknown, cause?: unknown) {
    super(errorCodeFor(serverCode), message, cause === undefined ? undefined : { cause });
    this.status = status;
    this.serverCode = serverCode;
    this.body = body;
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set<SimulatorError['code']>([
  'UNKNOWN_SCENARIO',
  'UNKNOWN_PORTAL',
  'INVALID_DURATION',
  'INVALID_DATE',
  'VERIFICATION_FAILED',
  'INVALID_RULE',
  'INVALID_SCENARIO',
  'INVALID_DATA',
]);

/** Engine codes pass through (so `code === 'UNKNOWN_SCENARIO'` works remotely); others become CONTROL_REQUEST_FAILED. */
function errorCodeFor(serverCode: string): SimulatorError['code'] {
  return KNOWN_CODES.has(serverCode) ? (serverCode as SimulatorError['code']) : 'CONTROL_REQUEST_FAILED';
}

/**
 * Typed client of the /__goskit/ control API, for suites that run goskit-sim in another process.
 * @example
 * const control = new SimulatorControl({ baseUrl: 'http://127.0.0.1:4010' });
 * await control.scenarios.enable('flaky');
 * await control.journal.verify(1, { portal: 'esia', operation: 'token' });
 */
export class SimulatorControl {
  readonly #root: string;
  readonly #fetch: typeof fetch;
  readonly #timeout: number;
  /** The clock `clock.follow()` handed out; every answer reporting the clock moves it. */
  #followed: FollowedClock | undefined;

  constructor(options: SimulatorControlOptions) {
    this.#root = `${options.baseUrl.replace(/\/+$/, '')}/__goskit`;
    this.#fetch = options.fetch ?? globalThis.fetch;
    if (options.timeout === undefined && options.timeoutMs !== undefined) {
      warnDeprecated(
        undefined,
        'GOSKIT_DEP_TIMEOUTMS_SimulatorControl',
        "SimulatorControl: the 'timeoutMs' option is renamed 'timeout'; 'timeoutMs' goes away in the next minor release",
      );
    }
    this.#timeout = options.timeout ?? options.timeoutMs ?? 10_000;
  }

  /** `GET /__goskit/`: the control routes, portals with their base URLs, and the dashboard's address. */
  index(): Promise<ControlIndex> {
    return this.#call('GET', '/');
  }
  health(): Promise<Health> {
    return this.#call('GET', '/health');
  }
  /** Replays the seed (state, clock, journal, faults); a clock from `clock.follow()` moves with it. */
  reset(
    options: { seed?: string | number } = {},
  ): Promise<{ seed: string; now: string; ms: number; mode: 'running' | 'frozen' }> {
    return this.#call('POST', '/reset', options);
  }
  /** Without an argument reads the seed; with one, rebuilds all state from the new seed. */
  seed(seed?: string | number): Promise<{ seed: string }> {
    return seed === undefined ? this.#call('GET', '/seed') : this.#call('POST', '/seed', { seed });
  }
  personas(): Promise<Persona[]> {
    return this.#call<{ personas: Persona[] }>('GET', '/personas').then((page) => page.personas);
  }
  portals(): Promise<PortalInfo[]> {
    return this.#call<{ portals: PortalInfo[] }>('GET', '/portals').then((page) => page.portals);
  }

  /**
   * Calls a portal's own control route, mounted at `/__goskit/<portal><path>`
   * (`portalControl('esia', 'POST', '/clients', client)`); `portals()` lists them as `controlRoutes`.
   */
  portalControl<T = unknown>(
    portal: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const route = path.startsWith('/') ? path : `/${path}`;
    return this.#call(method, `/${encodeURIComponent(portal)}${route}`, body);
  }

  readonly scenarios = {
    list: (): Promise<ScenarioList> => this.#call('GET', '/scenarios'),
    /**
     * Defines (or replaces) a scenario of your own — a list of fault rules — then enable it by name.
     * Rejects with INVALID_SCENARIO / INVALID_RULE (400) naming the field, e.g. `body.rules.0.operation`.
     */
    define: (name: string, scenario: RemoteFaultScenario): Promise<ScenarioList> =>
      this.#call('PUT', `/scenarios/${encodeURIComponent(name)}`, scenario),
    /** Removes a custom scenario (404 UNKNOWN_SCENARIO when there is none). */
    remove: (name: string): Promise<ScenarioList> =>
      this.#call('DELETE', `/scenarios/${encodeURIComponent(name)}`),
    enable: (name: string, options: { portals?: string[] } = {}): Promise<ScenarioList> =>
      this.#call('POST', `/scenarios/${encodeURIComponent(name)}/enable`, options),
    disable: (name: string): Promise<ScenarioList> =>
      this.#call('POST', `/scenarios/${encodeURIComponent(name)}/disable`),
  };

  readonly clock = {
    get: (): Promise<ClockState> => this.#call('GET', '/clock'),
    /**
     * The simulator's virtual clock as a @goskit/core `Clock` for the clients under test
     * (`clock: await control.clock.follow()`): synced now and by every later answer of this control
     * that reports the time (`advance`, `set`, `reset`, `seed`, `health`), and on `sync()`. One per
     * control: later calls sync and return the same clock.
     */
    follow: async (): Promise<SimulatorClock> => {
      this.#followed ??= new FollowedClock(() => this.#call('GET', '/clock'));
      await this.#followed.sync();
      return this.#followed;
    },
    /** ISO-8601 duration ('PT1H') or milliseconds. */
    advance: (duration: string | number): Promise<ClockState> =>
      this.#call('POST', '/clock/advance', { duration }),
    set: (time: string | number | Date): Promise<ClockState> =>
      this.#call('POST', '/clock/set', { time: time instanceof Date ? time.toISOString() : time }),
  };

  readonly journal = {
    find: (query: JournalQuery & { limit?: number } = {}): Promise<JournalEntry[]> =>
      this.#call<JournalPage>('GET', `/journal${toSearch(query)}`).then((page) => page.entries),
    page: (query: JournalQuery & { limit?: number } = {}): Promise<JournalPage> =>
      this.#call('GET', `/journal${toSearch(query)}`),
    count: (query: JournalQuery = {}): Promise<number> =>
      this.#call<{ count: number }>('GET', `/journal/count${toSearch(query)}`).then((result) => result.count),
    /** Resolves with the count, or rejects with code VERIFICATION_FAILED listing the near misses. */
    verify: (times: VerifyTimes, pattern: JournalQuery = {}): Promise<number> =>
      this.#call<{ count: number }>('POST', '/journal/verify', {
        times,
        pattern: toPatternBody(pattern),
      }).then((result) => result.count),
    clear: (): Promise<number> =>
      this.#call<{ cleared: number }>('DELETE', '/journal').then((result) => result.cleared),
  };

  readonly rules = {
    list: (): Promise<RemoteFaultRule[]> =>
      this.#call<{ rules: RemoteFaultRule[] }>('GET', '/rules').then((result) => result.rules),
    add: (rule: RemoteFaultRule): Promise<string> =>
      this.#call<{ id: string }>('POST', '/rules', rule).then((result) => result.id),
    remove: (id: string): Promise<void> =>
      this.#call('DELETE', `/rules/${encodeURIComponent(id)}`).then(() => undefined),
    clear: (): Promise<number> =>
      this.#call<{ removed: number }>('DELETE', '/rules').then((result) => result.removed),
  };

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const signal = AbortSignal.timeout(this.#timeout);
    const init: RequestInit = { method, signal };
    if (body !== undefined) {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    let response: Response;
    const url = this.#root + path;
    const sentAt = Date.now();
    try {
      response = await this.#fetch(url, init);
    } catch (error) {
      // Name the URL and why: a wrong port and a hung server need different fixes.
      const why = signal.aborted ? `no answer within ${this.#timeout} ms` : networkCause(error);
      throw new SimulatorControlError(
        0,
        'NETWORK',
        `${method} ${redactUrl(url)}: cannot reach the simulator (${why}); is goskit-sim running there?`,
        undefined,
        error,
      );
    }
    const receivedAt = Date.now();
    const text = await response.text();
    let payload: unknown;
    try {
      payload = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      payload = text;
    }
    if (!response.ok) {
      const error = (payload ?? {}) as { error?: unknown; message?: unknown };
      const code = typeof error.error === 'string' ? error.error : `HTTP_${response.status}`;
      const message = typeof error.message === 'string' ? error.message : `HTTP ${response.status}`;
      throw new SimulatorControlError(response.status, code, `${method} ${path}: ${message}`, payload);
    }
    const clock = this.#followed === undefined ? undefined : reportedClock(payload);
    if (clock !== undefined) {
      this.#followed?.follow(clock, sentAt, receivedAt);
    }
    return payload as T;
  }
}

/** The low-level reason of a failed fetch (ECONNREFUSED…), which undici keeps in `cause`. */
function networkCause(error: unknown): string {
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = inner instanceof Error ? (inner as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : inner instanceof Error ? inner.message : 'network error';
}

function toPatternBody(query: JournalQuery): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || key === 'limit') {
      continue;
    }
    if (value instanceof RegExp) {
      out[key] = value.source;
    } else if (value instanceof Date) {
      out[key] = value.toISOString();
    } else {
      out[key] = value as string | number;
    }
  }
  return out;
}

function toSearch(query: JournalQuery & { limit?: number }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(toPatternBody(query))) {
    params.set(key, String(value));
  }
  if (query.limit !== undefined) {
    params.set('limit', String(query.limit));
  }
  const text = params.toString();
  return text.length > 0 ? `?${text}` : '';
}
