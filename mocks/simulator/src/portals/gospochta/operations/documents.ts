/**
 * Documents (справка, выписка, сертификат…): request one, watch it become ready on the virtual clock
 * (`Retry-After` while pending or processing), and download it by a link that expires — the link still
 * needs the bearer token and a packet; an altered one is 403 LINK_INVALID, an expired one 410
 * LINK_EXPIRED; a renewed link is a fresh expiry. Only the requester sees a request.
 */
import { documentLink, issueDocument, linkSignatureValid } from '../documents/issue.js';
import { advanceDocument } from '../documents/lifecycle.js';
import { GospochtaProblem } from '../problem.js';
import { type DocumentRequestRecord, iso, nextId, personByOid } from '../state.js';
import { file, type OperationContext, type OperationTable, ok } from './operation.js';
import { page } from './paging.js';

function ownRequest(context: OperationContext, id: string): DocumentRequestRecord {
  const request = context.state.documents.get(id);
  if (request === undefined || request.owner !== context.caller.subject) {
    throw new GospochtaProblem(404, 'NOT_FOUND', { detail: 'no such document request of this account' });
  }
  return request;
}

function ownDocument(context: OperationContext): DocumentRequestRecord {
  const requestId = context.state.documentIds.get(context.params.documentId as string);
  const request = requestId === undefined ? undefined : context.state.documents.get(requestId);
  if (request === undefined || request.owner !== context.caller.subject || request.status !== 'ready') {
    throw new GospochtaProblem(404, 'NOT_FOUND', { detail: 'no such document of this account' });
  }
  return request;
}

async function view(context: OperationContext, request: DocumentRequestRecord) {
  const base = {
    id: request.id,
    kind: request.kind,
    status: request.status,
    ...(request.externalId === undefined ? {} : { externalId: request.externalId }),
    requestedAt: iso(request.requestedAt),
    ...(request.readyAt === undefined ? {} : { readyAt: iso(request.readyAt) }),
    ...(request.failure === undefined ? {} : { failureReason: request.failure.reason }),
  };
  if (request.status !== 'ready') {
    return base;
  }
  const document = await issueDocument(
    request,
    personByOid(context.state, request.owner),
    context.sim.seed,
    context.options.signatureAlg,
  );
  context.state.documentIds.set(document.id, request.id);
  request.linkExpiresAt ??= context.now + context.options.documentLinkTtlMs;
  return {
    ...base,
    document: {
      id: document.id,
      name: document.name,
      mediaType: 'application/pdf',
      size: document.content.length,
      sha256: document.sha256,
      streebog256: document.streebog256,
      signature: document.signature,
      link: await documentLink(context.sim.seed, document.id, request.linkExpiresAt),
    },
  };
}

export const documentOperations: OperationTable = {
  listDocumentRequests: {
    handler: async (context) => {
      const status = context.query.get('status');
      const mine = [...context.state.documents.values()]
        .filter((request) => request.owner === context.caller.subject)
        .filter((request) => status === null || request.status === status)
        .reverse();
      const result = page(mine, context.query);
      const items = [];
      for (const request of result.items) {
        items.push(await view(context, request));
      }
      return ok({ items, nextCursor: result.nextCursor });
    },
  },
  requestDocument: {
    idempotency: 'optional',
    handler: async (context) => {
      const { body, state, caller, now } = context;
      const request: DocumentRequestRecord = {
        id: nextId(state, 'req'),
        status: 'pending',
        owner: caller.subject,
        clientId: caller.clientId,
        kind: body.kind as string,
        ...(typeof body.externalId === 'string' ? { externalId: body.externalId } : {}),
        ...(typeof body.purpose === 'string' ? { purpose: body.purpose } : {}),
        requestedAt: now,
      };
      state.documents.set(request.id, request);
      advanceDocument(context.world, request, now);
      return ok(await view(context, request), 202, { location: `/v1/documents/requests/${request.id}` });
    },
  },
  getDocumentRequest: {
    handler: async (context) => {
      const request = ownRequest(context, context.params.requestId as string);
      const answer = await view(context, request);
      const waiting = request.status === 'pending' || request.status === 'processing';
      const due = context.state.scheduled.get(`D:${request.id}`);
      const wait = due === undefined ? 3 : Math.max(1, Math.ceil((due - context.now) / 1000));
      return ok(answer, 200, waiting ? { 'retry-after': String(wait) } : undefined);
    },
  },
  renewDocumentLink: {
    handler: async (context) => {
      const request = ownDocument(context);
      request.linkExpiresAt = context.now + context.options.documentLinkTtlMs;
      return ok(
        await documentLink(context.sim.seed, context.params.documentId as string, request.linkExpiresAt),
      );
    },
  },
  downloadDocument: {
    handler: async (context) => {
      const request = ownDocument(context);
      const document = request.document;
      const expires = Number(context.query.get('expires'));
      const sig = context.query.get('sig') ?? '';
      if (
        document === undefined ||
        !Number.isSafeInteger(expires) ||
        !(await linkSignatureValid(context.sim.seed, document.id, expires, sig))
      ) {
        throw new GospochtaProblem(403, 'LINK_INVALID', {
          detail: 'the link was not issued for this document',
        });
      }
      if (context.now >= expires) {
        throw new GospochtaProblem(410, 'LINK_EXPIRED', { detail: 'the link has expired; renew it' });
      }
      return file(document.content, 'application/pdf');
    },
  },
};
