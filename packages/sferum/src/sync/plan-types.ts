/**
 * What `plan()` returns and `apply()` runs. A step has an actor: `sync` steps change the messenger,
 * `registry` steps only correct the registry, `person` steps are for people — link a profile, join
 * by the invite link, or (MAX) create the chat with this exact title. A second run of an applied
 * plan has no `sync` and no `registry` steps; person steps stay until the people act.
 */
import type { ErrorHint } from '../errors/sferum-error.js';
import type { StaleReason } from '../links/link-status.js';
import type { SchoolPersonRole } from '../links/person-link.js';
import type { ChatType } from './chat-types.js';

/** ✓ linked and in the chat (or about to be added), ✗ not linked or stale. */
export type MemberMark = '✓' | '✗';

export interface PlannedMember {
  personId: string;
  role: SchoolPersonRole;
  name: string;
  link: 'linked' | 'not-linked' | 'stale';
  mark: MemberMark;
  staleReason?: StaleReason;
  userId?: string;
  inChat: boolean;
  /**
   * `none` in the chat; `add` the sync adds them; `add-on-create` with the new chat;
   * `join-by-invite` the transport cannot add them — they get the invite link; `must-link` they must
   * link their profile first.
   */
  action: 'none' | 'add' | 'add-on-create' | 'join-by-invite' | 'must-link';
}

export type PlannedChatStatus =
  | 'new' // will be created
  | 'reconcile' // an interrupted create was found in the messenger
  | 'in-sync'
  | 'changes'
  | 'awaiting-person' // a person must create it
  | 'lost'; // the registry's chat is gone or out of reach

export interface PlannedChat {
  key: string;
  type: ChatType;
  title: string;
  classId?: string;
  className?: string;
  subjectId?: string;
  subjectName?: string;
  chatId?: string;
  status: PlannedChatStatus;
  /** The title the messenger shows, when it differs from `title`. */
  remoteTitle?: string;
  members: PlannedMember[];
  /** Share of the desired members whose profile is linked, 0–100. */
  linkedPercent: number;
}

interface StepBase {
  /** Desired chat key. */
  key: string;
}

export type SyncStep = StepBase &
  (
    | {
        kind: 'create-chat';
        actor: 'sync';
        type: ChatType;
        title: string;
        memberIds: string[];
        /** The lost chat this one replaces (`recreateLost`). */
        replaces?: string;
      }
    | { kind: 'rename-chat'; actor: 'sync'; chatId: string; from: string; to: string }
    | { kind: 'add-member'; actor: 'sync'; userId: string; personId: string }
    | { kind: 'remove-member'; actor: 'sync'; chatId: string; userId: string; personId?: string }
    | { kind: 'fetch-invite-link'; actor: 'sync' }
  );

export type RegistryStep = StepBase &
  /** An interrupted create: the chat was found in the messenger by its title and is recorded. */
  (
    | { kind: 'adopt-found-chat'; actor: 'registry'; chatId: string; title: string }
    | {
        kind: 'adopt-title';
        actor: 'registry';
        chatId: string;
        from: string;
        to: string;
        templateTitle: string;
      }
    | { kind: 'record-title'; actor: 'registry'; chatId: string; title: string }
    | { kind: 'await-person'; actor: 'registry'; type: ChatType; title: string }
  );

export type PersonStep = StepBase &
  (
    | {
        kind: 'person-must-create';
        actor: 'person';
        /** Create the chat with exactly this title (and add the school's bot). */
        title: string;
        instructions: ErrorHint;
        personIds: string[];
      }
    | {
        kind: 'link-profile';
        actor: 'person';
        personId: string;
        role: SchoolPersonRole;
        name: string;
        reason: 'not-linked' | StaleReason;
        /** Every chat waiting for this person (`key` is the first). */
        chatKeys: string[];
      }
    | { kind: 'join-by-invite'; actor: 'person'; personIds: string[]; userIds: string[]; inviteLink?: string }
  );

export type PlanStep = SyncStep | RegistryStep | PersonStep;

export type PlanFinding =
  | {
      kind: 'remote-title-changed';
      key: string;
      chatId: string;
      registryTitle: string;
      remoteTitle: string;
      desiredTitle: string;
    }
  | { kind: 'chat-lost'; key: string; chatId: string; reason: 'not-found' | 'no-access' | 'left' | 'kicked' }
  | { kind: 'chat-retired'; key: string; chatId?: string; title: string }
  | { kind: 'ambiguous-reconcile'; key: string; title: string; candidates: string[] }
  | { kind: 'unknown-member'; key: string; chatId: string; userId: string }
  | { kind: 'capability-missing'; key: string; capability: string };

export interface PlanSummary {
  chats: number;
  create: number;
  rename: number;
  addMembers: number;
  removeMembers: number;
  /** Messenger operations (`sync` steps). */
  operations: number;
  /** Registry corrections. */
  registryUpdates: number;
  personMustCreate: number;
  mustLink: number;
  joinByInvite: number;
  /** Linked share of all desired memberships, 0–100. */
  linkedPercent: number;
}

export interface SyncPlan {
  schoolId: string;
  /** `<transport>:<schoolId>`: the registry scope. */
  scope: string;
  transport: string;
  /** Epoch ms. */
  createdAt: number;
  chats: PlannedChat[];
  steps: PlanStep[];
  findings: PlanFinding[];
  summary: PlanSummary;
}
