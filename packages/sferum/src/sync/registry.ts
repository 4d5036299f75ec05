/**
 * The school's chat registry: which messenger chat stands for which desired chat, the title last
 * applied, the members the sync added, the invite link — and, for a create in progress, the intent
 * written before the messenger is asked. A crash between "created in the messenger" and "recorded
 * here" leaves the intent; the next plan finds the chat by its title instead of creating another.
 */
import type { ChatType } from './chat-types.js';

export type RegistryState =
  | 'creating' // intent written, the messenger may or may not have the chat
  | 'active' // chatId known
  | 'awaiting-person'; // a person must create the chat (MAX)

export interface RegistryEntry {
  key: string;
  type: ChatType;
  state: RegistryState;
  chatId?: string;
  /** The title last applied to (or adopted from) the messenger. */
  title: string;
  /** A title adopted from the messenger, and the template title it replaced. */
  titleOverride?: { title: string; templateTitle: string };
  /** For `creating`: what was about to be created, when. */
  intent?: { title: string; startedAt: number };
  /** User ids the sync put in the chat (only these and linked school people are ever removed). */
  addedMemberIds: string[];
  inviteLink?: string;
  updatedAt: number;
}

export interface ChatRegistry {
  /** Every entry of a scope (`<transport>:<schoolId>`). */
  list(scope: string): Promise<RegistryEntry[]>;
  get(scope: string, key: string): Promise<RegistryEntry | undefined>;
  put(scope: string, entry: RegistryEntry): Promise<void>;
  remove(scope: string, key: string): Promise<boolean>;
}
