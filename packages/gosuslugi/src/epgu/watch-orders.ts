import { InvalidOptionsError, type Sleep } from '@goskit/core';
import { fromBase64Any, fromUtf8, toBase64Url, utf8 } from '@goskit/crypto';
import type { EpguContext } from './context.js';
import { getUpdatedAfter } from './statuses.js';
import { parseEpguTime, toEpochMs } from './time-format.js';

/** One status change of one order. */
export interface OrderStatusEvent {
  orderId: number;
  statusId: number;
  /**
   * The status this watcher last reported for the order — what changed, from → to; undefined the
   * first time the watcher (or the cursor it resumed from) sees the order.
   */
  previousStatusId: number | undefined;
  statusName: string;
  /** As EPGU wrote it. */
  updated: string;
  updatedAt: Date;
  /** Pass back as `cursor` to continue exactly after this event (after a restart too). */
  cursor: string;
}

export interface WatchOrdersOptions {
  /** Start after this instant. Required unless `cursor` is given. */
  since?: Date | number | string;
  /** A previous event's cursor: resume exactly after it. Wins over `since`. */
  cursor?: string;
  /** Pause between polls, ms. Default 60 000 (mind the 2 000/min limit when many watchers share a token). */
  interval?: number;
  pageSize?: number;
  /** Ask again this far back each poll, to catch statuses EPGU records late; duplicates are dropped. Default 0. */
  lookbackMs?: number;
  signal?: AbortSignal;
  /** Overrides the client's sleep for this watcher (virtual clocks in tests). */
  sleep?: Sleep;
}

interface CursorState {
  /** Newest `updated` seen, epoch ms. */
  watermark: number;
  /** Events already handled whose time is within the lookback of the watermark. */
  seen: Map<string, number>;
  /** The status last reported per order (insertion order = least recently changed first). */
  last: Map<number, number>;
}

const MAX_SEEN = 10_000;
/** Orders whose last reported status the watcher remembers (the oldest are forgotten first). */
const MAX_ORDERS = 10_000;

export function encodeCursor(state: CursorState): string {
  const json = JSON.stringify({ v: 2, w: state.watermark, s: [...state.seen.keys()], l: [...state.last] });
  return toBase64Url(utf8(json));
}

export function decodeCursor(cursor: string): CursorState {
  try {
    const json = fromUtf8(fromBase64Any(cursor));
    const parsed = JSON.parse(json) as { v?: unknown; w?: unknown; s?: unknown; l?: unknown };
    // v1 cursors (before previousStatusId) carry no per-order memory; they still resume.
    const lastEntries = parsed.v === 1 ? [] : parsed.l;
    if (
      (parsed.v !== 1 && parsed.v !== 2) ||
      typeof parsed.w !== 'number' ||
      !Array.isArray(parsed.s) ||
      !Array.isArray(lastEntries)
    ) {
      throw new Error('shape');
    }
    const seen = new Map<string, number>();
    for (const key of parsed.s) {
      if (typeof key === 'string') {
        seen.set(key, Number(key.slice(key.lastIndexOf(':') + 1)));
      }
    }
    const last = new Map<number, number>();
    for (const entry of lastEntries.slice(-MAX_ORDERS)) {
      if (Array.isArray(entry) && Number.isInteger(entry[0]) && Number.isInteger(entry[1])) {
        last.set(entry[0] as number, entry[1] as number);
      }
    }
    return { watermark: parsed.w, seen, last };
  } catch {
    throw new InvalidOptionsError('watchOrders cursor is not one this client produced');
  }
}

/**
 * Polls getUpdatedAfter and yields each status change once, oldest first. EPGU has no webhooks; this
 * is the substitute. A change is a new status of an order: an entry whose `updated` moved while its
 * status stayed what the watcher last reported (EPGU touches orders for other reasons) is passed
 * over, so two consecutive events of one order always differ, and each says where it came from
 * (`previousStatusId`). Entries are de-duplicated by orderId + statusId + updated. Ends quietly when
 * `signal` aborts.
 */
export async function* watchOrders(
  context: EpguContext,
  options: WatchOrdersOptions,
): AsyncGenerator<OrderStatusEvent> {
  const offset = context.timeZoneOffsetMinutes;
  let state: CursorState;
  if (options.cursor !== undefined) {
    state = decodeCursor(options.cursor);
  } else if (options.since !== undefined) {
    const since = toEpochMs(options.since, offset);
    if (Number.isNaN(since)) {
      throw new InvalidOptionsError('watchOrders since must be a Date, epoch ms or EPGU time');
    }
    state = { watermark: since, seen: new Map(), last: new Map() };
  } else {
    throw new InvalidOptionsError('watchOrders needs since or cursor');
  }
  const interval = options.interval ?? 60_000;
  const lookback = options.lookbackMs ?? 0;
  const wait = options.sleep ?? context.sleep;
  const { signal } = options;
  if (!(interval >= 0) || !(lookback >= 0)) {
    throw new InvalidOptionsError('interval and lookbackMs must be non-negative');
  }
  while (!signal?.aborted) {
    const found: Omit<OrderStatusEvent, 'cursor' | 'previousStatusId'>[] = [];
    try {
      for await (const item of getUpdatedAfter(context, {
        updatedAfter: state.watermark - lookback,
        ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
        ...(signal ? { signal } : {}),
      })) {
        if (item.status === null) {
          continue;
        }
        const at = parseEpguTime(item.status.updated, offset);
        if (Number.isNaN(at)) {
          continue;
        }
        found.push({
          orderId: item.orderId,
          statusId: item.status.statusId,
          statusName: item.status.statusName,
          updated: item.status.updated,
          updatedAt: new Date(at),
        });
      }
    } catch (error) {
      if (signal?.aborted) {
        return;
      }
      throw error;
    }
    found.sort(
      (a, b) =>
        a.updatedAt.getTime() - b.updatedAt.getTime() || a.orderId - b.orderId || a.statusId - b.statusId,
    );
    for (const event of found) {
      const at = event.updatedAt.getTime();
      const key = `${event.orderId}:${event.statusId}:${at}`;
      if (state.seen.has(key) || at < state.watermark - lookback) {
        continue;
      }
      state.seen.set(key, at);
      state.watermark = Math.max(state.watermark, at);
      for (const [seenKey, seenAt] of state.seen) {
        if (seenAt < state.watermark - lookback || state.seen.size > MAX_SEEN) {
          state.seen.delete(seenKey);
        }
      }
      const previousStatusId = state.last.get(event.orderId);
      if (previousStatusId === event.statusId) {
        continue; // touched, not changed: nothing to report
      }
      state.last.delete(event.orderId);
      state.last.set(event.orderId, event.statusId);
      if (state.last.size > MAX_ORDERS) {
        const oldest = state.last.keys().next().value;
        if (oldest !== undefined) {
          state.last.delete(oldest);
        }
      }
      yield { ...event, previousStatusId, cursor: encodeCursor(state) };
      if (signal?.aborted) {
        return;
      }
    }
    try {
      await wait(interval, signal);
    } catch (error) {
      if (signal?.aborted) {
        return;
      }
      throw error;
    }
  }
}
