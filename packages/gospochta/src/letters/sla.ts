/**
 * SLA of legally significant letters (issue 16 §3): confirmation — the first legal fact, delivered,
 * read, refused or failed — within 5 minutes of acceptance, and at most 0.1% failures. Times come
 * from the portal's status history (its clock: the simulator's virtual one), so a report does not
 * depend on how often the client polled. `measureSla` reports any set of sent letters; `sendBatch`
 * sends a batch with bounded concurrency, waits for each confirmation and reports it.
 */
import type { GospochtaContext } from '../client/context.js';
import type { OutgoingLetter } from './models.js';
import { type SendLetterInput, type SentLetter, sendLetter } from './send-letter.js';
import { CONFIRMED_STATUSES, type LetterStatus } from './statuses.js';
import { waitForStatus } from './wait-for-status.js';

export interface SlaOptions {
  /** Confirmation deadline after acceptance, ms. Default 300 000 (5 min). */
  confirmWithinMs?: number;
  /** Largest acceptable share of `failed` letters. Default 0.001 (0.1%). */
  maxFailureRate?: number;
  /** "Now" for letters still unconfirmed, ms. Default: the latest time in the histories. */
  now?: number;
}

export interface SlaReport {
  total: number;
  /** Letters with a legal fact. */
  confirmed: number;
  confirmedWithinSla: number;
  /** Confirmed, but after the deadline. */
  late: number;
  /** No legal fact yet (counted late once the deadline has passed). */
  unconfirmed: number;
  byStatus: Record<LetterStatus, number>;
  /** Letters that could not be sent at all (sendBatch only). */
  sendFailures: number;
  /** (failed + send failures) / total. */
  failureRate: number;
  /** Acceptance → confirmation, ms, over confirmed letters. */
  confirmationMs: { p50: number; p95: number; p99: number; max: number } | undefined;
  confirmWithinMs: number;
  maxFailureRate: number;
  /** Every letter confirmed within the deadline and the failure rate within its limit. */
  slaMet: boolean;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** When the letter first reached a legal fact, ms (undefined while none). */
export function confirmedAt(letter: OutgoingLetter): number | undefined {
  const first = letter.statusHistory.find((change) => CONFIRMED_STATUSES.has(change.status));
  if (first) {
    return Date.parse(first.at);
  }
  return CONFIRMED_STATUSES.has(letter.status) ? Date.parse(letter.updatedAt) : undefined;
}

export function measureSla(
  letters: readonly OutgoingLetter[],
  options: SlaOptions & { sendFailures?: number } = {},
): SlaReport {
  const confirmWithinMs = options.confirmWithinMs ?? 300_000;
  const maxFailureRate = options.maxFailureRate ?? 0.001;
  const sendFailures = options.sendFailures ?? 0;
  const byStatus: Record<LetterStatus, number> = {
    accepted: 0,
    sent: 0,
    delivered: 0,
    read: 0,
    refused: 0,
    failed: 0,
  };
  const durations: number[] = [];
  let latest = Number.NEGATIVE_INFINITY;
  for (const letter of letters) {
    for (const change of letter.statusHistory) {
      latest = Math.max(latest, Date.parse(change.at));
    }
    latest = Math.max(latest, Date.parse(letter.updatedAt));
  }
  const now = options.now ?? latest;
  let withinSla = 0;
  let late = 0;
  let unconfirmed = 0;
  for (const letter of letters) {
    byStatus[letter.status] += 1;
    const accepted = Date.parse(letter.acceptedAt);
    const at = confirmedAt(letter);
    if (at === undefined) {
      unconfirmed += 1;
      if (now - accepted > confirmWithinMs) {
        late += 1;
      }
      continue;
    }
    const took = Math.max(0, at - accepted);
    durations.push(took);
    if (took <= confirmWithinMs) {
      withinSla += 1;
    } else {
      late += 1;
    }
  }
  durations.sort((a, b) => a - b);
  const total = letters.length + sendFailures;
  const failureRate = total === 0 ? 0 : (byStatus.failed + sendFailures) / total;
  return {
    total,
    confirmed: durations.length,
    confirmedWithinSla: withinSla,
    late,
    unconfirmed,
    byStatus,
    sendFailures,
    failureRate,
    confirmationMs:
      durations.length === 0
        ? undefined
        : {
            p50: percentile(durations, 50),
            p95: percentile(durations, 95),
            p99: percentile(durations, 99),
            max: durations[durations.length - 1] as number,
          },
    confirmWithinMs,
    maxFailureRate,
    slaMet: total > 0 && withinSla === total && failureRate <= maxFailureRate,
  };
}

export interface BatchOptions extends SlaOptions {
  /** Letters in flight at once. Default 4. */
  concurrency?: number;
  /** Poll interval while waiting for confirmations, ms. Default 2 000. */
  pollIntervalMs?: number;
  /** Longest wait for one letter's confirmation, ms. Default: confirmWithinMs × 2. */
  waitTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface BatchItemResult {
  index: number;
  sent: SentLetter | undefined;
  /** The letter as last seen (confirmed, or as it was when the wait ended). */
  letter: OutgoingLetter | undefined;
  error: unknown;
}

export interface BatchResult {
  items: BatchItemResult[];
  report: SlaReport;
}

export async function sendBatch(
  context: GospochtaContext,
  letters: readonly SendLetterInput[],
  options: BatchOptions = {},
): Promise<BatchResult> {
  const concurrency = Math.max(1, Math.min(64, Math.floor(options.concurrency ?? 4)));
  const confirmWithinMs = options.confirmWithinMs ?? 300_000;
  const items: BatchItemResult[] = letters.map((_, index) => ({
    index,
    sent: undefined,
    letter: undefined,
    error: undefined,
  }));
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= letters.length) {
        return;
      }
      const item = items[index] as BatchItemResult;
      try {
        item.sent = await sendLetter(context, {
          ...(letters[index] as SendLetterInput),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        item.letter = item.sent.letter;
        item.letter = await waitForStatus(context, item.sent.letter.id, {
          until: 'confirmed',
          intervalMs: options.pollIntervalMs ?? 2_000,
          timeoutMs: options.waitTimeoutMs ?? confirmWithinMs * 2,
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (error) {
        item.error = error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, letters.length) }, worker));
  const seen = items.flatMap((item) => (item.letter ? [item.letter] : []));
  const report = measureSla(seen, {
    ...options,
    confirmWithinMs,
    sendFailures: items.filter((item) => item.sent === undefined).length,
    now: context.clock.now(),
  });
  return { items, report };
}
