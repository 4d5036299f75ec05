import type { ClientOptions, FailoverPolicy, KeyValueStore, TokenProvider } from '@goskit/core';
import type { EsiaClient } from '../esia/create-esia-client.js';
import type { SchoolPupil } from './models.js';

/**
 * Where Gosuslugi's e-diary feed answers: one base URL, or a primary and backups (the client then
 * fails over between them). Gosuslugi publishes no e-diary API: goskit's contract is its own
 * (openapi/ediary.yaml); the simulator serves it at `<goskit-sim>/ediary`.
 */
export interface EdiaryEnvironment {
  baseUrl: string;
  /** Backup servers of the same feed, in order of preference. */
  backupUrls?: readonly string[];
}

/**
 * The scope the school's system asks ESIA for (client credentials) to send data to the feed —
 * goskit's own name, like the feed itself.
 */
export const EDIARY_FEED_SCOPE = 'http://ediary-feed.goskit.test/records';

/**
 * Options of `createEdiaryClient`: core's shared client options (fetch, retry, timeout, logger, hooks,
 * clock…) plus the e-diary's own.
 */
export interface EdiaryClientOptions extends ClientOptions {
  environment: EdiaryEnvironment;
  /** The ESIA client the parent signs in with; it reads their children and issues the system token. */
  esia: EsiaClient;
  /** The school this e-diary serves. */
  school: { id: string; title?: string };
  /** The school's pupils (the e-diary's register): a list, or a function read once per link/check. */
  pupils: readonly SchoolPupil[] | (() => Promise<Iterable<SchoolPupil>> | Iterable<SchoolPupil>);
  /** Where links live (connection id, time, pupils). Default: an in-process MemoryStore. */
  linkStore?: KeyValueStore;
  /** Prefix of the link store's keys. Default 'goskit:ediary:link:'. */
  linkKeyPrefix?: string;
  /**
   * The system's token for data transfer. Default: `esia.clientCredentials([EDIARY_FEED_SCOPE])`,
   * cached and refreshed ahead of expiry.
   */
  systemToken?: TokenProvider;
  /** When to leave the primary feed server for a backup (core's failover policy). */
  failover?: FailoverPolicy;
  /** Records per batch, 1–1000. Default 500. */
  batchSize?: number;
  /** Deviations kept in a report (all are counted). Default 1000. */
  maxDeviations?: number;
  /** Send each deviation report's summary to the feed, which notifies the school's administrator. Default true. */
  notifyAdministrator?: boolean;
}
