/**
 * Reads the school bot's queued MAX updates once, the way a run from cron does (a bot that runs all
 * the time uses `max.startPolling` with the same handler): polls with `timeout: 0`, handles each
 * batch update by update, in order, and sends the batch's marker with the next poll only after its
 * last handler finished — MAX commits a batch when its marker comes back, so an update whose
 * handler failed (or a run killed half-way) is delivered again. Stops at the first empty poll,
 * which has committed everything before it. Polls start at least 300 ms apart (MAX's minimum).
 */
import type { MaxClient, MaxIncomingUpdate, MaxUpdateType } from '@goskit/sferum/max';

/** What the registry listens to: chats joined and left, renames, members, codes posted in chats. */
export const REGISTRY_UPDATE_TYPES: readonly MaxUpdateType[] = [
  'bot_added',
  'bot_removed',
  'chat_title_changed',
  'user_added',
  'user_removed',
  'message_created',
];

const MIN_INTERVAL_MS = 300;

export async function readQueuedUpdates(
  max: MaxClient,
  onUpdate: (update: MaxIncomingUpdate) => Promise<void>,
  options: { minIntervalMs?: number } = {},
): Promise<number> {
  const minIntervalMs = options.minIntervalMs ?? MIN_INTERVAL_MS;
  let marker: number | null = null;
  let handled = 0;
  let lastStart = Number.NEGATIVE_INFINITY;
  for (;;) {
    const wait = lastStart + minIntervalMs - Date.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    lastStart = Date.now();
    const batch = await max.getUpdates({ marker, timeout: 0, limit: 100, types: REGISTRY_UPDATE_TYPES });
    if (batch.updates.length === 0) {
      return handled;
    }
    for (const update of batch.updates) {
      await onUpdate(update);
      handled += 1;
    }
    if (batch.marker === null) {
      return handled; // no marker to commit with: the next run gets these again (handlers are idempotent)
    }
    marker = batch.marker;
  }
}
