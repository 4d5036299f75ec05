import { InvalidOptionsError, type Sleep } from '@goskit/core';
import { fromBase64Any, fromUtf8, toBase64Url, utf8 } from '@goskit/crypto';
import type { EpguContext } from './context.js';
import { getUpdatedAfter } from './statuses.js';
import { parseEpguTime, toEpochMs } from './time-format.js';

/** One status change of one order. */
export interface OrderStatusEvent {
  orderId: number;
  statusId: number;
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
  /** Events already yielded whose time is within the lookback of the watermark. */
  seen: Map<string, number>;
}

const MAX_SEEN = 10_000;

export function encodeCursor(state: CursorState): string {
  const json = JSON.stringify({ v: 1, w: state.watermark, s: [...state.seen.keys()] });
  return toBase64Url(utf8(json));
}

export function decodeCursor(cursor: string): CursorState {
  try {
    const json = fromUtf8(fromBase64Any(cursor));
    const parsed = JSON.parse(json) as { v?: unknown; w?: unknown; s?: unknown };
    if (parsed.v !== 1 || typeof parsed.w !== 'number' || !Array.isArray(parsed.s)) {
      throw new Error('shape');
    }
    const seen = new Map<string, number>();
    for (const key of parsed.s) {
      if (typeof key === 'string') {
        seen.set(key, Number(key.slice(key.lastIndexOf(':') + 1)));
      }
    }
    return { watermark: parsed.w, seen };
  } catch {
    throw new InvalidOptionsError('watchOrders cursor is not one this client produced');
  }
}

/**
 * Polls getUpdatedAfter and yields each status change once (de-duplicated by orderId + statusId +
 * updated), oldest first. EPGU has no webhooks; this is the substitute. Ends quietly when `signal`
 * aborts.
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
    state = { watermark: since, seen: new Map() };
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
    const found: Omit<OrderStatusEvent, 'cursor'>[] = [];
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
      yield { ...event, cursor: encodeCursor(state) };
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
