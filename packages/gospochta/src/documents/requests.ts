/**
 * Requesting a document (справка, выписка, сертификат…) and following the request: one request, a
 * page of them, and a wait until it is ready (or failed), polling on the portal's Retry-After.
 */
import { type Paginated, paginate } from '@goskit/core';
import type { GospochtaContext } from '../client/context.js';
import { claimIdempotencyKey, notActedOn } from '../client/idempotency.js';
import {
  checkExternalId,
  checkId,
  checkIdempotencyKey,
  checkPage,
  fail,
  issue,
} from '../client/input-checks.js';
import { collectPerson, type PersonInput } from '../client/person-input.js';
import { protectedCall } from '../client/protected-call.js';
import type { InputIssue } from '../errors/validation-failed-error.js';
import { WaitTimeoutError } from '../errors/wait-timeout-error.js';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentRequest,
  type DocumentRequestStatus,
  documentRequestPageSchema,
  documentRequestSchema,
} from './models.js';

export interface RequestDocumentInput {
  kind: DocumentKind;
  /** Whom the document is about; a person signed in through ESIA may leave it out (themselves). */
  subject?: PersonInput;
  purpose?: string;
  externalId?: string;
  /** Makes a repeated request return the first one; generated when absent. */
  idempotencyKey?: string;
}

export async function requestDocument(
  context: GospochtaContext,
  input: RequestDocumentInput,
): Promise<DocumentRequest> {
  const issues: InputIssue[] = [];
  if (typeof input?.kind !== 'string' || !Object.hasOwn(DOCUMENT_KINDS, input.kind)) {
    issues.push(issue('kind', 'DOCUMENT_KIND', 'Неизвестный вид документа.', 'Unknown document kind.'));
  }
  const subject = input?.subject === undefined ? undefined : collectPerson(input.subject, 'subject', issues);
  if (input?.purpose !== undefined && (typeof input.purpose !== 'string' || input.purpose.length > 500)) {
    issues.push(
      issue('purpose', 'PURPOSE', 'Цель — не более 500 символов.', 'The purpose is at most 500 characters.'),
    );
  }
  if (issues.length > 0) {
    fail(issues);
  }
  const externalId = checkExternalId(input.externalId);
  const idempotencyKey =
    input.idempotencyKey === undefined ? context.randomUUID() : checkIdempotencyKey(input.idempotencyKey);
  const body = {
    kind: input.kind,
    ...(subject ? { subject } : {}),
    ...(input.purpose === undefined ? {} : { purpose: input.purpose }),
    ...(externalId === undefined ? {} : { externalId }),
  };
  const claim = await claimIdempotencyKey(context, 'requestDocument', idempotencyKey, body);
  try {
    const { data } = await protectedCall(context, {
      operation: 'requestDocument',
      method: 'POST',
      template: '/v1/documents/requests',
      path: '/v1/documents/requests',
      json: body,
      idempotencyKey,
      schema: documentRequestSchema,
    });
    return data as DocumentRequest;
  } catch (error) {
    if (notActedOn(error)) {
      await claim.release();
    }
    throw error;
  }
}

export async function getDocumentRequest(
  context: GospochtaContext,
  requestId: string,
  signal?: AbortSignal,
): Promise<{ request: DocumentRequest; retryAfterMs: number | undefined }> {
  const id = checkId(requestId, 'requestId');
  const result = await protectedCall(context, {
    operation: 'getDocumentRequest',
    method: 'GET',
    template: '/v1/documents/requests/{requestId}',
    path: `/v1/documents/requests/${id}`,
    schema: documentRequestSchema,
    ...(signal ? { signal } : {}),
  });
  const header = result.headers.get('retry-after');
  const seconds = header !== null && /^\d{1,6}$/.test(header) ? Number(header) : undefined;
  return {
    request: result.data as DocumentRequest,
    retryAfterMs: seconds === undefined ? undefined : seconds * 1000,
  };
}

export interface WaitUntilReadyOptions {
  /** Between polls when the portal gives no Retry-After, ms. Default 2 000. */
  intervalMs?: number;
  /** Default 600 000 (10 min). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Polls until `ready` or `failed` (returned as it is: check `status`). */
export async function waitUntilReady(
  context: GospochtaContext,
  requestId: string,
  options: WaitUntilReadyOptions = {},
): Promise<DocumentRequest> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const deadline = context.clock.now() + timeoutMs;
  let last: DocumentRequestStatus | undefined;
  for (;;) {
    const { request, retryAfterMs } = await getDocumentRequest(context, requestId, options.signal);
    last = request.status;
    if (request.status === 'ready' || request.status === 'failed') {
      return request;
    }
    if (context.clock.now() >= deadline) {
      throw new WaitTimeoutError(`document request ${requestId}`, timeoutMs, last);
    }
    await context.sleep(
      Math.min(retryAfterMs ?? options.intervalMs ?? 2_000, Math.max(0, deadline - context.clock.now())),
      options.signal,
    );
  }
}

export function documentRequests(
  context: GospochtaContext,
  filter: { status?: DocumentRequestStatus; limit?: number; signal?: AbortSignal } = {},
): Paginated<DocumentRequest> {
  checkPage({ limit: filter.limit, filter });
  return paginate<DocumentRequest>(
    async ({ cursor }) => {
      checkPage({ cursor });
      const { data } = await protectedCall(context, {
        operation: 'listDocumentRequests',
        method: 'GET',
        template: '/v1/documents/requests',
        path: '/v1/documents/requests',
        query: {
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.limit === undefined ? {} : { limit: filter.limit }),
          ...(cursor === undefined ? {} : { cursor }),
        },
        schema: documentRequestPageSchema,
      });
      return data as { items: DocumentRequest[]; nextCursor: string | null };
    },
    { ...(filter.signal ? { signal: filter.signal } : {}) },
  );
}
