import type { Paginated } from '@goskit/core';
import type { AccessTokenClaims } from '../access/access-token.js';
import type { Permission } from '../access/roles.js';
import { getRoleMatrix, getSession, type RoleMatrix, type Session } from '../access/session-api.js';
import { type AuditRecord, audit } from '../admin/audit.js';
import {
  type DownloadedDocument,
  type DownloadOptions,
  downloadDocument,
  renewDocumentLink,
} from '../documents/download.js';
import type {
  DocumentInfo,
  DocumentLink,
  DocumentRequest,
  DocumentRequestStatus,
} from '../documents/models.js';
import {
  documentRequests,
  getDocumentRequest,
  type RequestDocumentInput,
  requestDocument,
  type WaitUntilReadyOptions,
  waitUntilReady,
} from '../documents/requests.js';
import { getDeliveryAct, getDeliveryActPdf, type VerifiedDeliveryAct } from '../letters/delivery-act.js';
import {
  type DownloadedFile,
  downloadAttachment,
  getLetter,
  type InboxFilter,
  type InboxPage,
  inbox,
  listInboxPage,
  markLetterRead,
} from '../letters/inbox.js';
import type { Attachment, Letter, LetterSummary, OutgoingLetter } from '../letters/models.js';
import {
  getOutgoingLetter,
  listOutboxPage,
  type OutboxFilter,
  type OutboxPage,
  outbox,
} from '../letters/outbox.js';
import { type SendLetterInput, type SentLetter, sendLetter } from '../letters/send-letter.js';
import {
  type BatchOptions,
  type BatchResult,
  measureSla,
  type SlaOptions,
  type SlaReport,
  sendBatch,
} from '../letters/sla.js';
import { type WaitForStatusOptions, waitForStatus } from '../letters/wait-for-status.js';
import type { PacketCodec } from '../packets/packet-codec.js';
import { type ChargeQuery, findCharges } from '../payments/charges.js';
import type { Charge, Payment } from '../payments/models.js';
import { type PayInput, type PaymentOutcome, pay } from '../payments/pay.js';
import { getPayment, type PaymentFilter, payments } from '../payments/payment-list.js';
import { getReceipt, getReceiptPdf, type VerifiedReceipt } from '../payments/receipts.js';
import type { ClientCertificateInfo } from '../tls/mtls-fetch.js';
import type { WebhookEventType, WebhookSubscription } from '../webhooks/models.js';
import { createWebhook, deleteWebhook, listWebhooks } from '../webhooks/subscriptions.js';
import { createGospochtaContext } from './context.js';
import type { GospochtaClientOptions } from './options.js';

export interface GospochtaClient {
  readonly baseUrl: string;
  /** The packet codec with this client's keys (build/verify packets yourself, e.g. in tests). */
  readonly packets: PacketCodec;
  /** The client certificate presented over mutual TLS (undefined without `tls`). */
  readonly clientCertificate: ClientCertificateInfo | undefined;
  readonly auth: {
    /** A valid access token (refreshed ahead of expiry, single-flight). */
    getAccessToken(): Promise<string>;
    /** The verified token's subject, role and permissions. */
    claims(): Promise<AccessTokenClaims | undefined>;
    /** Whether the token's role has the permission. */
    can(permission: Permission): Promise<boolean>;
  };
  /** The portal's view of the token (GET /v1/session). */
  session(): Promise<Session>;
  /** The role → permission matrix (admin). */
  roleMatrix(): Promise<RoleMatrix>;
  readonly letters: {
    inbox(filter?: InboxFilter): Paginated<LetterSummary>;
    listInbox(filter?: InboxFilter, cursor?: string): Promise<InboxPage>;
    get(letterId: string): Promise<Letter>;
    downloadAttachment(letterId: string, attachment: Attachment | string): Promise<DownloadedFile>;
    markRead(letterId: string): Promise<Letter>;
  };
  readonly outbox: {
    send(input: SendLetterInput): Promise<SentLetter>;
    list(filter?: OutboxFilter): Paginated<OutgoingLetter>;
    listPage(filter?: OutboxFilter, cursor?: string): Promise<OutboxPage>;
    get(letterId: string): Promise<OutgoingLetter>;
    waitForStatus(letterId: string, options?: WaitForStatusOptions): Promise<OutgoingLetter>;
    deliveryAct(letterId: string, options?: { letter?: OutgoingLetter }): Promise<VerifiedDeliveryAct>;
    deliveryActPdf(letterId: string, verified?: VerifiedDeliveryAct): Promise<Uint8Array>;
    sendBatch(letters: readonly SendLetterInput[], options?: BatchOptions): Promise<BatchResult>;
    measureSla(letters: readonly OutgoingLetter[], options?: SlaOptions): SlaReport;
  };
  readonly webhooks: {
    create(input: { url: string; events: readonly WebhookEventType[] }): Promise<WebhookSubscription>;
    list(): Promise<WebhookSubscription[]>;
    delete(webhookId: string): Promise<WebhookSubscription>;
  };
  readonly payments: {
    findCharges(query: ChargeQuery, signal?: AbortSignal): Promise<Charge[]>;
    pay(input: PayInput): Promise<PaymentOutcome>;
    get(paymentId: string): Promise<Payment>;
    list(filter?: PaymentFilter): Paginated<Payment>;
    receipt(paymentId: string): Promise<VerifiedReceipt>;
    receiptPdf(paymentId: string, verified?: VerifiedReceipt): Promise<Uint8Array>;
  };
  readonly documents: {
    request(input: RequestDocumentInput): Promise<DocumentRequest>;
    get(requestId: string): Promise<DocumentRequest>;
    waitUntilReady(requestId: string, options?: WaitUntilReadyOptions): Promise<DocumentRequest>;
    list(filter?: {
      status?: DocumentRequestStatus;
      limit?: number;
      signal?: AbortSignal;
    }): Paginated<DocumentRequest>;
    download(document: DocumentInfo, options?: DownloadOptions): Promise<DownloadedDocument>;
    renewLink(documentId: string): Promise<DocumentLink>;
  };
  /** The portal's operation log for this system (admin). */
  audit(filter?: { since?: Date; limit?: number }): Paginated<AuditRecord>;
  /** Closes the mutual-TLS agent's sockets. */
  close(): Promise<void>;
}

/**
 * Госпочта (ГЭПС) client on goskit's own contract (openapi/gospochta.yaml — there is no public
 * Госпочта API): SSO tokens verified and refreshed ahead of expiry, roles checked before sending,
 * mutual TLS, every body a protected packet (PII fields AES-256-GCM, HMAC-SHA-256, optional JWS),
 * letters with delivery acts, payments with idempotency keys and receipts, documents by expiring link.
 *
 * @example
 * const gp = createGospochtaClient({ baseUrl: 'http://127.0.0.1:4010/gospochta',
 *   auth: { type: 'client_credentials', clientId, clientSecret }, packetKeys: { keys: [key] },
 *   signer, portalCertificates: [portalPem] });
 * const { letter } = await gp.outbox.send({ recipient, documentType: 'court-notice', subject, attachments });
 * const act = await gp.outbox.deliveryAct((await gp.outbox.waitForStatus(letter.id)).id);
 */
export function createGospochtaClient(options: GospochtaClientOptions): GospochtaClient {
  const context = createGospochtaContext(options);
  return {
    baseUrl: context.baseUrl,
    packets: context.codec,
    clientCertificate: context.mtls?.certificate,
    auth: {
      getAccessToken: () => context.auth.tokenProvider.getToken(),
      claims: () => context.auth.claims(),
      can: async (permission) => (await context.auth.claims())?.permissions.has(permission) ?? false,
    },
    session: () => getSession(context),
    roleMatrix: () => getRoleMatrix(context),
    letters: {
      inbox: (filter) => inbox(context, filter),
      listInbox: (filter, cursor) => listInboxPage(context, filter, cursor),
      get: (letterId) => getLetter(context, letterId),
      downloadAttachment: (letterId, attachment) => downloadAttachment(context, letterId, attachment),
      markRead: (letterId) => markLetterRead(context, letterId),
    },
    outbox: {
      send: (input) => sendLetter(context, input),
      list: (filter) => outbox(context, filter),
      listPage: (filter, cursor) => listOutboxPage(context, filter, cursor),
      get: async (letterId) => (await getOutgoingLetter(context, letterId)).letter,
      waitForStatus: (letterId, waitOptions) => waitForStatus(context, letterId, waitOptions),
      deliveryAct: (letterId, actOptions) => getDeliveryAct(context, letterId, actOptions),
      deliveryActPdf: (letterId, verified) => getDeliveryActPdf(context, letterId, verified),
      sendBatch: (letters, batchOptions) => sendBatch(context, letters, batchOptions),
      measureSla: (letters, slaOptions) => measureSla(letters, slaOptions),
    },
    webhooks: {
      create: (input) => createWebhook(context, input),
      list: () => listWebhooks(context),
      delete: (webhookId) => deleteWebhook(context, webhookId),
    },
    payments: {
      findCharges: (query, signal) => findCharges(context, query, signal),
      pay: (input) => pay(context, input),
      get: (paymentId) => getPayment(context, paymentId),
      list: (filter) => payments(context, filter),
      receipt: (paymentId) => getReceipt(context, paymentId),
      receiptPdf: (paymentId, verified) => getReceiptPdf(context, paymentId, verified),
    },
    documents: {
      request: (input) => requestDocument(context, input),
      get: async (requestId) => (await getDocumentRequest(context, requestId)).request,
      waitUntilReady: (requestId, waitOptions) => waitUntilReady(context, requestId, waitOptions),
      list: (filter) => documentRequests(context, filter),
      download: (document, downloadOptions) => downloadDocument(context, document, downloadOptions),
      renewLink: (documentId) => renewDocumentLink(context, documentId),
    },
    audit: (filter) => audit(context, filter),
    close: async () => {
      await context.mtls?.close();
    },
  };
}
