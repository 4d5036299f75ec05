/**
 * The inbox: pages of incoming letters with filters (new or read, document type, received between),
 * one letter with its attachments (scans, PDF originals), an attachment's bytes checked against the
 * letter's SHA-256 and Streebog hashes, and marking a letter read (the sender then sees `read`).
 */
import { type Paginated, paginate } from '@goskit/core';
import type { GospochtaContext } from '../client/context.js';
import { checkId, checkPage, fail, issue } from '../client/input-checks.js';
import { protectedCall } from '../client/protected-call.js';
import { SignatureInvalidError } from '../errors/signature-invalid-error.js';
import { mismatchedHashes } from '../signatures/file-hashes.js';
import { type DocumentType, isDocumentType } from './document-types.js';
import {
  type Attachment,
  type Letter,
  type LetterSummary,
  letterPageSchema,
  letterSchema,
} from './models.js';

export interface InboxFilter {
  status?: 'new' | 'read';
  documentType?: DocumentType;
  receivedFrom?: Date;
  receivedTo?: Date;
  /** Page size, 1–100. Default 20. */
  limit?: number;
  signal?: AbortSignal;
}

export interface InboxPage {
  items: LetterSummary[];
  nextCursor: string | null;
}

function inboxQuery(filter: InboxFilter, cursor: string | undefined): Record<string, string | number> {
  checkPage({ cursor, limit: filter.limit, filter });
  if (filter.status !== undefined && filter.status !== 'new' && filter.status !== 'read') {
    fail([issue('status', 'STATUS_VALUE', 'status — «new» или «read».', 'status is "new" or "read".')]);
  }
  if (filter.documentType !== undefined && !isDocumentType(filter.documentType)) {
    fail([issue('documentType', 'DOCUMENT_TYPE', 'Неизвестный тип документа.', 'Unknown document type.')]);
  }
  const query: Record<string, string | number> = {};
  if (filter.status) {
    query.status = filter.status;
  }
  if (filter.documentType) {
    query.documentType = filter.documentType;
  }
  for (const name of ['receivedFrom', 'receivedTo'] as const) {
    const date = filter[name];
    if (date !== undefined) {
      if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
        fail([issue(name, 'DATE_VALUE', `${name} — корректная дата.`, `${name} must be a valid Date.`)]);
      }
      query[name] = date.toISOString();
    }
  }
  if (filter.limit !== undefined) {
    query.limit = filter.limit;
  }
  if (cursor !== undefined) {
    query.cursor = cursor;
  }
  return query;
}

/** GET /v1/inbox — one page. */
export async function listInboxPage(
  context: GospochtaContext,
  filter: InboxFilter = {},
  cursor?: string,
): Promise<InboxPage> {
  const query = inboxQuery(filter, cursor);
  const { data } = await protectedCall(context, {
    operation: 'listInbox',
    method: 'GET',
    template: '/v1/inbox',
    path: '/v1/inbox',
    query,
    schema: letterPageSchema,
    ...(filter.signal ? { signal: filter.signal } : {}),
  });
  return data as InboxPage;
}

/** Every matching letter, page by page, as an async iterator (`for await`, `.toArray({ limit })`). */
export function inbox(context: GospochtaContext, filter: InboxFilter = {}): Paginated<LetterSummary> {
  inboxQuery(filter, undefined); // refuse bad filters before the first page is asked for
  return paginate<LetterSummary>(async ({ cursor }) => listInboxPage(context, filter, cursor), {
    ...(filter.signal ? { signal: filter.signal } : {}),
  });
}

/** GET /v1/inbox/{letterId} */
export async function getLetter(context: GospochtaContext, letterId: string): Promise<Letter> {
  const id = checkId(letterId, 'letterId');
  const { data } = await protectedCall(context, {
    operation: 'getLetter',
    method: 'GET',
    template: '/v1/inbox/{letterId}',
    path: `/v1/inbox/${id}`,
    schema: letterSchema,
  });
  return data as Letter;
}

export interface DownloadedFile {
  bytes: Uint8Array;
  name: string;
  mediaType: string;
  sha256: string;
  streebog256: string;
}

/**
 * GET /v1/inbox/{letterId}/attachments/{attachmentId}. Pass the attachment from `getLetter` (or its id:
 * the letter is fetched for its hashes); the bytes must match both hashes.
 */
export async function downloadAttachment(
  context: GospochtaContext,
  letterId: string,
  attachment: Attachment | string,
): Promise<DownloadedFile> {
  const id = checkId(letterId, 'letterId');
  let info: Attachment;
  if (typeof attachment === 'string') {
    const attachmentId = checkId(attachment, 'attachmentId');
    const letter = await getLetter(context, id);
    const found = letter.attachments.find((a) => a.id === attachmentId);
    if (!found) {
      fail([
        issue(
          'attachmentId',
          'NOT_IN_LETTER',
          'У письма нет такого вложения.',
          'The letter has no such attachment.',
        ),
      ]);
    }
    info = found;
  } else {
    info = attachment;
    checkId(info?.id, 'attachment.id');
  }
  const { data } = await protectedCall<Uint8Array>(context, {
    operation: 'downloadAttachment',
    method: 'GET',
    template: '/v1/inbox/{letterId}/attachments/{attachmentId}',
    path: `/v1/inbox/${id}/attachments/${info.id}`,
    response: 'bytes',
  });
  const mismatched = await mismatchedHashes(data, info);
  if (mismatched.length > 0) {
    throw new SignatureInvalidError(
      'attachment',
      `${mismatched[0]}-mismatch`,
      `the bytes do not match the letter's ${mismatched.join(' and ')} hash`,
    );
  }
  return {
    bytes: data,
    name: info.name,
    mediaType: info.mediaType,
    sha256: info.sha256,
    streebog256: info.streebog256,
  };
}

/** POST /v1/inbox/{letterId}/read — idempotent; the sender's letter moves to `read`. */
export async function markLetterRead(context: GospochtaContext, letterId: string): Promise<Letter> {
  const id = checkId(letterId, 'letterId');
  const { data } = await protectedCall(context, {
    operation: 'markLetterRead',
    method: 'POST',
    template: '/v1/inbox/{letterId}/read',
    path: `/v1/inbox/${id}/read`,
    schema: letterSchema,
    // Marking read twice changes nothing: safe to retry.
    retry: { methods: ['POST'] },
  });
  return data as Letter;
}
