/**
 * The sender's side: the outbox (newest first, by status, document type or the sender's own id),
 * sending (send-letter.ts), one letter with its status history — `Retry-After` says when to poll
 * again while it is on its way — and its delivery act, signed JSON and PDF (409 NOT_READY before the
 * first legal fact). Only the system that sent a letter sees it.
 */
import { deliveryAct } from '../letters/delivery-act.js';
import { GospochtaProblem } from '../problem.js';
import type { OutgoingRecord } from '../state.js';
import { file, type OperationContext, type OperationTable, ok } from './operation.js';
import { page } from './paging.js';
import { sendLetter } from './send-letter.js';
import { outgoingView } from './views.js';

function ownLetter(context: OperationContext): OutgoingRecord {
  const letter = context.state.outgoing.get(context.params.letterId as string);
  if (letter === undefined || letter.senderClientId !== context.caller.clientId) {
    throw new GospochtaProblem(404, 'NOT_FOUND', { detail: 'no such letter in this outbox' });
  }
  return letter;
}

async function actOf(context: OperationContext) {
  const letter = ownLetter(context);
  const act = await deliveryAct(letter, context.sim.seed, context.options.signatureAlg);
  if (act === undefined) {
    throw new GospochtaProblem(409, 'NOT_READY', {
      detail: 'the letter has no legal fact yet (delivered, read, refused or failed)',
    });
  }
  return act;
}

/** Seconds to the letter's next step, at least 1 — what a poller should wait. */
function retryAfter(context: OperationContext, letter: OutgoingRecord): string | undefined {
  if (letter.status === 'read' || letter.status === 'refused' || letter.status === 'failed') {
    return undefined;
  }
  const due = context.state.scheduled.get(`L:${letter.id}`);
  if (due === undefined) {
    return letter.status === 'delivered' ? undefined : '5';
  }
  return String(Math.min(300, Math.max(1, Math.ceil((due - context.now) / 1000))));
}

export const outboxOperations: OperationTable = {
  listOutbox: {
    handler: (context) => {
      const { query } = context;
      const status = query.get('status');
      const documentType = query.get('documentType');
      const externalId = query.get('externalId');
      const items = [...context.state.outgoing.values()]
        .filter((letter) => letter.senderClientId === context.caller.clientId)
        .filter((letter) => status === null || letter.status === status)
        .filter((letter) => documentType === null || letter.documentType === documentType)
        .filter((letter) => externalId === null || letter.externalId === externalId)
        .reverse();
      const result = page(items, query);
      return ok({ items: result.items.map(outgoingView), nextCursor: result.nextCursor });
    },
  },
  sendLetter: { idempotency: 'required', handler: sendLetter },
  getOutgoingLetter: {
    handler: (context) => {
      const letter = ownLetter(context);
      const wait = retryAfter(context, letter);
      return ok(outgoingView(letter), 200, wait === undefined ? undefined : { 'retry-after': wait });
    },
  },
  getDeliveryAct: {
    handler: async (context) => {
      const act = await actOf(context);
      return ok({ act: act.json, signature: act.signature });
    },
  },
  getDeliveryActPdf: {
    handler: async (context) => file((await actOf(context)).pdf, 'application/pdf'),
  },
};
