/**
 * Options and events of a failover transport: one logical service reached at several base URLs (a
 * primary and its backups). Everything of `TransportOptions` applies to every server; `servers` and
 * `failover` say where they are and when to leave one.
 */
import type { TransportOptions } from '../transport/transport-options.js';

/** A base URL, or a base URL with a name for events, logs and `raw().server`. */
export type FailoverServerInput = string | { url: string; name?: string };

/** One server as events and results describe it. */
export interface FailoverServer {
  /** 'primary', 'backup-1'… unless named. */
  readonly name: string;
  /** The base URL (secret query parameters masked). */
  readonly url: string;
  /** 0 for the primary, then the backups in the order given. */
  readonly index: number;
  readonly primary: boolean;
}

/** Why a server counted as failing. */
export type FailureReason =
  | 'status' // an HTTP status listed in `failover.statusCodes` (5xx by default)
  | 'network' // no answer: connection refused or reset, DNS
  | 'tls' // the TLS handshake failed: certificate expired, untrusted, wrong host
  | 'timeout' // one attempt passed its `timeout`
  | 'damaged' // a 2xx whose body is not JSON or does not match the call's schema
  | 'probe'; // the health probe failed

export interface HealthCheckOptions {
  /** Path probed on each server with GET, e.g. '/health'. */
  path: string;
  /** How often each server is probed, ms of the transport's clock; a call starts the due probes. Default 10 000. */
  intervalMs?: number;
  /** Wall-clock ms a probe may take. Default 2 000. */
  timeoutMs?: number;
  /** Which statuses mean healthy. Default: any 2xx. */
  healthy?: (status: number) => boolean;
}

export interface FailoverPolicy {
  /**
   * Consecutive failures after which a server is left for the next one. Default 2 ("repeated"). A TLS
   * failure leaves the server at once: a certificate does not heal between two attempts.
   */
  failureThreshold?: number;
  /** Statuses that count as a server failure. Default 500, 502, 503, 504. */
  statusCodes?: readonly number[];
  /** Count a 2xx with a body that is not JSON, or fails the call's schema, as a failure. Default true. */
  damagedBodies?: boolean;
  /**
   * How long a server left behind rests before it is tried again, ms of the clock: with a health probe,
   * probes bring it back as soon as it answers; without one, the next call after the rest is a trial.
   * Default 30 000.
   */
  recoverAfterMs?: number;
  /** Probe every server's health; a failed probe leaves a server at once. Default: no probes. */
  health?: HealthCheckOptions;
  /** Every failure, switch, probe and answer, as it happens (keep it fast; errors are swallowed). */
  onEvent?: (event: FailoverEvent) => void;
}

export interface FailoverTransportOptions extends Omit<TransportOptions, 'baseUrl'> {
  /** The primary first, then the backups in order of preference. At least one. */
  servers: readonly FailoverServerInput[];
  failover?: FailoverPolicy;
}

/** What happened, with the clock's time (`at`, epoch ms) and the wall time (`wallMs`, performance.now()). */
export type FailoverEvent =
  | {
      type: 'failure';
      server: FailoverServer;
      reason: FailureReason;
      /** HTTP status when the failure was one. */
      status: number | undefined;
      at: number;
      wallMs: number;
    }
  | { type: 'down'; server: FailoverServer; reason: FailureReason; at: number; wallMs: number }
  | { type: 'up'; server: FailoverServer; via: 'probe' | 'trial'; at: number; wallMs: number }
  | {
      type: 'switch';
      from: FailoverServer;
      to: FailoverServer;
      reason: FailureReason | 'recovered';
      at: number;
      wallMs: number;
    }
  | {
      type: 'probe';
      server: FailoverServer;
      healthy: boolean;
      status: number | undefined;
      at: number;
      wallMs: number;
    }
  | { type: 'answer'; server: FailoverServer; status: number; attempt: number; at: number; wallMs: number };
