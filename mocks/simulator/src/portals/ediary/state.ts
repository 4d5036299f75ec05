/**
 * The e-diary feed's state: connections (one per school and parent), the batches already applied
 * by idempotency key (their answers kept for replays, the oldest dropped past a bound), the record
 * ids applied per school and kind (a record is applied once, whichever batch carries it; a bounded
 * window, applied-ids.ts) and the deviation reports received. Plain data in Maps and Sets, so snapshots clone it.
 */

export type MatchedBy = 'snils' | 'name-birthdate';

export interface FeedPupil {
  pupilId: string;
  kidId: string;
  classId?: string;
  by: MatchedBy;
}

export interface FeedConnection {
  connectionId: string;
  schoolId: string;
  schoolTitle: string;
  parentOid: string;
  linkedAtMs: number;
  updatedAtMs: number;
  pupils: FeedPupil[];
}

export interface RecordResult {
  id: string;
  status: 'accepted' | 'rejected' | 'duplicate';
  code?: string;
  message?: string;
}

export interface BatchAnswer {
  batchId: string;
  idempotencyKey: string;
  replayed: boolean;
  received: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  results: RecordResult[];
}

export interface StoredBatch {
  /** A digest of the request body: the same key with another body is refused. */
  digest: string;
  answer: BatchAnswer;
}

export interface DeviationReportEntry {
  reportId: string;
  schoolId: string;
  file: string;
  deviations: number;
  receivedAtMs: number;
}

export interface EdiaryState {
  connections: Map<string, FeedConnection>;
  /** `<schoolId>\n<parentOid>` → connection id. */
  byParent: Map<string, string>;
  /** `<clientId>\n<idempotency key>` → the batch. */
  batches: Map<string, StoredBatch>;
  /**
   * `<schoolId>\n<kind>\n<record id>` → when it was applied (virtual ms), least recently seen first;
   * bounded (applied-ids.ts).
   */
  applied: Map<string, number>;
  /** Ids dropped from `applied` to keep it within its bound. */
  forgottenIds: number;
  reports: DeviationReportEntry[];
  nextConnection: number;
  nextBatch: number;
  nextReport: number;
}

/** Batches remembered for replays; past it the oldest are forgotten. */
export const MAX_STORED_BATCHES = 10_000;
/** Deviation reports kept for the dashboard. */
export const MAX_REPORTS = 1000;

export function createEdiaryState(): EdiaryState {
  return {
    connections: new Map(),
    byParent: new Map(),
    batches: new Map(),
    applied: new Map(),
    forgottenIds: 0,
    reports: [],
    nextConnection: 1,
    nextBatch: 1,
    nextReport: 1,
  };
}

export const parentKey = (schoolId: string, parentOid: string) => `${schoolId}\n${parentOid}`;
