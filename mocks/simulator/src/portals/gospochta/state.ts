/**
 * The gospochta portal's state: registered systems and their packet keys, the persons of the roster
 * with their consent flag, letters both ways, charges, payments, document requests, webhook
 * subscriptions and deliveries, idempotency records, seen packet nonces and the operation log. Every
 * table keyed by request input is a Map; everything is structured-cloneable (snapshots). Keys and
 * certificates of the portal itself live in a per-seed cache (keys.ts), not here.
 */
import type { LetterStatus } from '@goskit/gospochta/protocol';

export interface OrganisationRecord {
  name: string;
  ogrn?: string | undefined;
  inn?: string | undefined;
  kpp?: string | undefined;
}

export interface SystemRecord {
  clientId: string;
  clientSecret: string;
  /** As registered: a role outside operator/client/admin is issued as it is (clients refuse it). */
  role: string;
  /** `sub` of its client-credentials tokens (a person's oid for a client-role system). */
  subject: string;
  title: string;
  organisation?: OrganisationRecord;
  /** A narrower permission list written into its tokens. */
  permissions?: string[];
  /** Packet key ids it may use. */
  packetKids: string[];
  /** Certificates (PEM) whose signatures it vouches for (JWS, attachments); empty: any valid signer. */
  signingCertificates: string[];
  /** Refuse its packets without an X-Gospochta-Jws. */
  requireJws: boolean;
  demo: boolean;
}

export interface PacketKeyRecord {
  kid: string;
  macKey: Uint8Array;
  encryptionKey: Uint8Array;
}

export interface PersonRecord {
  oid: string;
  personaId?: string;
  /** 'XXX-XXX-XXX YY' */
  snils: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  inn?: string;
  /** The Gosuslugi profile's consent to receive legally significant letters through ГЭПС. */
  consent: boolean;
}

export type FileKind = 'scan' | 'original' | 'signature';

/** How a seeded file is drawn when first needed (so creating the state stays cheap). */
export interface FileRecipe {
  draw: 'scan' | 'pdf';
  title: string;
  lines: string[];
  seed: string;
}

export interface FileRecord {
  id: string;
  name: string;
  mediaType: string;
  kind: FileKind;
  content?: Uint8Array;
  recipe?: FileRecipe;
  sha256?: string;
  streebog256?: string;
}

export interface PersonFields {
  lastName: string;
  firstName: string;
  middleName?: string;
  snils?: string;
  inn?: string;
  passport?: string;
  address?: string;
  phone?: string;
}

export interface StatusChangeRecord {
  status: LetterStatus;
  at: number;
  reason?: string;
}

export type LegalFact = 'delivered' | 'read' | 'refused' | 'failed';

export interface SignedDocumentRecord {
  json: Record<string, unknown>;
  signature: string;
  pdf: Uint8Array;
}

export interface LetterPlan {
  sentAt: number;
  /** When it reaches the addressee's profile (delivered, or refused without consent). */
  deliverAt: number;
  failAt?: number;
  /** The addressee reads it on their own (addressees.readRate). */
  autoReadAt?: number;
}

export interface OutgoingRecord {
  id: string;
  senderClientId: string;
  sender: OrganisationRecord;
  recipient: PersonFields & { snils: string };
  documentType: string;
  subject: string;
  text?: string;
  externalId?: string;
  files: FileRecord[];
  acceptedAt: number;
  plan: LetterPlan;
  history: StatusChangeRecord[];
  status: LetterStatus;
  /** Decided when the letter reaches ГЭПС (status sent), from the addressee's profile at that moment. */
  route?: 'deliver' | 'no-consent' | 'not-found' | 'fail';
  /** The addressee's oid, once found. */
  addresseeOid?: string;
  refusalReason?: 'no-consent' | 'addressee-not-found' | 'addressee-refused';
  failureReason?: string;
  /** The addressee's inbox copy once delivered. */
  incomingId?: string;
  acts: Map<LegalFact, SignedDocumentRecord>;
}

export interface IncomingRecord {
  id: string;
  /** A person's oid or a system's subject. */
  owner: string;
  sender: OrganisationRecord;
  recipient: PersonFields;
  documentType: string;
  subject: string;
  text?: string;
  files: FileRecord[];
  receivedAt: number;
  readAt?: number;
  legallySignificant: boolean;
  outgoingId?: string;
}

export interface ChargeRecord {
  uin: string;
  kind: 'fine' | 'tax' | 'fee';
  amount: number;
  /** A discounted amount to pay until `discountUntil` (a fine paid within 20 days: half). */
  discountedAmount?: number;
  discountUntil?: number;
  purpose: string;
  payee: OrganisationRecord;
  kbk?: string;
  oktmo?: string;
  payerOid?: string;
  payerSnils?: string;
  payerInn?: string;
  issuedAt: number;
  dueAt?: number;
  paidBy?: string;
}

export interface PaymentRecord {
  id: string;
  /** The token subject that paid (a person's oid, or a system's subject). */
  owner: string;
  clientId: string;
  uin: string;
  amount: number;
  createdAt: number;
  receipt: SignedDocumentRecord;
}

export interface DocumentRequestRecord {
  id: string;
  status: 'pending' | 'processing' | 'ready' | 'failed';
  readyAt?: number;
  owner: string;
  clientId: string;
  kind: string;
  externalId?: string;
  purpose?: string;
  requestedAt: number;
  /** Set by the agency (a control route): refused instead of issued. */
  failure?: { reason: string; at: number };
  document?: {
    id: string;
    name: string;
    content: Uint8Array;
    sha256: string;
    streebog256: string;
    signature: string;
    agency: string;
  };
  /** The current link's expiry, virtual ms (the signature is recomputed from it). */
  linkExpiresAt?: number;
}

export interface SubscriptionRecord {
  id: string;
  clientId: string;
  url: string;
  events: string[];
  createdAt: number;
}

export interface WebhookEventRecord {
  eventId: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface DeliveryRecord {
  id: string;
  subscriptionId: string;
  clientId: string;
  event: WebhookEventRecord;
  attempts: number;
  nextAttemptAt: number;
  status: 'pending' | 'in-flight' | 'delivered' | 'failed';
  /** The last attempt's HTTP status, or the transport failure. */
  lastResult?: string;
  deliveredAt?: number;
}

export interface IdempotencyRecord {
  fingerprint: string;
  done: boolean;
  status: number;
  json?: unknown;
  bytes?: Uint8Array;
  contentType?: string;
  headers: Record<string, string>;
  /** The encrypted body as first sent, and its key id (replayed as is under the same key). */
  wire?: { kid: string; body: Uint8Array; digest: string };
  expiresAt: number;
}

export interface AuditRecord {
  requestId: string;
  at: number;
  operation: string;
  clientId?: string;
  role?: string;
  subject?: string;
  status: number;
  code?: string;
}

export interface IssuedCertificateRecord {
  serialNumber: string;
  clientId: string;
  fingerprint256: string;
  notBefore: string;
  notAfter: string;
  issuedAt: number;
  revoked: boolean;
}

export interface GospochtaState {
  systems: Map<string, SystemRecord>;
  packetKeys: Map<string, PacketKeyRecord>;
  /** By СНИЛС digits. */
  persons: Map<string, PersonRecord>;
  /** oid → СНИЛС digits. */
  personsByOid: Map<string, string>;
  outgoing: Map<string, OutgoingRecord>;
  /**
   * What the virtual clock moves next: a binary min-heap of (time, key) — `L:<letter id>` for a
   * letter's next status, `D:<request id>` for a document request — and the time each key is due.
   */
  agenda: AgendaItem[];
  scheduled: Map<string, number>;
  incoming: Map<string, IncomingRecord>;
  charges: Map<string, ChargeRecord>;
  payments: Map<string, PaymentRecord>;
  documents: Map<string, DocumentRequestRecord>;
  /** Document id → request id. */
  documentIds: Map<string, string>;
  subscriptions: Map<string, SubscriptionRecord>;
  deliveries: Map<string, DeliveryRecord>;
  /** Deliveries still to be attempted (pending or in flight). */
  pendingDeliveries: Set<string>;
  idempotency: Map<string, IdempotencyRecord>;
  /** `kid:nonce` → expiry (virtual ms): packets accepted once. */
  nonces: Map<string, number>;
  audit: AuditRecord[];
  certificates: Map<string, IssuedCertificateRecord>;
  counters: Map<string, number>;
  tokensIssued: number;
}

export interface AgendaItem {
  at: number;
  key: string;
}

export const AUDIT_CAPACITY = 10_000;

export function emptyState(): GospochtaState {
  return {
    systems: new Map(),
    packetKeys: new Map(),
    persons: new Map(),
    personsByOid: new Map(),
    outgoing: new Map(),
    agenda: [],
    scheduled: new Map(),
    incoming: new Map(),
    charges: new Map(),
    payments: new Map(),
    documents: new Map(),
    documentIds: new Map(),
    subscriptions: new Map(),
    deliveries: new Map(),
    pendingDeliveries: new Set(),
    idempotency: new Map(),
    nonces: new Map(),
    audit: [],
    certificates: new Map(),
    counters: new Map(),
    tokensIssued: 0,
  };
}

/** `ltr_000001`, `pay_000002`, … per prefix, in the order things happened. */
export function nextId(state: GospochtaState, prefix: string): string {
  const n = (state.counters.get(prefix) ?? 0) + 1;
  state.counters.set(prefix, n);
  return `${prefix}_${String(n).padStart(6, '0')}`;
}

export function snilsDigits(snils: string): string {
  return snils.replace(/\D/g, '');
}

export function personBySnils(state: GospochtaState, snils: string): PersonRecord | undefined {
  return state.persons.get(snilsDigits(snils));
}

export function personByOid(state: GospochtaState, oid: string): PersonRecord | undefined {
  const digits = state.personsByOid.get(oid);
  return digits === undefined ? undefined : state.persons.get(digits);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
