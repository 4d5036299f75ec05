/**
 * A legally significant letter on the virtual clock: accepted → sent (it reaches ГЭПС, which looks
 * the addressee up by СНИЛС) → delivered (within the SLA) → read (when the addressee reads it), or
 * refused — no profile with that СНИЛС, or no consent flag on it (decided when the letter reaches
 * ГЭПС, from the profile as it is then) — or failed (the SLA's failure rate). Times and fates are
 * drawn at acceptance from the letter's own random stream (the seed and its id), so the same run
 * replays the same letters. Every change is written to the history, emitted to the sender's webhooks
 * and, for a legal fact, issues a delivery act.
 */
import type { SeededRandom } from '../../../engine/types.js';
import { schedule } from '../agenda.js';
import { emitEvent } from '../events.js';
import type { ResolvedGospochtaOptions, ResolvedSla } from '../options.js';
import {
  type GospochtaState,
  iso,
  type LetterPlan,
  nextId,
  type OutgoingRecord,
  personBySnils,
  type StatusChangeRecord,
} from '../state.js';

export interface World {
  state: GospochtaState;
  options: ResolvedGospochtaOptions;
  sla: ResolvedSla;
  /** The portal's random stream (letters fork it by id). */
  random: SeededRandom;
}

export const LEGAL_FACTS = new Set(['delivered', 'read', 'refused', 'failed']);

/** The letter's times and fate, drawn once at acceptance. */
export function planLetter(world: World, letterId: string, acceptedAt: number): LetterPlan {
  const random = world.random.fork(`letter:${letterId}`);
  const { timing, addressees } = world.options;
  const { sla } = world;
  // Every draw happens whatever the branch, so one option never shifts another letter's fate.
  const lateRoll = random.next();
  const onTime = random.int(timing.deliveryMs[0], timing.deliveryMs[1]);
  const lateBy = random.int(1000, Math.max(1000, sla.confirmWithinMs));
  const failRoll = random.next();
  const failShare = random.next();
  const readRoll = random.next();
  const readAfter = random.int(addressees.readAfterMs[0], addressees.readAfterMs[1]);
  const sentAt = acceptedAt + timing.sentAfterMs;
  const deliverAt = acceptedAt + (lateRoll < sla.lateRate ? sla.confirmWithinMs + lateBy : onTime);
  const plan: LetterPlan = { sentAt, deliverAt };
  if (failRoll < sla.failureRate) {
    plan.failAt = sentAt + Math.floor((deliverAt - sentAt) * failShare);
  }
  if (readRoll < addressees.readRate) {
    plan.autoReadAt = deliverAt + readAfter;
  }
  return plan;
}

/** The next change of the letter and when it is due; undefined once it is final. */
function nextChange(world: World, letter: OutgoingRecord): StatusChangeRecord | undefined {
  const { timing } = world.options;
  switch (letter.status) {
    case 'accepted':
      return { status: 'sent', at: letter.plan.sentAt };
    case 'sent':
      switch (letter.route) {
        case 'not-found':
          return {
            status: 'refused',
            at: Math.max(letter.plan.sentAt, letter.acceptedAt + timing.notFoundRefusalMs),
            reason: 'addressee-not-found',
          };
        case 'no-consent':
          return {
            status: 'refused',
            at: Math.max(letter.plan.sentAt, letter.acceptedAt + timing.noConsentRefusalMs),
            reason: 'no-consent',
          };
        case 'fail':
          return { status: 'failed', at: letter.plan.failAt ?? letter.plan.sentAt, reason: 'delivery-error' };
        default:
          return { status: 'delivered', at: letter.plan.deliverAt };
      }
    case 'delivered':
      return letter.plan.autoReadAt === undefined
        ? undefined
        : { status: 'read', at: letter.plan.autoReadAt };
    default:
      return undefined;
  }
}

/** Where the letter goes once it reaches ГЭПС: the addressee's profile as it is now. */
function decideRoute(world: World, letter: OutgoingRecord): void {
  const person = personBySnils(world.state, letter.recipient.snils);
  if (person === undefined) {
    letter.route = 'not-found';
    return;
  }
  letter.addresseeOid = person.oid;
  if (letter.plan.failAt !== undefined && letter.plan.failAt <= letter.plan.deliverAt) {
    letter.route = 'fail';
  } else {
    letter.route = person.consent ? 'deliver' : 'no-consent';
  }
}

/** Puts a delivered letter into the addressee's inbox. */
function deliverToInbox(world: World, letter: OutgoingRecord, at: number): void {
  if (letter.incomingId !== undefined || letter.addresseeOid === undefined) {
    return;
  }
  const id = nextId(world.state, 'in');
  const { recipient } = letter;
  world.state.incoming.set(id, {
    id,
    owner: letter.addresseeOid,
    sender: letter.sender,
    recipient: {
      lastName: recipient.lastName,
      firstName: recipient.firstName,
      ...(recipient.middleName === undefined ? {} : { middleName: recipient.middleName }),
    },
    documentType: letter.documentType,
    subject: letter.subject,
    ...(letter.text === undefined ? {} : { text: letter.text }),
    files: letter.files,
    receivedAt: at,
    legallySignificant: true,
    outgoingId: letter.id,
  });
  letter.incomingId = id;
}

/** Records a change: history, status, inbox, the sender's webhooks. */
export function applyChange(world: World, letter: OutgoingRecord, change: StatusChangeRecord): void {
  if (change.status === 'sent') {
    decideRoute(world, letter);
  }
  letter.history.push(change);
  letter.status = change.status;
  if (change.status === 'refused') {
    letter.refusalReason = change.reason as NonNullable<OutgoingRecord['refusalReason']>;
  }
  if (change.status === 'failed') {
    letter.failureReason = change.reason ?? 'delivery-error';
  }
  if (change.status === 'delivered') {
    deliverToInbox(world, letter, change.at);
  }
  emitEvent(
    world.state,
    letter.senderClientId,
    'letter.status_changed',
    {
      letterId: letter.id,
      status: change.status,
      at: iso(change.at),
      ...(letter.externalId === undefined ? {} : { externalId: letter.externalId }),
      ...(change.status === 'refused' && letter.refusalReason ? { refusalReason: letter.refusalReason } : {}),
    },
    change.at,
  );
  if (LEGAL_FACTS.has(change.status)) {
    emitEvent(
      world.state,
      letter.senderClientId,
      'delivery_act.issued',
      { letterId: letter.id, actId: `act_${letter.id}_${change.status}`, legalFact: change.status },
      change.at,
    );
  }
}

/** Applies every change due by `now` and puts the next one on the agenda. */
export function advanceLetter(world: World, letter: OutgoingRecord, now: number): void {
  for (;;) {
    const change = nextChange(world, letter);
    if (change === undefined) {
      return;
    }
    if (change.at > now) {
      schedule(world.state, `L:${letter.id}`, change.at);
      return;
    }
    applyChange(world, letter, change);
  }
}

/** The addressee read the letter (their inbox, or a control route acting as them). */
export function markOutgoingRead(world: World, letter: OutgoingRecord, at: number): void {
  advanceLetter(world, letter, at);
  if (letter.status === 'delivered') {
    applyChange(world, letter, { status: 'read', at });
  }
}
