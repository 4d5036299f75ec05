/**
 * Which server calls go to. Servers are tried in order of preference (the primary first); a server
 * that failed `failureThreshold` times in a row, failed its TLS handshake or failed a health probe
 * is "down" and skipped. A down server comes back through a healthy probe, or — without probes —
 * through one trial call once it has rested `recoverAfterMs`. When every server is down, the one
 * that has rested longest is used: a call is never refused for want of a server.
 */
import type { Clock } from '../util/clock.js';
import type { FailoverEvent, FailoverServer, FailureReason } from './failover-options.js';

interface Health {
  readonly server: FailoverServer;
  failures: number;
  down: boolean;
  /** Clock ms when a down server was left behind. */
  downSince: number;
}

export interface HealthBoardSettings {
  failureThreshold: number;
  recoverAfterMs: number;
  /** With probes, a down server waits for a healthy probe instead of a trial call. */
  probing: boolean;
  clock: Clock;
  emit: (event: FailoverEvent) => void;
}

export class HealthBoard {
  readonly #health: Health[];
  readonly #settings: HealthBoardSettings;
  #active: FailoverServer;

  constructor(servers: readonly FailoverServer[], settings: HealthBoardSettings) {
    this.#health = servers.map((server) => ({ server, failures: 0, down: false, downSince: 0 }));
    this.#settings = settings;
    this.#active = servers[0] as FailoverServer;
  }

  get servers(): FailoverServer[] {
    return this.#health.map((health) => health.server);
  }

  /** The server the next call goes to (no side effects besides noting a switch). */
  pick(): FailoverServer {
    const now = this.#settings.clock.now();
    let chosen: Health | undefined;
    for (const health of this.#health) {
      if (!health.down || this.#trialDue(health, now)) {
        chosen = health;
        break;
      }
    }
    if (chosen === undefined) {
      // Everything is down: the one resting longest.
      chosen = this.#health.reduce((best, health) => (health.downSince < best.downSince ? health : best));
    }
    return chosen.server;
  }

  /** Remembers which server calls go to now; emits 'switch' when it changed. */
  noteActive(server: FailoverServer, reason: FailureReason | 'recovered'): void {
    const from = this.#active;
    if (from.index === server.index) {
      return;
    }
    this.#active = server;
    this.#emit({ type: 'switch', from, to: server, reason });
  }

  get active(): FailoverServer {
    return this.#active;
  }

  isDown(server: FailoverServer): boolean {
    return this.#health[server.index]?.down ?? false;
  }

  success(server: FailoverServer): void {
    const health = this.#health[server.index] as Health;
    health.failures = 0;
    if (health.down) {
      this.#up(health, 'trial');
    }
  }

  /** Counts a failure; `leaveNow` takes the server down at once (a long maintenance Retry-After). */
  failure(server: FailoverServer, reason: FailureReason, status: number | undefined, leaveNow = false): void {
    const health = this.#health[server.index] as Health;
    this.#emit({ type: 'failure', server, reason, status });
    health.failures += 1;
    const now = this.#settings.clock.now();
    if (health.down) {
      // A failed trial: rest again.
      health.downSince = now;
      return;
    }
    if (
      leaveNow ||
      reason === 'tls' ||
      reason === 'probe' ||
      health.failures >= this.#settings.failureThreshold
    ) {
      health.down = true;
      health.downSince = now;
      this.#emit({ type: 'down', server, reason });
      this.noteActive(this.pick(), reason);
    }
  }

  /** A probe's verdict: healthy brings a down server back, unhealthy takes an up one down. */
  probed(server: FailoverServer, healthy: boolean, status: number | undefined): void {
    const health = this.#health[server.index] as Health;
    this.#emit({ type: 'probe', server, healthy, status });
    if (healthy && health.down) {
      health.failures = 0;
      this.#up(health, 'probe');
    } else if (!healthy && !health.down) {
      this.failure(server, 'probe', status);
    } else if (!healthy) {
      health.downSince = this.#settings.clock.now();
    }
  }

  #up(health: Health, via: 'probe' | 'trial'): void {
    health.down = false;
    this.#emit({ type: 'up', server: health.server, via });
    this.noteActive(this.pick(), 'recovered');
  }

  #trialDue(health: Health, now: number): boolean {
    return !this.#settings.probing && now - health.downSince >= this.#settings.recoverAfterMs;
  }

  #emit(event: DistributiveOmit<FailoverEvent, 'at' | 'wallMs'>): void {
    const full = { ...event, at: this.#settings.clock.now(), wallMs: performance.now() } as FailoverEvent;
    this.#settings.emit(full);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
