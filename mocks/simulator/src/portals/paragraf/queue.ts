/**
 * The exchange queue: a push is accepted at once (`pushResponse{result:true, queueId}` means queued,
 * not processed) and its state is read off the virtual clock — `queued` for `queuedMs`, `processing`
 * for `processingMs` (processed grows with time), then `done`, or `failed` when the push had problems.
 */
import type { ResolvedParagrafOptions } from './options.js';
import type { ParagrafQueueItem, ParagrafQueueOperation, ParagrafState } from './state.js';

export type QueueItemState = 'queued' | 'processing' | 'done' | 'failed';

export interface QueueItemView {
  queueId: string;
  schoolId: string;
  operation: ParagrafQueueOperation;
  state: QueueItemState;
  processed: number;
  total: number;
  errors: { code: string; text: string }[];
  /** ISO, virtual. */
  acceptedAt: string;
}

/** Bound of the errors an item keeps (the rest are counted in the last one). */
export const MAX_QUEUE_ERRORS = 100;
/** Items kept; the oldest go first. */
const MAX_QUEUE_ITEMS = 10_000;

export function enqueue(
  state: ParagrafState,
  input: Omit<ParagrafQueueItem, 'queueId' | 'errors'> & { errors: { code: string; text: string }[] },
): ParagrafQueueItem {
  state.queueCounter++;
  const armed = state.failNext.shift();
  const errors = armed === undefined ? input.errors : [armed, ...input.errors];
  const bounded =
    errors.length > MAX_QUEUE_ERRORS
      ? [
          ...errors.slice(0, MAX_QUEUE_ERRORS - 1),
          { code: 'MORE_ERRORS', text: `ещё ошибок: ${errors.length - MAX_QUEUE_ERRORS + 1}` },
        ]
      : errors;
  const item: ParagrafQueueItem = { ...input, queueId: `Q-${state.queueCounter}`, errors: bounded };
  state.queue.set(item.queueId, item);
  if (state.queue.size > MAX_QUEUE_ITEMS) {
    const oldest = state.queue.keys().next().value;
    if (oldest !== undefined) {
      state.queue.delete(oldest);
    }
  }
  return item;
}

export function viewOf(
  item: ParagrafQueueItem,
  nowMs: number,
  options: ResolvedParagrafOptions,
): QueueItemView {
  const elapsed = nowMs - item.acceptedAt;
  let itemState: QueueItemState;
  let processed = 0;
  if (elapsed < options.queuedMs) {
    itemState = 'queued';
  } else if (elapsed < options.queuedMs + options.processingMs) {
    itemState = 'processing';
    processed = Math.floor((item.total * (elapsed - options.queuedMs)) / Math.max(1, options.processingMs));
  } else {
    itemState = item.errors.length > 0 ? 'failed' : 'done';
    processed = item.total;
  }
  return {
    queueId: item.queueId,
    schoolId: item.schoolId,
    operation: item.operation,
    state: itemState,
    processed,
    total: item.total,
    errors: itemState === 'failed' ? item.errors : [],
    acceptedAt: new Date(item.acceptedAt).toISOString(),
  };
}
