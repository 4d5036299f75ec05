/**
 * How records look on the wire (decrypted; the packet encrypts the personal-data fields): letters
 * both ways, attachments with their hashes, organisations, persons. One place, so REST, SOAP and the
 * webhook events agree.
 */
import { fileHashes } from '../files/stored-files.js';
import {
  type FileRecord,
  type IncomingRecord,
  iso,
  type OrganisationRecord,
  type OutgoingRecord,
  type PersonFields,
} from '../state.js';

export function organisationView(organisation: OrganisationRecord): Record<string, unknown> {
  return {
    name: organisation.name,
    ...(organisation.ogrn ? { ogrn: organisation.ogrn } : {}),
    ...(organisation.inn ? { inn: organisation.inn } : {}),
    ...(organisation.kpp ? { kpp: organisation.kpp } : {}),
  };
}

const PERSON_FIELDS = [
  'lastName',
  'firstName',
  'middleName',
  'snils',
  'inn',
  'passport',
  'address',
  'phone',
] as const;

export function personView(person: PersonFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of PERSON_FIELDS) {
    const value = person[field];
    if (value !== undefined && value !== '') {
      out[field] = value;
    }
  }
  return out;
}

export function attachmentView(file: FileRecord, createdAt: number): Record<string, unknown> {
  const hashes = fileHashes(file, createdAt);
  return {
    id: file.id,
    name: file.name,
    mediaType: file.mediaType,
    size: (file.content as Uint8Array).length,
    kind: file.kind,
    sha256: hashes.sha256,
    streebog256: hashes.streebog256,
  };
}

export function letterSummary(letter: IncomingRecord): Record<string, unknown> {
  return {
    id: letter.id,
    documentType: letter.documentType,
    subject: letter.subject,
    sender: organisationView(letter.sender),
    status: letter.readAt === undefined ? 'new' : 'read',
    receivedAt: iso(letter.receivedAt),
    ...(letter.readAt === undefined ? {} : { readAt: iso(letter.readAt) }),
    attachmentCount: letter.files.length,
    legallySignificant: letter.legallySignificant,
  };
}

export function letterView(letter: IncomingRecord): Record<string, unknown> {
  return {
    ...letterSummary(letter),
    ...(letter.text === undefined ? {} : { text: letter.text }),
    recipient: personView(letter.recipient),
    attachments: letter.files.map((file) => attachmentView(file, letter.receivedAt)),
  };
}

export function outgoingView(letter: OutgoingRecord): Record<string, unknown> {
  const last = letter.history[letter.history.length - 1];
  return {
    id: letter.id,
    ...(letter.externalId === undefined ? {} : { externalId: letter.externalId }),
    status: letter.status,
    documentType: letter.documentType,
    subject: letter.subject,
    recipient: personView(letter.recipient),
    acceptedAt: iso(letter.acceptedAt),
    updatedAt: iso(last?.at ?? letter.acceptedAt),
    statusHistory: letter.history.map((change) => ({
      status: change.status,
      at: iso(change.at),
      ...(change.reason === undefined ? {} : { reason: change.reason }),
    })),
    ...(letter.refusalReason === undefined ? {} : { refusalReason: letter.refusalReason }),
    ...(letter.failureReason === undefined ? {} : { failureReason: letter.failureReason }),
    attachments: letter.files.map((file) => {
      const hashes = fileHashes(file, letter.acceptedAt);
      return { name: file.name, sha256: hashes.sha256, streebog256: hashes.streebog256 };
    }),
    deliveryActAvailable: letter.status !== 'accepted' && letter.status !== 'sent',
  };
}
