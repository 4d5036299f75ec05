/**
 * Options of the max portal. Behaviours the reference marks [unconfirmed] are switches here, with the
 * most plausible choice as the default (docs/sferum-max.en.md): the GET /chats removal, the 09.2026
 * member-add restriction, how many sends an attachment stays "not ready", how long polls and webhook
 * retries play out on the virtual clock.
 */
import type { MaxSettings, RestrictionMode } from './state.js';

export const MAX_HOSTS = ['https://platform-api2.max.ru', 'https://platform-api.max.ru'];

/** 09.09.2026 00:00 Moscow time: «С 9 сентября 2026 ограничена работа метода» POST /chats/{id}/members. */
export const RESTRICTION_STARTS_AT = Date.parse('2026-09-09T00:00:00+03:00');

export interface MaxPortalOptions {
  /** Accept webhook URLs http:// (any port) on 127.0.0.1, localhost or ::1 — local development. Default false. */
  allowHttpLoopbackWebhooks?: boolean;
  /** GET /chats: 'removed' (default; 404 since June 2026) or 'legacy' (the old list). */
  chatList?: 'removed' | 'legacy';
  /** The member-add restriction: 'auto' (default, on from 09.09.2026 on the virtual clock), 'on', 'off'. */
  memberAddRestriction?: RestrictionMode;
  /** Sends answered `attachment.not.ready` after a video, audio or file upload. Default 1. */
  attachmentNotReadyAttempts?: number;
  /** Per-token limit (429 too.many.requests, no Retry-After). Default 30 requests/s, burst 30. */
  rateLimit?: { ratePerSecond?: number; burst?: number };
  /** Messages per chat per second (virtual clock); 0 turns the limit off. Default 2. */
  messagesPerChatPerSecond?: number;
  /** Updates kept per bot until committed; the oldest are dropped beyond. Default 200 000. */
  maxQueuedUpdates?: number;
  longPoll?: {
    /**
     * Longest real wait of one poll, ms. A poll ends at the first of: an update, the virtual clock
     * passing its timeout, this many real ms (default: the poll's own timeout).
     */
    maxRealWaitMs?: number;
  };
  webhook?: {
    /** Virtual ms to the first retry; doubles after each failure. Default 5 000. */
    firstRetryMs?: number;
    /** Longest virtual wait between retries. Default 30 minutes. */
    maxRetryMs?: number;
    /** Virtual ms after the first failure at which the bot is unsubscribed. Default 8 hours. */
    retryWindowMs?: number;
    /** Real ms one delivery attempt may take. Default 10 000. */
    attemptTimeoutMs?: number;
  };
  /** How often (real ms) waiting polls and due deliveries look at the virtual clock. Default 20. */
  tickMs?: number;
}

export interface ResolvedMaxOptions {
  settings: MaxSettings;
  attachmentNotReadyAttempts: number;
  rateLimit: { ratePerSecond: number; burst: number };
  messagesPerChatPerSecond: number;
  maxQueuedUpdates: number;
  maxRealWaitMs: number | undefined;
  webhook: { firstRetryMs: number; maxRetryMs: number; retryWindowMs: number; attemptTimeoutMs: number };
  tickMs: number;
}

export function resolveMaxOptions(options: MaxPortalOptions = {}): ResolvedMaxOptions {
  return {
    settings: {
      allowHttpLoopbackWebhooks: options.allowHttpLoopbackWebhooks ?? false,
      chatList: options.chatList ?? 'removed',
      memberAddRestriction: options.memberAddRestriction ?? 'auto',
    },
    attachmentNotReadyAttempts: options.attachmentNotReadyAttempts ?? 1,
    rateLimit: {
      ratePerSecond: options.rateLimit?.ratePerSecond ?? 30,
      burst: options.rateLimit?.burst ?? 30,
    },
    messagesPerChatPerSecond: options.messagesPerChatPerSecond ?? 2,
    maxQueuedUpdates: options.maxQueuedUpdates ?? 200_000,
    maxRealWaitMs: options.longPoll?.maxRealWaitMs,
    webhook: {
      firstRetryMs: options.webhook?.firstRetryMs ?? 5_000,
      maxRetryMs: options.webhook?.maxRetryMs ?? 30 * 60_000,
      retryWindowMs: options.webhook?.retryWindowMs ?? 8 * 3_600_000,
      attemptTimeoutMs: options.webhook?.attemptTimeoutMs ?? 10_000,
    },
    tickMs: options.tickMs ?? 20,
  };
}

/** Whether adding members is restricted now. */
export function restrictionActive(settings: MaxSettings, nowMs: number): boolean {
  return (
    settings.memberAddRestriction === 'on' ||
    (settings.memberAddRestriction === 'auto' && nowMs >= RESTRICTION_STARTS_AT)
  );
}
