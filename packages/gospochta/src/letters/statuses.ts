/**
 * Letter statuses and their order: `accepted → sent → delivered → read`; `refused` (no consent flag on
 * the addressee's Gosuslugi profile, or no such addressee) and `failed` end a letter early. `delivered`
 * is the confirmation the SLA measures; read, refused and failed are final.
 */
import type { components } from '../generated/gospochta.js';

export type LetterStatus = components['schemas']['LetterStatus'];

export const LETTER_STATUSES: readonly LetterStatus[] = [
  'accepted',
  'sent',
  'delivered',
  'read',
  'refused',
  'failed',
];
export const FINAL_STATUSES: ReadonlySet<LetterStatus> = new Set(['read', 'refused', 'failed']);
/** A legal fact: the letter reached the addressee, or it never will. */
export const CONFIRMED_STATUSES: ReadonlySet<LetterStatus> = new Set([
  'delivered',
  'read',
  'refused',
  'failed',
]);

const RANK: Readonly<Record<LetterStatus, number>> = {
  accepted: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  refused: 3,
  failed: 3,
};

/** True when `status` is `target` or a later step after it (a final target only matches itself). */
export function hasReached(status: LetterStatus, target: LetterStatus | 'final' | 'confirmed'): boolean {
  if (target === 'final') {
    return FINAL_STATUSES.has(status);
  }
  if (target === 'confirmed') {
    return CONFIRMED_STATUSES.has(status);
  }
  if (FINAL_STATUSES.has(target)) {
    return status === target;
  }
  return RANK[status] >= RANK[target];
}
