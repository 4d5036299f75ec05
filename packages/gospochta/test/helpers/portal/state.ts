/**
 * The test portal's data and the rules it models on the virtual clock: letters move
 * accepted (+1 s) sent (+60 s) delivered, or refused (+30 s, no consent flag; +5 s, no such
 * addressee), or failed (+10 s, when planned); documents are pending, processing (+2 s), ready (+10 s).
 */
import type { Signer } from '@goskit/crypto';
import type { TestClock } from '../clock.js';
import type { PortalPerson } from './tokens.js';

export type Status = 'accepted' | 'sent' | 'delivered' | 'read' | 'refused' | 'failed';

export interface StoredFile {
  id: string;
  name: string;
  mediaType: string;
  content: Uint8Array;
  sha256: string;
  streebog256: string;
  kind: 'scan' | 'original' | 'signature';
}

export interface StoredLetter {
  id: string;
  senderClientId: string;
  sender: { name: string; ogrn?: string };
  recipient: { lastName: string; firstName: string; middleName?: string; snils: string };
  documentType: string;
  subject: string;
  text?: string;
  externalId?: string;
  files: StoredFile[];
  acceptedAt: number;
  readAt?: number;
  /** When the letter fails on its way (planned by a test). */
  failAt?: number;
}

export interface IncomingLetter {
  id: string;
  /** Who sees it: a person's oid or a system's subject. */
  owner: string;
  sender: { name: string; ogrn?: string };
  recipient: { lastName: string; firstName: string; middleName?: string };
  documentType: string;
  subject: string;
  text?: string;
  files: StoredFile[];
  receivedAt: number;
  readAt?: number;
  legallySignificant: boolean;
  /** The outgoing letter it mirrors (read → the sender sees read). */
  outgoingId?: string;
}

export interface StoredCharge {
  uin: string;
  amount: number;
  amountToPay: number;
  purpose: string;
  payee: { name: string; inn: string; kpp: string };
  payerSnils?: string;
  payerInn?: string;
  issuedAt: number;
  paidBy?: string;
}

export interface StoredPayment {
  id: string;
  owner: string;
  uin: string;
  amount: number;
  createdAt: number;
  receipt: Record<string, unknown>;
  receiptSignature: string;
  receiptPdf: Uint8Array;
}

export interface StoredDocumentRequest {
  id: string;
  owner: string;
  kind: string;
  externalId?: string;
  requestedAt: number;
  failed?: boolean;
  document?: {
    id: string;
    name: string;
    content: Uint8Array;
    sha256: string;
    streebog256: string;
    signature: string;
  };
  link?: { url: string; expiresAt: number };
}

export interface PortalState {
  persons: PortalPerson[];
  outgoing: Map<string, StoredLetter>;
  incoming: Map<string, IncomingLetter>;
  charges: Map<string, StoredCharge>;
  payments: Map<string, StoredPayment>;
  documents: Map<string, StoredDocumentRequest>;
  webhooks: Map<string, { id: string; owner: string; url: string; events: string[]; createdAt: number }>;
  /** (client id, idempotency key) → the first request's fingerprint and answer. */
  idempotency: Map<string, { fingerprint: string; status: number; json: unknown; done: boolean }>;
  audit: {
    requestId: string;
    at: number;
    operation: string;
    role?: string;
    subject?: string;
    status: number;
    code?: string;
  }[];
  /** Every body that crossed the wire, both ways (for the PII scanner). */
  wire: { direction: 'in' | 'out'; headers: Record<string, string>; body: Uint8Array }[];
  tokensIssued: number;
  counters: Map<string, number>;
}

export function createState(persons: PortalPerson[]): PortalState {
  return {
    persons,
    outgoing: new Map(),
    incoming: new Map(),
    charges: new Map(),
    payments: new Map(),
    documents: new Map(),
    webhooks: new Map(),
    idempotency: new Map(),
    audit: [],
    wire: [],
    tokensIssued: 0,
    counters: new Map(),
  };
}

export function nextId(state: PortalState, prefix: string): string {
  const n = (state.counters.get(prefix) ?? 0) + 1;
  state.counters.set(prefix, n);
  return `${prefix}_${String(n).padStart(6, '0')}`;
}

export interface LetterTimeline {
  status: Status;
  history: { status: Status; at: number; reason?: string }[];
  refusalReason?: 'no-consent' | 'addressee-not-found';
}

/** Where a letter is at `now`, from the rules above. */
export function timeline(
  letter: StoredLetter,
  persons: readonly PortalPerson[],
  now: number,
): LetterTimeline {
  const at = letter.acceptedAt;
  const history: LetterTimeline['history'] = [{ status: 'accepted', at }];
  const person = persons.find((p) => p.snils === letter.recipient.snils);
  if (!person) {
    if (now >= at + 5_000) {
      history.push({ status: 'refused', at: at + 5_000, reason: 'addressee-not-found' });
      return { status: 'refused', history, refusalReason: 'addressee-not-found' };
    }
    return { status: 'accepted', history };
  }
  if (now >= at + 1_000) {
    history.push({ status: 'sent', at: at + 1_000 });
  }
  if (letter.failAt !== undefined && now >= letter.failAt) {
    history.push({ status: 'failed', at: letter.failAt, reason: 'delivery-error' });
    return { status: 'failed', history };
  }
  if (!person.consent) {
    if (now >= at + 30_000) {
      history.push({ status: 'refused', at: at + 30_000, reason: 'no-consent' });
      return { status: 'refused', history, refusalReason: 'no-consent' };
    }
    return { status: history.length > 1 ? 'sent' : 'accepted', history };
  }
  if (now >= at + 60_000) {
    history.push({ status: 'delivered', at: at + 60_000 });
    if (letter.readAt !== undefined) {
      history.push({ status: 'read', at: letter.readAt });
      return { status: 'read', history };
    }
    return { status: 'delivered', history };
  }
  return { status: history.length > 1 ? 'sent' : 'accepted', history };
}

export function documentStatus(
  request: StoredDocumentRequest,
  now: number,
): 'pending' | 'processing' | 'ready' | 'failed' {
  if (now < request.requestedAt + 2_000) {
    return 'pending';
  }
  if (now < request.requestedAt + 10_000) {
    return 'processing';
  }
  return request.failed ? 'failed' : 'ready';
}

export interface PortalSigners {
  /** Signs delivery acts and receipts (detached JWS). */
  acts: Signer;
  /** The agency signing documents (CMS). */
  documents: Signer;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function clockOf(clock: TestClock): () => number {
  return () => clock.now();
}
