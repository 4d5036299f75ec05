/**
 * The sender's side after sending: pages of sent letters (by status, document type, external id) and
 * one sent letter with its status history — the polling alternative to webhooks.
 */
import { type Paginated, paginate } from '@goskit/core';
import type { GospochtaContext } from '../client/context.js';
import { checkExternalId, checkId, checkPage, fail, issue } from '../client/input-checks.js';
import { protectedCall } from '../client/protected-call.js';
import { type DocumentType, isDocumentType } from './document-types.js';
import { type OutgoingLetter, outgoingLetterPageSchema, outgoingLetterSchema } from './models.js';
import { LETTER_STATUSES, type LetterStatus } from './statuses.js';

export interface OutboxFilter {
  status?: LetterStatus;
  documentType?: DocumentType;
  externalId?: string;
  limit?: number;
  signal?: AbortSignal;
}

export interface OutboxPage {
  items: OutgoingLetter[];
  nextCursor: string | null;
}

function outboxQuery(filter: OutboxFilter, cursor: string | undefined): Record<string, string | number> {
  checkPage({ cursor, limit: filter.limit, filter });
  if (filter.status !== undefined && !LETTER_STATUSES.includes(filter.status)) {
    fail([issue('status', 'STATUS_VALUE', 'Неизвестный статус письма.', 'Unknown letter status.')]);
  }
  if (filter.documentType !== undefined && !isDocumentType(filter.documentType)) {
    fail([issue('documentType', 'DOCUMENT_TYPE', 'Неизвестный тип документа.', 'Unknown document type.')]);
  }
  const externalId = checkExternalId(filter.externalId);
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.documentType ? { documentType: filter.documentType } : {}),
    ...(externalId ? { externalId } : {}),
    ...(filter.limit === undefined ? {} : { limit: filter.limit }),
    ...(cursor === undefined ? {} : { cursor }),
  };
}

export async function listOutboxPage(
  context: GospochtaContext,
  filter: OutboxFilter = {},
  cursor?: string,
): Promise<OutboxPage> {
  const { data } = await protectedCall(context, {
    operation: 'listOutbox',
    method: 'GET',
    template: '/v1/outbox',
    path: '/v1/outbox',
    query: outboxQuery(filter, cursor),
    schema: outgoingLetterPageSchema,
    ...(filter.signal ? { signal: filter.signal } : {}),
  });
  return data as OutboxPage;
}

export function outbox(context: GospochtaContext, filter: OutboxFilter = {}): Paginated<OutgoingLetter> {
  outboxQuery(filter, undefined);
  return paginate<OutgoingLetter>(async ({ cursor }) => listOutboxPage(context, filter, cursor), {
    ...(filter.signal ? { signal: filter.signal } : {}),
  });
}

export interface OutgoingLetterView {
  letter: OutgoingLetter;
  /** The portal's hint for the next poll, ms (from Retry-After), while the letter is not final. */
  retryAfterMs: number | undefined;
}

/** GET /v1/outbox/{letterId} */
export async function getOutgoingLetter(
  context: GospochtaContext,
  letterId: string,
  signal?: AbortSignal,
): Promise<OutgoingLetterView> {
  const id = checkId(letterId, 'letterId');
  const result = await protectedCall(context, {
    operation: 'getOutgoingLetter',
    method: 'GET',
    template: '/v1/outbox/{letterId}',
    path: `/v1/outbox/${id}`,
    schema: outgoingLetterSchema,
    ...(signal ? { signal } : {}),
  });
  const retryAfter = result.headers.get('retry-after');
  const seconds = retryAfter !== null && /^\d{1,6}$/.test(retryAfter) ? Number(retryAfter) : undefined;
  return {
    letter: result.data as OutgoingLetter,
    retryAfterMs: seconds === undefined ? undefined : seconds * 1000,
  };
}
