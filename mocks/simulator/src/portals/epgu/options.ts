/**
 * Options of the EPGU portal. Figures from «Спецификация API ЕПГУ v1.12.1» are the defaults; every
 * knob exists so tests can reach an edge without moving 50 MB or sending 2 000 requests.
 */
import type { EpguSystemInput } from './systems.js';

export type EpguAuthMode = 'esia' | 'any-bearer';

/**
 * Requests a system may send per calendar period, across all its users and services (spec,
 * Приложение 3; footnote 10: calendar periods).
 */
export interface EpguLimits {
  perMinute?: number;
  perHour?: number;
  perDay?: number;
  perMonth?: number;
  perYear?: number;
}

export interface EpguPortalOptions {
  /**
   * How Bearer tokens are checked. 'esia' (default): only access tokens signed by this simulator's ESIA
   * portal (same seed), unexpired on the virtual clock. 'any-bearer': any JWT-shaped token whose payload
   * decodes; the signature is not checked. Both check the consent (see `requirePermissions`).
   */
  auth?: EpguAuthMode;
  /**
   * Default true, as the spec's Приложение 4 says: the token must carry the person's APIPGU consent
   * (ESIA `permissions`) covering the api-order scope, else 403 access_denied_person_permissions —
   * the api-order scope alone is not enough. false: the api-order scope suffices (goskit ≤ 0.1).
   */
  requirePermissions?: boolean;
  /**
   * Systems admitted to the API and their services and limits (also the `epgu.systems` data slice and
   * POST /__goskit/epgu/systems). None configured at start: every system is admitted to every service.
   */
  systems?: EpguSystemInput[];
  /** Largest single-push file, bytes. Default 50 000 000. */
  maxArchiveBytes?: number;
  /** Smallest chunk except the last, bytes. Default 5 000 000 (tests use e.g. 1024). */
  chunkMinBytes?: number;
  /** Largest chunk, bytes. Default 50 000 000. */
  chunkMaxBytes?: number;
  /** Largest archive assembled from chunks, bytes. Default 200 000 000 (goskit's bound; the spec names none). */
  maxChunkedArchiveBytes?: number;
  /** All chunks must arrive within this many virtual seconds of the first. Default 300. */
  chunkWindowSeconds?: number;
  /**
   * Bytes of pushed archives the simulator keeps so their files can be downloaded. Default 256 MiB;
   * past it the oldest archives' contents are dropped (their listing stays, a download answers 204).
   */
  storageMaxBytes?: number;
  /** Orders per service per user per window. Default 20 per 10 minutes. */
  orderLimit?: { count?: number; windowMinutes?: number };
  /** Requests per system per calendar period. Default 2 000 / min, 120 000 / h, 2 880 000 / day… */
  limits?: EpguLimits;
  /** Seeded chances of the failure outcomes after a push. Defaults 0.05 each. */
  outcomes?: { validationErrorRate?: number; filesFailedRate?: number };
  /**
   * Send each status change of a pushed order to its owner by SMS, e-mail and push through the
   * notifications outbox (`notificationsPortal()` must be loaded). Default false.
   */
  notifications?: boolean;
  /**
   * An unknown dictionary code: 'nsi-error' (default, as the real NSI) → 200 with `error.code` 7
   * «Entity not found»; 'not-found' → 404 `not_found` (goskit ≤ 0.1).
   */
  unknownDictionary?: 'nsi-error' | 'not-found';
}

export interface ResolvedLimits {
  perMinute: number;
  perHour: number;
  perDay: number;
  perMonth: number;
  perYear: number;
}

export interface ResolvedEpguOptions {
  auth: EpguAuthMode;
  requirePermissions: boolean;
  systems: EpguSystemInput[];
  maxArchiveBytes: number;
  chunkMinBytes: number;
  chunkMaxBytes: number;
  maxChunkedArchiveBytes: number;
  chunkWindowMs: number;
  storageMaxBytes: number;
  orderLimitCount: number;
  orderLimitWindowMs: number;
  limits: ResolvedLimits;
  validationErrorRate: number;
  filesFailedRate: number;
  notifications: boolean;
  unknownDictionary: 'nsi-error' | 'not-found';
}

export const EPGU_HOSTS = ['https://svcdev-beta.test.gosuslugi.ru', 'https://lk.gosuslugi.ru'];

/** The scope the spec names for EPGU orders (Таблица 1); the short form is accepted too. */
export const API_ORDER_SCOPES = ['http://lk.gosuslugi.ru/api-order', 'api-order'];

/** The consent type EPGU checks (Приложение 4, access_denied_person_permissions). */
export const APIPGU = 'APIPGU';

/** The spec's Приложение 3 figures. */
export const DEFAULT_LIMITS: ResolvedLimits = {
  perMinute: 2000,
  perHour: 120_000,
  perDay: 2_880_000,
  perMonth: 86_400_000,
  perYear: 1_036_800_000,
};

export function resolveLimits(
  limits: EpguLimits = {},
  base: ResolvedLimits = DEFAULT_LIMITS,
): ResolvedLimits {
  return {
    perMinute: limits.perMinute ?? base.perMinute,
    perHour: limits.perHour ?? base.perHour,
    perDay: limits.perDay ?? base.perDay,
    perMonth: limits.perMonth ?? base.perMonth,
    perYear: limits.perYear ?? base.perYear,
  };
}

export function resolveEpguOptions(options: EpguPortalOptions = {}): ResolvedEpguOptions {
  return {
    auth: options.auth ?? 'esia',
    requirePermissions: options.requirePermissions ?? true,
    systems: options.systems ?? [],
    maxArchiveBytes: options.maxArchiveBytes ?? 50_000_000,
    chunkMinBytes: options.chunkMinBytes ?? 5_000_000,
    chunkMaxBytes: options.chunkMaxBytes ?? 50_000_000,
    maxChunkedArchiveBytes: options.maxChunkedArchiveBytes ?? 200_000_000,
    chunkWindowMs: (options.chunkWindowSeconds ?? 300) * 1000,
    storageMaxBytes: options.storageMaxBytes ?? 256 * 1024 * 1024,
    orderLimitCount: options.orderLimit?.count ?? 20,
    orderLimitWindowMs: (options.orderLimit?.windowMinutes ?? 10) * 60_000,
    limits: resolveLimits(options.limits),
    validationErrorRate: options.outcomes?.validationErrorRate ?? 0.05,
    filesFailedRate: options.outcomes?.filesFailedRate ?? 0.05,
    notifications: options.notifications ?? false,
    unknownDictionary: options.unknownDictionary ?? 'nsi-error',
  };
}
