/**
 * The inbox of whoever the token is for (a person's oid, or the system's own subject): pages newest
 * first with filters (new/read, document type, received between), one letter with its attachments
 * (scans and PDF originals), the bytes of an attachment, and «прочитано» — which the sender sees as
 * `read` (and a re-issued delivery act). A letter of someone else is a plain 404.
 */
import { fileContent } from '../files/stored-files.js';
import { markOutgoingRead } from '../letters/lifecycle.js';
import { GospochtaProblem } from '../problem.js';
import type { IncomingRecord } from '../state.js';
import { file, type OperationContext, type OperationTable, ok } from './operation.js';
import { page, timeParameter } from './paging.js';
import { letterSummary, letterView } from './views.js';

function ownLetter(context: OperationContext): IncomingRecord {
  const letter = context.state.incoming.get(context.params.letterId as string);
  if (letter === undefined || letter.owner !== context.caller.subject) {
    throw new GospochtaProblem(404, 'NOT_FOUND', { detail: 'no such letter in this inbox' });
  }
  return letter;
}

export const inboxOperations: OperationTable = {
  listInbox: {
    handler: (context) => {
      const { query } = context;
      const status = query.get('status');
      const documentType = query.get('documentType');
      const from = timeParameter(query, 'receivedFrom');
      const to = timeParameter(query, 'receivedTo');
      const items = [...context.state.incoming.values()]
        .filter((letter) => letter.owner === context.caller.subject)
        .filter((letter) => status === null || (status === 'new') === (letter.readAt === undefined))
        .filter((letter) => documentType === null || letter.documentType === documentType)
        .filter((letter) => from === undefined || letter.receivedAt >= from)
        .filter((letter) => to === undefined || letter.receivedAt <= to)
        .sort((a, b) => b.receivedAt - a.receivedAt || b.id.localeCompare(a.id));
      const result = page(items, query);
      return ok({ items: result.items.map(letterSummary), nextCursor: result.nextCursor });
    },
  },
  getLetter: {
    handler: (context) => ok(letterView(ownLetter(context))),
  },
  downloadAttachment: {
    handler: (context) => {
      const letter = ownLetter(context);
      const found = letter.files.find((candidate) => candidate.id === context.params.attachmentId);
      if (found === undefined) {
        throw new GospochtaProblem(404, 'NOT_FOUND', { detail: 'no such attachment in this letter' });
      }
      return file(fileContent(found, letter.receivedAt), found.mediaType);
    },
  },
  markLetterRead: {
    handler: (context) => {
      const letter = ownLetter(context);
      letter.readAt ??= context.now;
      const outgoing =
        letter.outgoingId === undefined ? undefined : context.state.outgoing.get(letter.outgoingId);
      if (outgoing !== undefined) {
        markOutgoingRead(context.world, outgoing, letter.readAt);
      }
      return ok(letterView(letter));
    },
  },
};
