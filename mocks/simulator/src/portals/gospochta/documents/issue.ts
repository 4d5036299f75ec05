/**
 * The document an agency issues for a ready request: a PDF (title by kind, the request, the date, the
 * person by initials — files are not packets) with the agency's detached CMS signature (GOST R
 * 34.10-2012 or RSA), both hashes, and a download link that expires on the virtual clock: the path
 * with `expires` and `sig` = HMAC-SHA-256 (a key only the portal has) over the document id and expiry.
 * A renewed link is a new expiry; an older link keeps its own until it passes.
 */
import { createDetachedSignedData, toBase64, toBase64Url } from '@goskit/crypto';
import { writePdf } from '../files/pdf.js';
import { hashBytes } from '../files/stored-files.js';
import { AGENCIES, agencySigner, linkSecret } from '../keys.js';
import type { SignatureAlgorithm } from '../options.js';
import { type DocumentRequestRecord, iso, type PersonRecord } from '../state.js';
import { documentIdOf } from './lifecycle.js';

const TITLES: Readonly<Record<string, string>> = {
  'no-criminal-record': 'Справка о наличии (отсутствии) судимости',
  'pension-statement': 'Выписка из индивидуального лицевого счёта',
  'egrn-extract': 'Выписка из ЕГРН',
  'income-statement': 'Справка о доходах и суммах налога физического лица',
  'education-certificate': 'Справка об обучении',
  'vaccination-certificate': 'Сертификат о профилактических прививках',
  other: 'Документ по запросу',
};

const issuing = new WeakMap<DocumentRequestRecord, Promise<NonNullable<DocumentRequestRecord['document']>>>();

/** The document of a ready request, made (and signed) on first use. */
export function issueDocument(
  request: DocumentRequestRecord,
  person: PersonRecord | undefined,
  seed: string,
  signatureAlg: SignatureAlgorithm,
): Promise<NonNullable<DocumentRequestRecord['document']>> {
  if (request.document !== undefined) {
    return Promise.resolve(request.document);
  }
  let pending = issuing.get(request);
  if (pending === undefined) {
    pending = make(request, person, seed, signatureAlg);
    issuing.set(request, pending);
  }
  return pending;
}

async function make(
  request: DocumentRequestRecord,
  person: PersonRecord | undefined,
  seed: string,
  signatureAlg: SignatureAlgorithm,
): Promise<NonNullable<DocumentRequestRecord['document']>> {
  const signer = await agencySigner(seed, signatureAlg, request.kind);
  const issuedAt = request.readyAt ?? request.requestedAt;
  const initials =
    person === undefined
      ? 'заявитель'
      : [person.lastName, person.firstName, person.middleName]
          .filter((part): part is string => typeof part === 'string' && part.length > 0)
          .map((part) => `${[...part][0]}.`)
          .join(' ');
  const content = writePdf({
    title: TITLES[request.kind] ?? TITLES.other ?? 'Документ',
    createdAt: issuedAt,
    lines: [
      `Выдано: ${AGENCIES[request.kind] ?? 'Госпочта'}`,
      `Запрос: ${request.id}${request.externalId === undefined ? '' : ` (${request.externalId})`}`,
      `Дата: ${iso(issuedAt)}`,
      `Кому: ${initials}`,
      '',
      'Документ сформирован симулятором goskit и подписан усиленной электронной подписью ведомства.',
    ],
  });
  const signature = await createDetachedSignedData({
    signer: signer.signer,
    content,
    signingTime: new Date(issuedAt),
  });
  const hashes = hashBytes(content);
  const document = {
    id: documentIdOf(request),
    name: `${request.kind}.pdf`,
    content,
    sha256: hashes.sha256,
    streebog256: hashes.streebog256,
    signature: toBase64(signature),
    agency: signer.name,
  };
  request.document = document;
  return document;
}

async function linkSignature(seed: string, documentId: string, expires: number): Promise<string> {
  const key = await linkSecret(seed);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${documentId}.${expires}`));
  return toBase64Url(new Uint8Array(mac));
}

export async function documentLink(seed: string, documentId: string, expires: number) {
  const sig = await linkSignature(seed, documentId, expires);
  return {
    url: `/v1/documents/${documentId}/content?expires=${expires}&sig=${sig}`,
    expiresAt: iso(expires),
  };
}

/** Whether `sig` is the portal's signature of this document id and expiry (constant-time compare). */
export async function linkSignatureValid(
  seed: string,
  documentId: string,
  expires: number,
  sig: string,
): Promise<boolean> {
  const expected = await linkSignature(seed, documentId, expires);
  if (expected.length !== sig.length) {
    return false;
  }
  let diff = 0;
  for (let index = 0; index < expected.length; index += 1) {
    diff |= expected.charCodeAt(index) ^ sig.charCodeAt(index);
  }
  return diff === 0;
}
