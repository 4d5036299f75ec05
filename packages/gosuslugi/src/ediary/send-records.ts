/**
 * Sends records to the feed in batches of at most `batchSize`. Each batch carries an idempotency key
 * derived from its content (school, kind and the records, SHA-256): a batch retried after a lost
 * answer — by core's retry loop, on a backup server, or by running the whole transfer again — is
 * applied once, and the feed answers the stored per-record results (`replayed: true`).
 */
import type { EdiaryContext } from './context.js';
import { feedRequest } from './feed-request.js';
import { type AnyRecord, type BatchResult, batchResultSchema, type RecordKind } from './models.js';

export interface SentBatch {
  idempotencyKey: string;
  batchId: string;
  replayed: boolean;
  records: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  /** The feed server that answered. */
  server: string;
}

export interface TransferSummary {
  batches: SentBatch[];
  sent: number;
  accepted: number;
  rejected: number;
  /** Records the feed had applied already (another batch, an earlier run). */
  duplicates: number;
  /** The feed's refusals, record by record (the first 1000). */
  refusals: { id: string; code: string; message?: string }[];
}

export function emptySummary(): TransferSummary {
  return { batches: [], sent: 0, accepted: 0, rejected: 0, duplicates: 0, refusals: [] };
}

const MAX_REFUSALS = 1000;

async function batchKey(schoolId: string, kind: RecordKind, body: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`${schoolId}\n${kind}\n${body}`),
  );
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `ediary-${kind}-${hex.slice(0, 48)}`;
}

/** One batch; the summary is updated in place. */
export async function sendBatch(
  context: EdiaryContext,
  kind: RecordKind,
  records: readonly AnyRecord[],
  summary: TransferSummary,
): Promise<SentBatch> {
  const body = JSON.stringify(records);
  const idempotencyKey = await batchKey(context.school.id, kind, body);
  const answer = await feedRequest<BatchResult>(context.transport, {
    method: 'POST',
    path: '/api/ediary/v1/batches',
    auth: { system: context.systemToken },
    json: { schoolId: context.school.id, kind, records },
    schema: batchResultSchema,
    idempotencyKey,
  });
  const result = answer.data;
  const sent: SentBatch = {
    idempotencyKey,
    batchId: result.batchId,
    replayed: result.replayed,
    records: records.length,
    accepted: result.accepted,
    rejected: result.rejected,
    duplicates: result.duplicates,
    server: answer.server,
  };
  summary.batches.push(sent);
  summary.sent += records.length;
  summary.accepted += result.accepted;
  summary.rejected += result.rejected;
  summary.duplicates += result.duplicates;
  for (const item of result.results) {
    if (item.status === 'rejected' && summary.refusals.length < MAX_REFUSALS) {
      summary.refusals.push({
        id: item.id,
        code: item.code ?? 'rejected',
        ...(item.message === undefined ? {} : { message: item.message }),
      });
    }
  }
  return sent;
}

/** Any number of records, in batches of `context.batchSize`. */
export async function sendRecords(
  context: EdiaryContext,
  kind: RecordKind,
  records: Iterable<AnyRecord> | AsyncIterable<AnyRecord>,
): Promise<TransferSummary> {
  const summary = emptySummary();
  let batch: AnyRecord[] = [];
  for await (const record of records) {
    batch.push(record);
    if (batch.length >= context.batchSize) {
      await sendBatch(context, kind, batch, summary);
      batch = [];
    }
  }
  if (batch.length > 0) {
    await sendBatch(context, kind, batch, summary);
  }
  return summary;
}
