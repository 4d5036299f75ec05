/**
 * The notifications outbox shared by portals: what Gosuslugi sends a person — personal-account
 * notices («Уведомления»), e-mail, SMS and push — each with its text, time and recipient. A portal
 * reaches it with `runtime.optionalService(notificationsService)` (the outbox is a sink: a portal
 * works the same without it) or declares it in `requires`. Notices become visible after the
 * outbox's configurable delay on the virtual clock; tests read them with find / count / verify.
 */
import { defineService } from '../engine/services.js';

export type NotificationChannel = 'lk' | 'email' | 'sms' | 'push';

export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['lk', 'email', 'sms', 'push'];

export interface NoticeRecipient {
  /** ESIA oid (personal account and push). */
  oid?: string;
  email?: string;
  phone?: string;
  /** «Иванов Иван Иванович», for the dashboard. */
  name?: string;
  /** Roster id, when the recipient is a persona. */
  personaId?: string;
}

export interface NoticeInput {
  channel: NotificationChannel;
  recipient: NoticeRecipient;
  text: string;
  /** E-mail subject; a personal-account notice's title. */
  subject?: string;
  /** What the notice is about, e.g. 'ediary.link', 'ediary.mark', 'epgu.status' — delays are set per category. */
  category: string;
  /** The portal that sent it. */
  source: string;
  /** When the event happened, virtual epoch ms. Default: now. */
  at?: number;
  /** A stable key: a notice with a key already in the outbox is not added again. */
  key?: string;
}

/** A notice in the outbox. `time` is when it reaches the person: the event time plus the delay. */
export interface Notice {
  id: string;
  channel: NotificationChannel;
  recipient: NoticeRecipient;
  subject?: string;
  text: string;
  category: string;
  source: string;
  /** ISO, virtual clock: delivery time. */
  time: string;
  timeMs: number;
  /** ISO, virtual clock: when the event happened. */
  eventTime: string;
  key?: string;
}

/** What to look for; every given field must match. */
export interface NoticePattern {
  channel?: NotificationChannel;
  /** Matches the recipient's oid, e-mail, phone or persona id exactly. */
  recipient?: string;
  category?: string;
  source?: string;
  /** Exact text, or a RegExp (in process). */
  text?: string | RegExp;
  /** A part of the text (the control API's safe alternative to a RegExp). */
  textContains?: string;
  subject?: string;
  /** Delivered at or after this virtual time. */
  since?: Date | string | number;
  /** 'delivered' (default): only notices whose time has come; 'pending': only those still waiting; 'all'. */
  state?: 'delivered' | 'pending' | 'all';
}

export type NoticeTimes = number | { atLeast?: number; atMost?: number };

/** A person of the roster, the channels to reach them by, and the texts per channel. */
export interface PersonNotice {
  /** ESIA oid or roster id of the person. */
  person: string;
  channels: readonly NotificationChannel[];
  text: string;
  subject?: string;
  /** Per-channel texts (an SMS is shorter); default `text`. */
  texts?: Partial<Record<NotificationChannel, string>>;
  category: string;
  source: string;
  at?: number;
  /** Prefix of the notices' keys (`<key>:<channel>`). */
  key?: string;
}

/**
 * Notices derived from another portal's live state (an EPGU order's status timeline): consulted
 * whenever the outbox is read; each returned notice (by key) is added once its time has come. A
 * source that answers `done: true` is dropped once its notices are in.
 */
export type NoticeSource = () => { notices: NoticeInput[]; done: boolean };

export interface NotificationsService {
  /** Adds one notice (delivered after the category's delay). Returns it, or the one with its key. */
  send(input: NoticeInput): Notice;
  /** Notices to a roster person by the channels given (contacts from the roster); unknown person: []. */
  notifyPerson(notice: PersonNotice): Notice[];
  /** Registers a source under an id (replacing one with the same id). */
  watch(id: string, source: NoticeSource): void;
  find(pattern?: NoticePattern): Notice[];
  count(pattern?: NoticePattern): number;
  /** Throws SimulatorError VERIFICATION_FAILED listing the closest notices. */
  verify(times: NoticeTimes, pattern: NoticePattern): void;
  /** The delay (ms) notices of a category wait before they are delivered. */
  delayOf(category: string): number;
  clear(): void;
}

export const notificationsService = defineService<NotificationsService>('notifications', {
  description: 'the outbox of personal-account notices, e-mail, SMS and push',
  hint: 'notificationsPortal()',
});
