/**
 * The test portal's operations, one handler each, over the state in state.ts — enough of the contract
 * for the client's tests, with the portal-side checks the client relies on (hashes and CMS signatures
 * of attachments, amounts, charges paid once, links that expire).
 */
import {
  canonicalJsonBytes,
  createDetachedSignedData,
  fromBase64Any,
  streebog256,
  toBase64,
  toHex,
  verifyDetachedSignedData,
} from '@goskit/crypto';
import { OPERATION_PERMISSIONS, ROLE_PERMISSIONS, signDetached } from '../../../src/index.js';
import { minimalPdf } from '../pdf.js';
import {
  documentStatus,
  type IncomingLetter,
  iso,
  nextId,
  type PortalSigners,
  type PortalState,
  type StoredFile,
  type StoredLetter,
  timeline,
} from './state.js';
import type { PortalPerson } from './tokens.js';

export class PortalProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export interface Caller {
  clientId: string;
  subject: string;
  role: string;
  organisation?: { name: string; ogrn?: string; inn?: string };
  person?: PortalPerson;
  permissions: readonly string[];
  expiresAt: number;
}

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  json: Record<string, unknown>;
  caller: Caller;
  now: number;
  state: PortalState;
  signers: PortalSigners;
  linkSecret: Uint8Array;
}

export interface RouteResult {
  status: number;
  json?: unknown;
  bytes?: Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes))));
}

async function makeFile(
  id: string,
  name: string,
  mediaType: string,
  content: Uint8Array,
  kind: StoredFile['kind'],
): Promise<StoredFile> {
  return {
    id,
    name,
    mediaType,
    content,
    kind,
    sha256: await sha256Hex(content),
    streebog256: toHex(streebog256(content)),
  };
}

function page<T>(items: T[], query: URLSearchParams): { items: T[]; nextCursor: string | null } {
  const limit = Number(query.get('limit') ?? '20');
  const start = Number(query.get('cursor') ?? '0');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Number.isInteger(start) || start < 0) {
    throw new PortalProblem(400, 'INVALID_REQUEST', { field: 'limit' });
  }
  const slice = items.slice(start, start + limit);
  return { items: slice, nextCursor: start + limit < items.length ? String(start + limit) : null };
}

function person(p: { lastName: string; firstName: string; middleName?: string; snils?: string }) {
  return {
    lastName: p.lastName,
    firstName: p.firstName,
    ...(p.middleName ? { middleName: p.middleName } : {}),
    ...(p.snils ? { snils: p.snils } : {}),
  };
}

function letterSummary(letter: IncomingLetter) {
  return {
    id: letter.id,
    documentType: letter.documentType,
    subject: letter.subject,
    sender: letter.sender,
    status: letter.readAt === undefined ? 'new' : 'read',
    receivedAt: iso(letter.receivedAt),
    ...(letter.readAt === undefined ? {} : { readAt: iso(letter.readAt) }),
    attachmentCount: letter.files.length,
    legallySignificant: letter.legallySignificant,
  };
}

function letterView(letter: IncomingLetter) {
  return {
    ...letterSummary(letter),
    ...(letter.text ? { text: letter.text } : {}),
    recipient: person(letter.recipient),
    attachments: letter.files.map(({ id, name, mediaType, content, kind, sha256, streebog256 }) => ({
      id,
      name,
      mediaType,
      size: content.length,
      kind,
      sha256,
      streebog256,
    })),
  };
}

/** Delivered letters appear in the addressee's inbox (once). */
function syncInboxes(context: RouteContext): void {
  for (const letter of context.state.outgoing.values()) {
    const line = timeline(letter, context.state.persons, context.now);
    const delivered = line.history.find((h) => h.status === 'delivered');
    const person = context.state.persons.find((p) => p.snils === letter.recipient.snils);
    if (
      !delivered ||
      !person ||
      [...context.state.incoming.values()].some((l) => l.outgoingId === letter.id)
    ) {
      continue;
    }
    const id = nextId(context.state, 'in');
    context.state.incoming.set(id, {
      id,
      owner: person.oid,
      sender: letter.sender,
      recipient: letter.recipient,
      documentType: letter.documentType,
      subject: letter.subject,
      ...(letter.text ? { text: letter.text } : {}),
      files: letter.files,
      receivedAt: delivered.at,
      legallySignificant: true,
      outgoingId: letter.id,
    });
  }
}

function ownIncoming(context: RouteContext): IncomingLetter {
  syncInboxes(context);
  const letter = context.state.incoming.get(context.params.letterId as string);
  if (!letter || letter.owner !== context.caller.subject) {
    throw new PortalProblem(404, 'NOT_FOUND');
  }
  return letter;
}

function ownOutgoing(context: RouteContext): StoredLetter {
  const letter = context.state.outgoing.get(context.params.letterId as string);
  if (!letter || letter.senderClientId !== context.caller.clientId) {
    throw new PortalProblem(404, 'NOT_FOUND');
  }
  return letter;
}

function outgoingView(context: RouteContext, letter: StoredLetter) {
  const line = timeline(letter, context.state.persons, context.now);
  const last = line.history[line.history.length - 1] as { at: number };
  return {
    id: letter.id,
    ...(letter.externalId ? { externalId: letter.externalId } : {}),
    status: line.status,
    documentType: letter.documentType,
    subject: letter.subject,
    recipient: person(letter.recipient),
    acceptedAt: iso(letter.acceptedAt),
    updatedAt: iso(last.at),
    statusHistory: line.history.map((h) => ({
      status: h.status,
      at: iso(h.at),
      ...(h.reason ? { reason: h.reason } : {}),
    })),
    ...(line.refusalReason ? { refusalReason: line.refusalReason } : {}),
    ...(line.status === 'failed' ? { failureReason: 'delivery-error' } : {}),
    attachments: letter.files.map(({ name, sha256, streebog256 }) => ({ name, sha256, streebog256 })),
    deliveryActAvailable: line.status !== 'accepted' && line.status !== 'sent',
  };
}

async function deliveryAct(context: RouteContext, letter: StoredLetter) {
  const line = timeline(letter, context.state.persons, context.now);
  if (line.status === 'accepted' || line.status === 'sent') {
    throw new PortalProblem(409, 'NOT_READY');
  }
  const at = (status: string) => line.history.find((h) => h.status === status)?.at;
  const times: Record<string, string> = {};
  for (const [name, status] of [
    ['sentAt', 'sent'],
    ['deliveredAt', 'delivered'],
    ['readAt', 'read'],
    ['refusedAt', 'refused'],
    ['failedAt', 'failed'],
  ] as const) {
    const value = at(status);
    if (value !== undefined) {
      times[name] = iso(value);
    }
  }
  const last = line.history[line.history.length - 1] as { at: number };
  const pdf = minimalPdf([
    `Delivery act for letter ${letter.id}`,
    `Legal fact: ${line.status}`,
    ...letter.files.map((f) => `${f.name} sha256 ${f.sha256}`),
  ]);
  const act = {
    actId: `act_${letter.id}_${line.status}`,
    letterId: letter.id,
    ...(letter.externalId ? { externalId: letter.externalId } : {}),
    documentType: letter.documentType,
    legalFact: line.status,
    ...(line.refusalReason ? { refusalReason: line.refusalReason } : {}),
    documents: letter.files.map(({ name, sha256, streebog256 }) => ({ name, sha256, streebog256 })),
    addressee: person(letter.recipient),
    sender: letter.sender,
    acceptedAt: iso(letter.acceptedAt),
    ...times,
    issuedAt: iso(last.at),
    pdfSha256: await sha256Hex(pdf),
    issuer: 'Госпочта (тестовый портал goskit)',
  };
  return { act, pdf, signature: await signDetached(canonicalJsonBytes(act), context.signers.acts) };
}

async function checkAttachments(raw: unknown): Promise<StoredFile[]> {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 20) {
    throw new PortalProblem(422, 'VALIDATION_FAILED', { field: '/attachments' });
  }
  const files: StoredFile[] = [];
  for (const [index, item] of raw.entries()) {
    const a = item as Record<string, string>;
    const content = fromBase64Any(a.content ?? '');
    const file = await makeFile(`att_${index + 1}`, a.name ?? '', a.mediaType ?? '', content, 'original');
    if (file.sha256 !== a.sha256 || file.streebog256 !== a.streebog256) {
      throw new PortalProblem(422, 'SIGNATURE_INVALID', { field: `/attachments/${index}` });
    }
    const verification = await verifyDetachedSignedData(fromBase64Any(a.signature ?? ''), content);
    if (!verification.valid) {
      throw new PortalProblem(422, 'SIGNATURE_INVALID', { field: `/attachments/${index}/signature` });
    }
    files.push(file);
  }
  return files;
}

async function receiptFor(
  context: RouteContext,
  paymentId: string,
  uin: string,
  amount: number,
  payer: Record<string, unknown>,
) {
  const charge = context.state.charges.get(uin);
  const pdf = minimalPdf([`Receipt for payment ${paymentId}`, `UIN ${uin}`, `Amount ${amount} kopecks`]);
  const receipt = {
    receiptId: `rcp_${paymentId}`,
    paymentId,
    uin,
    amount,
    payer,
    payee: charge?.payee ?? { name: 'unknown' },
    purpose: charge?.purpose ?? '',
    paidAt: iso(context.now),
    bankReference: `TEST-${paymentId}`,
    pdfSha256: await sha256Hex(pdf),
    issuer: 'Госпочта (тестовый портал goskit)',
  };
  return { receipt, pdf, signature: await signDetached(canonicalJsonBytes(receipt), context.signers.acts) };
}

function paymentView(payment: { id: string; uin: string; amount: number; createdAt: number }) {
  return {
    id: payment.id,
    uin: payment.uin,
    amount: payment.amount,
    status: 'completed',
    createdAt: iso(payment.createdAt),
    completedAt: iso(payment.createdAt),
  };
}

async function linkFor(
  context: RouteContext,
  documentId: string,
): Promise<{ url: string; expiresAt: number }> {
  const expiresAt = context.now + 60_000;
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    new Uint8Array(context.linkSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(
    await globalThis.crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${documentId}.${expiresAt}`)),
  );
  const sig = Buffer.from(mac).toString('base64url');
  return { url: `/v1/documents/${documentId}/content?expires=${expiresAt}&sig=${sig}`, expiresAt };
}

async function documentView(
  context: RouteContext,
  request: ReturnType<PortalState['documents']['get']> & object,
) {
  const status = documentStatus(request, context.now);
  if (status === 'ready' && !request.document) {
    const content = minimalPdf([`Document ${request.kind}`, `Request ${request.id}`]);
    const signed = await createDetachedSignedData({
      signer: context.signers.documents,
      content,
      signingTime: new Date(context.now),
    });
    request.document = {
      id: `doc${request.id.slice(3)}`,
      name: `${request.kind}.pdf`,
      content,
      sha256: await sha256Hex(content),
      streebog256: toHex(streebog256(content)),
      signature: toBase64(signed),
    };
    request.link = await linkFor(context, request.document.id);
  }
  return {
    id: request.id,
    kind: request.kind,
    status,
    ...(request.externalId ? { externalId: request.externalId } : {}),
    requestedAt: iso(request.requestedAt),
    ...(status === 'ready' ? { readyAt: iso(request.requestedAt + 10_000) } : {}),
    ...(status === 'failed' ? { failureReason: 'agency-refused' } : {}),
    ...(status === 'ready' && request.document && request.link
      ? {
          document: {
            id: request.document.id,
            name: request.document.name,
            mediaType: 'application/pdf',
            size: request.document.content.length,
            sha256: request.document.sha256,
            streebog256: request.document.streebog256,
            signature: request.document.signature,
            link: { url: request.link.url, expiresAt: iso(request.link.expiresAt) },
          },
        }
      : {}),
  };
}

function ownDocument(context: RouteContext, documentId: string) {
  const request = [...context.state.documents.values()].find(
    (r) => r.document?.id === documentId && r.owner === context.caller.subject,
  );
  if (!request?.document) {
    throw new PortalProblem(404, 'NOT_FOUND');
  }
  return request as typeof request & { document: NonNullable<typeof request.document> };
}

export type Route = {
  method: string;
  pattern: RegExp;
  operation: keyof typeof OPERATION_PERMISSIONS;
  handle: (context: RouteContext) => Promise<RouteResult>;
};

const ok = (json: unknown, status = 200, headers?: Record<string, string>): RouteResult => ({
  status,
  json,
  ...(headers ? { headers } : {}),
});

export const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/session$/,
    operation: 'getSession',
    handle: async ({ caller }) =>
      ok({
        subject: caller.subject,
        clientId: caller.clientId,
        role: caller.role,
        permissions: caller.permissions,
        expiresAt: iso(caller.expiresAt),
        ...(caller.organisation ? { organisation: caller.organisation } : {}),
      }),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/roles$/,
    operation: 'getRoleMatrix',
    handle: async () =>
      ok({
        roles: Object.entries(ROLE_PERMISSIONS).map(([role, permissions]) => ({ role, permissions })),
        operations: Object.entries(OPERATION_PERMISSIONS).map(([operationId, permission]) => ({
          operationId,
          permission,
        })),
      }),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/inbox$/,
    operation: 'listInbox',
    handle: async (context) => {
      syncInboxes(context);
      const { query } = context;
      const items = [...context.state.incoming.values()]
        .filter((l) => l.owner === context.caller.subject)
        .filter((l) => !query.get('status') || (query.get('status') === 'new') === (l.readAt === undefined))
        .filter((l) => !query.get('documentType') || l.documentType === query.get('documentType'))
        .filter(
          (l) =>
            !query.get('receivedFrom') || l.receivedAt >= Date.parse(query.get('receivedFrom') as string),
        )
        .filter(
          (l) => !query.get('receivedTo') || l.receivedAt <= Date.parse(query.get('receivedTo') as string),
        )
        .sort((a, b) => b.receivedAt - a.receivedAt || b.id.localeCompare(a.id));
      const result = page(items, query);
      return ok({ items: result.items.map(letterSummary), nextCursor: result.nextCursor });
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/inbox\/(?<letterId>[^/]+)$/,
    operation: 'getLetter',
    handle: async (c) => ok(letterView(ownIncoming(c))),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/inbox\/(?<letterId>[^/]+)\/attachments\/(?<attachmentId>[^/]+)$/,
    operation: 'downloadAttachment',
    handle: async (context) => {
      const file = ownIncoming(context).files.find((f) => f.id === context.params.attachmentId);
      if (!file) {
        throw new PortalProblem(404, 'NOT_FOUND');
      }
      return { status: 200, bytes: file.content, contentType: file.mediaType };
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/inbox\/(?<letterId>[^/]+)\/read$/,
    operation: 'markLetterRead',
    handle: async (context) => {
      const letter = ownIncoming(context);
      letter.readAt ??= context.now;
      const outgoing = letter.outgoingId ? context.state.outgoing.get(letter.outgoingId) : undefined;
      if (outgoing) {
        outgoing.readAt ??= context.now;
      }
      return ok(letterView(letter));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/outbox$/,
    operation: 'listOutbox',
    handle: async (context) => {
      const { query } = context;
      const items = [...context.state.outgoing.values()]
        .filter((l) => l.senderClientId === context.caller.clientId)
        .map((l) => outgoingView(context, l))
        .filter((l) => !query.get('status') || l.status === query.get('status'))
        .filter((l) => !query.get('documentType') || l.documentType === query.get('documentType'))
        .filter((l) => !query.get('externalId') || l.externalId === query.get('externalId'))
        .reverse();
      return ok(page(items, query));
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/outbox$/,
    operation: 'sendLetter',
    handle: async (context) => {
      const body = context.json;
      const recipient = body.recipient as Record<string, string> | undefined;
      if (!recipient?.snils || !recipient.lastName || !recipient.firstName) {
        throw new PortalProblem(422, 'VALIDATION_FAILED', { field: '/recipient' });
      }
      const files = await checkAttachments(body.attachments);
      const id = nextId(context.state, 'ltr');
      const letter: StoredLetter = {
        id,
        senderClientId: context.caller.clientId,
        sender: {
          name: context.caller.organisation?.name ?? context.caller.clientId,
          ...(context.caller.organisation?.ogrn ? { ogrn: context.caller.organisation.ogrn } : {}),
        },
        recipient: {
          lastName: recipient.lastName,
          firstName: recipient.firstName,
          ...(recipient.middleName ? { middleName: recipient.middleName } : {}),
          snils: recipient.snils,
        },
        documentType: String(body.documentType),
        subject: String(body.subject),
        ...(typeof body.text === 'string' ? { text: body.text } : {}),
        ...(typeof body.externalId === 'string' ? { externalId: body.externalId } : {}),
        files,
        acceptedAt: context.now,
      };
      context.state.outgoing.set(id, letter);
      return ok(outgoingView(context, letter), 202, { location: `/v1/outbox/${id}` });
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/outbox\/(?<letterId>[^/]+)$/,
    operation: 'getOutgoingLetter',
    handle: async (context) => {
      const view = outgoingView(context, ownOutgoing(context));
      const final = view.status === 'read' || view.status === 'refused' || view.status === 'failed';
      return ok(view, 200, final ? undefined : { 'retry-after': '5' });
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/outbox\/(?<letterId>[^/]+)\/delivery-act$/,
    operation: 'getDeliveryAct',
    handle: async (context) => {
      const { act, signature } = await deliveryAct(context, ownOutgoing(context));
      return ok({ act, signature });
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/outbox\/(?<letterId>[^/]+)\/delivery-act\/pdf$/,
    operation: 'getDeliveryActPdf',
    handle: async (context) => ({
      status: 200,
      bytes: (await deliveryAct(context, ownOutgoing(context))).pdf,
      contentType: 'application/pdf',
    }),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/webhooks$/,
    operation: 'listWebhooks',
    handle: async (context) =>
      ok({
        items: [...context.state.webhooks.values()]
          .filter((w) => w.owner === context.caller.clientId)
          .map(({ id, url, events, createdAt }) => ({ id, url, events, createdAt: iso(createdAt) })),
      }),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/webhooks$/,
    operation: 'createWebhook',
    handle: async (context) => {
      const id = nextId(context.state, 'wh');
      const hook = {
        id,
        owner: context.caller.clientId,
        url: String(context.json.url),
        events: context.json.events as string[],
        createdAt: context.now,
      };
      context.state.webhooks.set(id, hook);
      return ok({ id, url: hook.url, events: hook.events, createdAt: iso(hook.createdAt) }, 201);
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/v1\/webhooks\/(?<webhookId>[^/]+)$/,
    operation: 'deleteWebhook',
    handle: async (context) => {
      const hook = context.state.webhooks.get(context.params.webhookId as string);
      if (!hook || hook.owner !== context.caller.clientId) {
        throw new PortalProblem(404, 'NOT_FOUND');
      }
      context.state.webhooks.delete(hook.id);
      return ok({ id: hook.id, url: hook.url, events: hook.events, createdAt: iso(hook.createdAt) });
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/charges\/search$/,
    operation: 'searchCharges',
    handle: async (context) => {
      const { uin, inn, snils } = context.json as Record<string, string | undefined>;
      const charges = [...context.state.charges.values()].filter(
        (c) =>
          (uin !== undefined && c.uin === uin) ||
          (inn !== undefined && c.payerInn === inn) ||
          (snils !== undefined && c.payerSnils === snils),
      );
      return ok({
        charges: charges.map((c) => ({
          uin: c.uin,
          amount: c.amount,
          amountToPay: c.paidBy ? 0 : c.amountToPay,
          purpose: c.purpose,
          payee: c.payee,
          issuedAt: iso(c.issuedAt),
          status: c.paidBy ? 'paid' : 'unpaid',
        })),
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/payments$/,
    operation: 'listPayments',
    handle: async (context) =>
      ok(
        page(
          [...context.state.payments.values()]
            .filter((p) => p.owner === context.caller.subject)
            .map(paymentView)
            .reverse(),
          context.query,
        ),
      ),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/payments$/,
    operation: 'createPayment',
    handle: async (context) => {
      const { uin, amount, payer } = context.json as {
        uin: string;
        amount: number;
        payer: Record<string, unknown>;
      };
      const charge = context.state.charges.get(uin);
      if (!charge) {
        throw new PortalProblem(404, 'NOT_FOUND', { field: '/uin' });
      }
      if (charge.paidBy) {
        throw new PortalProblem(409, 'CHARGE_ALREADY_PAID');
      }
      if (amount !== charge.amountToPay) {
        throw new PortalProblem(422, 'AMOUNT_MISMATCH', { field: '/amount' });
      }
      const id = nextId(context.state, 'pay');
      const { receipt, pdf, signature } = await receiptFor(context, id, uin, amount, payer);
      context.state.payments.set(id, {
        id,
        owner: context.caller.subject,
        uin,
        amount,
        createdAt: context.now,
        receipt,
        receiptSignature: signature,
        receiptPdf: pdf,
      });
      charge.paidBy = id;
      return ok(
        {
          payment: paymentView({ id, uin, amount, createdAt: context.now }),
          receipt: { receipt, signature },
        },
        201,
        { location: `/v1/payments/${id}` },
      );
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/payments\/(?<paymentId>[^/]+)$/,
    operation: 'getPayment',
    handle: async (context) => {
      const payment = context.state.payments.get(context.params.paymentId as string);
      if (!payment || payment.owner !== context.caller.subject) {
        throw new PortalProblem(404, 'NOT_FOUND');
      }
      return ok(paymentView(payment));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/payments\/(?<paymentId>[^/]+)\/receipt$/,
    operation: 'getReceipt',
    handle: async (context) => {
      const payment = context.state.payments.get(context.params.paymentId as string);
      if (!payment || payment.owner !== context.caller.subject) {
        throw new PortalProblem(404, 'NOT_FOUND');
      }
      return ok({ receipt: payment.receipt, signature: payment.receiptSignature });
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/payments\/(?<paymentId>[^/]+)\/receipt\/pdf$/,
    operation: 'getReceiptPdf',
    handle: async (context) => {
      const payment = context.state.payments.get(context.params.paymentId as string);
      if (!payment || payment.owner !== context.caller.subject) {
        throw new PortalProblem(404, 'NOT_FOUND');
      }
      return { status: 200, bytes: payment.receiptPdf, contentType: 'application/pdf' };
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/documents\/requests$/,
    operation: 'listDocumentRequests',
    handle: async (context) => {
      const mine = [...context.state.documents.values()].filter((r) => r.owner === context.caller.subject);
      const views = [];
      for (const request of mine.reverse()) {
        views.push(await documentView(context, request));
      }
      return ok(page(views, context.query));
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/documents\/requests$/,
    operation: 'requestDocument',
    handle: async (context) => {
      const id = nextId(context.state, 'req');
      const request = {
        id,
        owner: context.caller.subject,
        kind: String(context.json.kind),
        ...(typeof context.json.externalId === 'string' ? { externalId: context.json.externalId } : {}),
        requestedAt: context.now,
        ...(context.json.purpose === 'fail' ? { failed: true } : {}),
      };
      context.state.documents.set(id, request);
      return ok(await documentView(context, request), 202, { location: `/v1/documents/requests/${id}` });
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/documents\/requests\/(?<requestId>[^/]+)$/,
    operation: 'getDocumentRequest',
    handle: async (context) => {
      const request = context.state.documents.get(context.params.requestId as string);
      if (!request || request.owner !== context.caller.subject) {
        throw new PortalProblem(404, 'NOT_FOUND');
      }
      const view = await documentView(context, request);
      return ok(
        view,
        200,
        view.status === 'ready' || view.status === 'failed' ? undefined : { 'retry-after': '3' },
      );
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/documents\/(?<documentId>[^/]+)\/link$/,
    operation: 'renewDocumentLink',
    handle: async (context) => {
      const request = ownDocument(context, context.params.documentId as string);
      request.link = await linkFor(context, request.document.id);
      return ok({ url: request.link.url, expiresAt: iso(request.link.expiresAt) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/documents\/(?<documentId>[^/]+)\/content$/,
    operation: 'downloadDocument',
    handle: async (context) => {
      const request = ownDocument(context, context.params.documentId as string);
      const expires = Number(context.query.get('expires'));
      const expected = await linkFor({ ...context, now: expires - 60_000 }, request.document.id);
      if (
        `${expected.url}` !==
        `/v1/documents/${request.document.id}/content?expires=${context.query.get('expires')}&sig=${context.query.get('sig')}`
      ) {
        throw new PortalProblem(403, 'LINK_INVALID');
      }
      if (context.now >= expires) {
        throw new PortalProblem(410, 'LINK_EXPIRED');
      }
      return { status: 200, bytes: request.document.content, contentType: 'application/pdf' };
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/audit$/,
    operation: 'listAudit',
    handle: async (context) =>
      ok(
        page(
          context.state.audit.map((r) => ({ ...r, at: iso(r.at) })),
          context.query,
        ),
      ),
  },
];

/** Seeds an incoming letter (a scanned paper letter and its PDF original) for `owner`. */
export async function seedIncoming(
  state: PortalState,
  owner: string,
  recipient: IncomingLetter['recipient'],
  now: number,
  documentType = 'notice',
) {
  const id = nextId(state, 'in');
  state.incoming.set(id, {
    id,
    owner,
    sender: { name: 'ФНС России', ogrn: '1047707030513' },
    recipient,
    documentType,
    subject: `Письмо ${id}`,
    text: 'Уведомление о начислении.',
    files: [
      await makeFile(
        'scan1',
        'scan-1.jpg',
        'image/jpeg',
        Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]),
        'scan',
      ),
      await makeFile(
        'orig1',
        'original.pdf',
        'application/pdf',
        minimalPdf([`Original of ${id}`]),
        'original',
      ),
    ],
    receivedAt: now,
    legallySignificant: documentType !== 'other',
  });
  return id;
}
