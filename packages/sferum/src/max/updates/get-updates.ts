/**
 * One long poll: `GET /updates?limit=&timeout=&marker=&types=`. `limit` 1–1000 (default 100),
 * `timeout` 0–90 s (default 30). Passing `marker` commits every update before it, so a caller passes
 * the marker of a batch only once that batch is handled (the poller does). The attempt timeout is the
 * poll's own plus a margin, so a quiet 30-second poll is not cut short.
 */
import { type CallOptions, type MaxContext, maxCall } from '../context.js';
import { MaxError } from '../errors/max-error.js';
import { MaxInputError } from '../errors/max-input-error.js';
import { checkUpdateTypes } from '../methods/subscriptions.js';
import type { MaxIncomingUpdate, MaxUpdateType } from '../models.js';

export interface GetUpdatesOptions extends CallOptions {
  /** The marker of the last handled batch; commits everything before it. */
  marker?: number | null;
  /** 1–1000, default 100. */
  limit?: number;
  /** Seconds the poll may wait for an update, 0–90; default 30. */
  timeout?: number;
  /** Only these update types. */
  types?: readonly MaxUpdateType[];
}

export interface UpdatesBatch {
  updates: MaxIncomingUpdate[];
  /** Send it with the next poll once these updates are handled; null when MAX gave none. */
  marker: number | null;
}

/** Extra time over the poll's own timeout before the attempt counts as hung, ms. */
export const POLL_MARGIN_MS = 15_000;

function integerIn(field: string, value: number, min: number, max: number): number {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    throw new MaxInputError(field, `range-${min}-${max}`, {
      ru: `${field} — целое число от ${min} до ${max}.`,
      en: `${field} is an integer from ${min} to ${max}.`,
    });
  }
  return value;
}

/** The query of a poll, checked once (the poller reuses it). */
export function updatesQuery(options: Omit<GetUpdatesOptions, 'marker' | 'signal'>): {
  query: Record<string, string | number>;
  timeout: number;
} {
  const timeout = integerIn('timeout', options.timeout ?? 30, 0, 90);
  const query: Record<string, string | number> = {
    limit: integerIn('limit', options.limit ?? 100, 1, 1000),
    timeout,
  };
  if (options.types !== undefined && options.types.length > 0) {
    query.types = checkUpdateTypes(options.types, 'types').join(',');
  }
  return { query, timeout };
}

export async function getUpdates(
  context: MaxContext,
  options: GetUpdatesOptions = {},
): Promise<UpdatesBatch> {
  const { query, timeout } = updatesQuery(options);
  return pollOnce(context, query, timeout, options.marker, options.signal);
}

/** The request itself, for the poller's hot loop (the query is checked already). */
export async function pollOnce(
  context: MaxContext,
  baseQuery: Record<string, string | number>,
  timeoutSeconds: number,
  marker: number | null | undefined,
  signal: AbortSignal | undefined,
): Promise<UpdatesBatch> {
  if (marker !== undefined && marker !== null && !Number.isSafeInteger(marker)) {
    throw new MaxInputError('marker', 'integer', {
      ru: 'marker — целое число из предыдущего ответа.',
      en: 'marker is the integer the previous poll returned.',
    });
  }
  const query = marker === undefined || marker === null ? baseQuery : { ...baseQuery, marker };
  const batch = await maxCall<unknown>(context, {
    method: 'GET',
    path: '/updates',
    query,
    timeout: timeoutSeconds * 1000 + POLL_MARGIN_MS,
    ...(signal === undefined ? {} : { signal }),
  });
  return checkBatch(batch);
}

/**
 * The envelope a poll relies on, checked in one pass without copying (a batch holds up to 1000
 * updates: a schema library's copy of each would cost more than the request): an `updates` array of
 * objects with a string `update_type` and a number `timestamp`, and an integer or null `marker`.
 */
function checkBatch(batch: unknown): UpdatesBatch {
  const { updates, marker } = (batch ?? {}) as { updates?: unknown; marker?: unknown };
  let valid =
    Array.isArray(updates) && (marker === undefined || marker === null || Number.isSafeInteger(marker));
  if (valid) {
    for (const update of updates as unknown[]) {
      const item = update as { update_type?: unknown; timestamp?: unknown } | null;
      if (
        item === null ||
        typeof item !== 'object' ||
        typeof item.update_type !== 'string' ||
        typeof item.timestamp !== 'number'
      ) {
        valid = false;
        break;
      }
    }
  }
  if (!valid) {
    throw new MaxError(
      'INVALID_RESPONSE',
      'GET /updates answered a body that is not { updates: Update[], marker }',
    );
  }
  return { updates: updates as MaxIncomingUpdate[], marker: (marker as number | null | undefined) ?? null };
}
