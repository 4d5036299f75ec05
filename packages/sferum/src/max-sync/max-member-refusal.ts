/**
 * MAX's per-user refusals of an add (`failed_user_details[].error_code`) as the sync's reasons:
 * privacy settings, an unknown user, the restriction in force since 09.09.2026. A code MAX adds later
 * is `not-allowed`, with MAX's code kept in the message — reported, never retried in a loop.
 */
import type { MemberRefusal } from '../sync/chat-transport.js';

const REFUSALS = new Map<string, MemberRefusal>([
  ['add.participant.privacy', 'privacy'],
  ['add.participant.not.found', 'not-found'],
  ['add.participant.restricted', 'restricted'],
]);

export function maxMemberRefusal(errorCode: string): MemberRefusal {
  return REFUSALS.get(errorCode) ?? 'not-allowed';
}
