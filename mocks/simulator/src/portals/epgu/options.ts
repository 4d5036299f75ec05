/**
 * Options of the EPGU portal. Figures from the reference (API ЕПГУ v1.12.1) are the defaults; every
 * knob exists so tests can reach an edge without moving 50 MB or sending 2 000 requests.
 */
export type EpguAuthMode = 'esia' | 'any-bearer';

export interface EpguPortalOptions {
  /**
   * How Bearer tokens are checked. 'esia' (default): only access tokens signed by this simulator's ESIA
   * portal (same seed), unexpired on the virtual clock. 'any-bearer': any JWT-shaped token whose payload
   * decodes; the signature is not checked. Both require the api-order scope.
   */
  auth?: EpguAuthMode;
  /** Largest archive (single push file or assembled chunks), bytes. Default 50 000 000. */
  maxArchiveBytes?: number;
  /** Smallest chunk except the last, bytes. Default 5 000 000 (tests use e.g. 1024). */
  chunkMinBytes?: number;
  /** Largest chunk, bytes. Default 50 000 000. */
  chunkMaxBytes?: number;
  /** All chunks must arrive within this many virtual seconds of the first. Default 300. */
  chunkWindowSeconds?: number;
  /** Orders per service per user per window. Default 20 per 10 minutes. */
  orderLimit?: { count?: number; windowMinutes?: number };
  /** Requests per token. Default 2 000 per minute (engine bucket) and 120 000 per hour (portal window). */
  limits?: { perMinute?: number; perHour?: number };
  /** Seeded chances of the failure outcomes after a push. Defaults 0.05 each. */
  outcomes?: { validationErrorRate?: number; filesFailedRate?: number };
  /**
   * Send each status change of a pushed order to its owner by SMS, e-mail and push through the
   * notifications outbox (`notificationsPortal()` must be loaded). Default false.
   */
  notifications?: boolean;
}

export interface ResolvedEpguOptions {
  auth: EpguAuthMode;
  maxArchiveBytes: number;
  chunkMinBytes: number;
  chunkMaxBytes: number;
  chunkWindowMs: number;
  orderLimitCount: number;
  orderLimitWindowMs: number;
  perMinute: number;
  perHour: number;
  validationErrorRate: number;
  filesFailedRate: number;
  notifications: boolean;
}

export const EPGU_HOSTS = ['https://svcdev-beta.test.gosuslugi.ru', 'https://lk.gosuslugi.ru'];

/** The scope the reference names for EPGU orders; the short form is accepted too. */
export const API_ORDER_SCOPES = ['http://lk.gosuslugi.ru/api-order', 'api-order'];

export function resolveEpguOptions(options: EpguPortalOptions = {}): ResolvedEpguOptions {
  return {
    auth: options.auth ?? 'esia',
    maxArchiveBytes: options.maxArchiveBytes ?? 50_000_000,
    chunkMinBytes: options.chunkMinBytes ?? 5_000_000,
    chunkMaxBytes: options.chunkMaxBytes ?? 50_000_000,
    chunkWindowMs: (options.chunkWindowSeconds ?? 300) * 1000,
    orderLimitCount: options.orderLimit?.count ?? 20,
    orderLimitWindowMs: (options.orderLimit?.windowMinutes ?? 10) * 60_000,
    perMinute: options.limits?.perMinute ?? 2000,
    perHour: options.limits?.perHour ?? 120_000,
    validationErrorRate: options.outcomes?.validationErrorRate ?? 0.05,
    filesFailedRate: options.outcomes?.filesFailedRate ?? 0.05,
    notifications: options.notifications ?? false,
  };
}
