/**
 * Which notices a pattern selects, and — when `verify` fails — which ones came closest and in what
 * they differ. Text patterns are exact strings, substrings, or (in process only) a RegExp.
 */
import { toEpochMs } from '../../engine/clock.js';
import type { Notice, NoticePattern, NoticeTimes } from '../../services/notifications.js';

function recipientMatches(notice: Notice, wanted: string): boolean {
  const { oid, email, phone, personaId } = notice.recipient;
  return wanted === oid || wanted === email || wanted === phone || wanted === personaId;
}

/** The fields of `pattern` a notice does not satisfy (delivery state left out). */
export function differences(notice: Notice, pattern: NoticePattern): string[] {
  const out: string[] = [];
  if (pattern.channel !== undefined && notice.channel !== pattern.channel) {
    out.push('channel');
  }
  if (pattern.recipient !== undefined && !recipientMatches(notice, pattern.recipient)) {
    out.push('recipient');
  }
  if (pattern.category !== undefined && notice.category !== pattern.category) {
    out.push('category');
  }
  if (pattern.source !== undefined && notice.source !== pattern.source) {
    out.push('source');
  }
  if (pattern.subject !== undefined && notice.subject !== pattern.subject) {
    out.push('subject');
  }
  if (
    pattern.text !== undefined &&
    (typeof pattern.text === 'string' ? notice.text !== pattern.text : !pattern.text.test(notice.text))
  ) {
    out.push('text');
  }
  if (pattern.textContains !== undefined && !notice.text.includes(pattern.textContains)) {
    out.push('text');
  }
  if (pattern.since !== undefined && notice.timeMs < toEpochMs(pattern.since)) {
    out.push('since');
  }
  return out;
}

export function matches(notice: Notice, pattern: NoticePattern, nowMs: number): boolean {
  const state = pattern.state ?? 'delivered';
  const delivered = notice.timeMs <= nowMs;
  if ((state === 'delivered' && !delivered) || (state === 'pending' && delivered)) {
    return false;
  }
  return differences(notice, pattern).length === 0;
}

export function timesSatisfied(times: NoticeTimes, found: number): boolean {
  if (typeof times === 'number') {
    return found === times;
  }
  return (
    (times.atLeast === undefined || found >= times.atLeast) &&
    (times.atMost === undefined || found <= times.atMost)
  );
}

export function describeTimes(times: NoticeTimes): string {
  if (typeof times === 'number') {
    return `exactly ${times}`;
  }
  const parts = [
    times.atLeast === undefined ? undefined : `at least ${times.atLeast}`,
    times.atMost === undefined ? undefined : `at most ${times.atMost}`,
  ].filter((part): part is string => part !== undefined);
  return parts.join(' and ') || 'any number of';
}

export function describePattern(pattern: NoticePattern): string {
  const parts = Object.entries(pattern)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value instanceof RegExp ? String(value) : JSON.stringify(value)}`);
  return parts.length === 0 ? '(any notice)' : parts.join(', ');
}

export function describeNotice(notice: Notice, nowMs: number): string {
  const to = notice.recipient.email ?? notice.recipient.phone ?? notice.recipient.oid ?? '?';
  const when = notice.timeMs <= nowMs ? notice.time : `${notice.time} (pending)`;
  const text = notice.text.length > 80 ? `${notice.text.slice(0, 80)}…` : notice.text;
  return `${notice.id} ${when} ${notice.channel} → ${to} [${notice.category}] ${JSON.stringify(text)}`;
}
