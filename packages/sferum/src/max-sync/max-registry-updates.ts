/**
 * Keeps a school's chat registry true from MAX updates: give the returned function to the poller
 * (`startPolling({ onUpdate })`) or the webhook handler. Each update that matters becomes a chat
 * event for `sync.observe` — a new chat matched by title or claim code, or reported unmatched; the bot
 * removed; a rename or a member change for the next plan. It resolves only after the registry is
 * written, so the poller commits the marker (and the webhook answers 200) only then; observing is
 * idempotent, so a redelivered update changes nothing.
 */
import type { MaxIncomingUpdate } from '../max/models.js';
import type { ChatEvent, ChatEventOutcome } from '../sync/chat-events.js';
import type { ChatSync } from '../sync/create-chat-sync.js';
import { maxChatEvent } from './max-chat-events.js';

export interface MaxRegistryUpdatesOptions {
  /** The sync over `createMaxChatTransport`. */
  sync: ChatSync;
  /** The school whose bot receives these updates. */
  schoolId: string;
  /** Every outcome, for reports: `unmatched` chats are for a person to resolve. */
  onOutcome?: (
    outcome: ChatEventOutcome,
    event: ChatEvent,
    update: MaxIncomingUpdate,
  ) => void | Promise<void>;
}

export function maxRegistryUpdates(
  options: MaxRegistryUpdatesOptions,
): (update: MaxIncomingUpdate) => Promise<void> {
  const { sync, schoolId } = options;
  return async (update) => {
    const event = maxChatEvent(update);
    if (event !== undefined) {
      const outcome = await sync.observe(schoolId, event);
      await options.onOutcome?.(outcome, event, update);
    }
  };
}
