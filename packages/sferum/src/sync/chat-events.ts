/**
 * What happened in the messenger, told to the registry — transport-neutral, so the sync knows nothing
 * of MAX: `@goskit/sferum/max` turns MAX updates into these (`maxChatEvent`). The rule: a chat the bot
 * joined is matched to an awaiting registry entry by its title (the exact title the plan asked for,
 * compared without case, extra spaces or ё/е differences) or by the entry's one-time code posted in
 * it; exactly one candidate or nothing — an unmatched chat is reported, never guessed. Events about
 * chats the registry holds need no write: the next plan reads titles and members from the messenger.
 */

import type { ChatTransport } from './chat-transport.js';
import { claimCodesIn } from './claim-code.js';
import type { ChatRegistry, RegistryEntry } from './registry.js';

export type ChatEvent =
  /** The bot was added to a chat (MAX `bot_added`); `title` when the event carries it. */
  | { type: 'bot-added'; chatId: string; title?: string }
  /** The bot was removed (MAX `bot_removed`). */
  | { type: 'bot-removed'; chatId: string }
  | { type: 'title-changed'; chatId: string; title: string }
  | { type: 'member-added'; chatId: string; userId: string }
  | { type: 'member-removed'; chatId: string; userId: string }
  /** A message in a group chat: it may carry a claim code. */
  | { type: 'message'; chatId: string; text: string };

export type ChatEventOutcome =
  /** The chat now stands for this registry entry. */
  | { status: 'matched'; key: string; chatId: string; by: 'title' | 'code' }
  /** About a chat the registry holds: the next plan acts on it (rename, members). */
  | { status: 'known'; key: string; chatId: string }
  /** The bot left the registry's chat: the next plan reports it lost until the bot is back. */
  | { status: 'lost'; key: string; chatId: string }
  /** A chat the bot is in that no entry (or more than one) fits: for a person to resolve. */
  | {
      status: 'unmatched';
      chatId: string;
      title?: string;
      reason: 'no-match' | 'ambiguous' | 'unknown-code';
      /** Entry keys that fit equally (for `ambiguous`). */
      candidates: string[];
    }
  /** Nothing for the registry (a message without a code in an unknown chat, an unknown chat's members). */
  | { status: 'ignored'; chatId: string };

export interface ChatEventContext {
  transport: ChatTransport;
  registry: ChatRegistry;
  now: () => number;
}

/** Titles compared as people type them: NFC, trimmed, inner spaces collapsed, no case, ё as е. */
export function sameTitle(a: string, b: string): boolean {
  return normaliseTitle(a) === normaliseTitle(b);
}

function normaliseTitle(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase().replaceAll('ё', 'е');
}

export async function observeChatEvent(
  context: ChatEventContext,
  scope: string,
  event: ChatEvent,
): Promise<ChatEventOutcome> {
  const chatId = event.chatId;
  const entries = await context.registry.list(scope);
  const holder = entries.find((entry) => entry.state === 'active' && entry.chatId === chatId);
  if (holder !== undefined) {
    return { status: event.type === 'bot-removed' ? 'lost' : 'known', key: holder.key, chatId };
  }
  const waiting = entries.filter((entry) => entry.state === 'awaiting-person');
  switch (event.type) {
    case 'bot-added':
    case 'title-changed': {
      const title = event.title ?? (await remoteTitle(context, chatId));
      if (title === undefined) {
        return { status: 'unmatched', chatId, reason: 'no-match', candidates: [] };
      }
      const fits = waiting.filter((entry) => sameTitle(entry.title, title));
      if (fits.length !== 1) {
        return {
          status: 'unmatched',
          chatId,
          title,
          reason: fits.length === 0 ? 'no-match' : 'ambiguous',
          candidates: fits.map((entry) => entry.key),
        };
      }
      await attach(context, scope, fits[0] as RegistryEntry, chatId, title);
      return { status: 'matched', key: (fits[0] as RegistryEntry).key, chatId, by: 'title' };
    }
    case 'message': {
      const codes = claimCodesIn(event.text);
      if (codes.length === 0) {
        return { status: 'ignored', chatId };
      }
      const fits = waiting.filter(
        (entry) => entry.claimCode !== undefined && codes.includes(entry.claimCode),
      );
      if (fits.length !== 1) {
        return {
          status: 'unmatched',
          chatId,
          reason: fits.length === 0 ? 'unknown-code' : 'ambiguous',
          candidates: fits.map((entry) => entry.key),
        };
      }
      const entry = fits[0] as RegistryEntry;
      // The chat's own title becomes the one last applied: the next plan renames it to the registry's.
      await attach(context, scope, entry, chatId, (await remoteTitle(context, chatId)) ?? entry.title);
      return { status: 'matched', key: entry.key, chatId, by: 'code' };
    }
    default:
      return { status: 'ignored', chatId };
  }
}

async function remoteTitle(context: ChatEventContext, chatId: string): Promise<string | undefined> {
  const state = (await context.transport.getChats([chatId])).get(chatId);
  return state?.available ? state.title : undefined;
}

async function attach(
  context: ChatEventContext,
  scope: string,
  entry: RegistryEntry,
  chatId: string,
  title: string,
): Promise<void> {
  const { claimCode: _used, ...rest } = entry;
  await context.registry.put(scope, { ...rest, state: 'active', chatId, title, updatedAt: context.now() });
}
