/**
 * Health probes: `GET <server><health.path>` within `timeoutMs` of wall time, healthy on a 2xx (or
 * what `health.healthy` says). Each server is probed at most once per `intervalMs` of the
 * transport's clock, started by a call (no timers of its own: with a frozen virtual clock, probes
 * run when the test moves the clock); `checkHealth()` probes every server now.
 */
import type { Clock } from '../util/clock.js';
import type { FailoverServer, HealthCheckOptions } from './failover-options.js';
import type { HealthBoard } from './health-board.js';

export interface ProbeTarget {
  server: FailoverServer;
  /** Normalised base URL without a trailing slash. */
  base: string;
}

export class HealthProber {
  readonly #options: Required<HealthCheckOptions>;
  readonly #board: HealthBoard;
  readonly #clock: Clock;
  readonly #fetch: () => typeof fetch;
  readonly #lastProbe = new Map<number, number>();
  readonly #running = new Map<number, Promise<void>>();

  constructor(options: HealthCheckOptions, board: HealthBoard, clock: Clock, fetchImpl: () => typeof fetch) {
    this.#options = {
      path: options.path.startsWith('/') ? options.path : `/${options.path}`,
      intervalMs: options.intervalMs ?? 10_000,
      timeoutMs: options.timeoutMs ?? 2_000,
      healthy: options.healthy ?? ((status) => status >= 200 && status < 300),
    };
    this.#board = board;
    this.#clock = clock;
    this.#fetch = fetchImpl;
  }

  /** Starts the probes that are due, without waiting for them. */
  startDue(targets: readonly ProbeTarget[]): void {
    const now = this.#clock.now();
    for (const target of targets) {
      const last = this.#lastProbe.get(target.server.index);
      if (last === undefined || now - last >= this.#options.intervalMs) {
        void this.probe(target);
      }
    }
  }

  /** Probes one server (joining a probe already running) and records the verdict. */
  probe(target: ProbeTarget): Promise<void> {
    const index = target.server.index;
    const running = this.#running.get(index);
    if (running !== undefined) {
      return running;
    }
    this.#lastProbe.set(index, this.#clock.now());
    const done = this.#send(target).finally(() => this.#running.delete(index));
    this.#running.set(index, done);
    return done;
  }

  async #send(target: ProbeTarget): Promise<void> {
    let status: number | undefined;
    let healthy = false;
    try {
      const response = await this.#fetch()(`${target.base}${this.#options.path}`, {
        method: 'GET',
        signal: AbortSignal.timeout(this.#options.timeoutMs),
        redirect: 'manual',
      });
      status = response.status;
      // Not awaited: some fetch implementations (MSW's interceptor) never settle a cancel, and the
      // verdict needs only the status.
      void response.body?.cancel().catch(() => {});
      healthy = this.#options.healthy(status);
    } catch {
      healthy = false;
    }
    this.#board.probed(target.server, healthy, status);
  }
}
