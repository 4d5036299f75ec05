/** The request journal: what every request was answered, queryable and verifiable. */

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
  /** Size in bytes of the response body; for a streamed body, what was sent so far. */
  responseBodyBytes?: number;
  /** SHA-256 (hex) of the whole response body (a streamed one: once it was sent completely). */
  responseBodySha256?: string;
  /**
   * Only for a streamed body (`SimResponse.bodyStream`): 'open' while it is being sent, then
   * 'complete', 'cancelled' (the client went away or the body was discarded) or 'failed' (the
   * producer threw, or a truncate fault cut it). Its excerpt and hash are filled in when it ends.
   */
  responseBodyStream?: 'open' | 'complete' | 'cancelled' | 'failed';
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
