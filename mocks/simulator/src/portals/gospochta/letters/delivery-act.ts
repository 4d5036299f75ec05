/**
 * The delivery act of a letter's legal fact (delivered, read, refused, failed): signed JSON — a
 * detached JWS by the portal over the canonical JSON of the decrypted act — carrying the documents'
 * hashes, the times and the addressee, and a PDF whose SHA-256 the act names. Issued once per legal
 * fact (re-issued when a delivered letter is read) and kept with the letter, so every request gets
 * the same act. The PDF shows the addressee by initials and a masked СНИЛС: files are not packets,
 * and personal data travels only encrypted.
 */
import { canonicalJsonBytes } from '@goskit/crypto';
import { signDetached } from '@goskit/gospochta/protocol';
import { sha256Hex } from '../../../engine/journal-digest.js';
import { writePdf } from '../files/pdf.js';
import { fileHashes } from '../files/stored-files.js';
import { portalSigner } from '../keys.js';
import { organisationView, personView } from '../operations/views.js';
import type { SignatureAlgorithm } from '../options.js';
import { iso, type LegalFact, type OutgoingRecord, type SignedDocumentRecord } from '../state.js';

const FACT_TIMES: readonly [string, string][] = [
  ['sent', 'sentAt'],
  ['delivered', 'deliveredAt'],
  ['read', 'readAt'],
  ['refused', 'refusedAt'],
  ['failed', 'failedAt'],
];

const FACT_NAMES: Readonly<Record<LegalFact, string>> = {
  delivered: 'доставлено адресату',
  read: 'прочитано адресатом',
  refused: 'отказ в доставке',
  failed: 'не доставлено (сбой доставки)',
};

const REFUSALS: Readonly<Record<string, string>> = {
  'no-consent': 'адресат не дал согласия на получение юридически значимых писем через Госуслуги',
  'addressee-not-found': 'на Госуслугах нет адресата с этим СНИЛС',
  'addressee-refused': 'адресат отказался от получения',
};

/** 'Петрова Анна Сергеевна' → 'П. А. С.'; СНИЛС → '***-***-*** 95'. */
function initials(letter: OutgoingRecord): string {
  const { lastName, firstName, middleName } = letter.recipient;
  return [lastName, firstName, middleName]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map((part) => `${[...part][0]}.`)
    .join(' ');
}

function maskedSnils(snils: string): string {
  return `***-***-*** ${snils.slice(-2)}`;
}

/** The letter's current legal fact, or undefined while it is on its way. */
export function legalFactOf(letter: OutgoingRecord): LegalFact | undefined {
  return letter.status === 'accepted' || letter.status === 'sent' ? undefined : letter.status;
}

/** Acts being signed right now, so two requests at once get the same one. */
const signing = new WeakMap<OutgoingRecord, Map<LegalFact, Promise<SignedDocumentRecord>>>();

export function deliveryAct(
  letter: OutgoingRecord,
  seed: string,
  signatureAlg: SignatureAlgorithm,
): Promise<SignedDocumentRecord | undefined> {
  const fact = legalFactOf(letter);
  if (fact === undefined) {
    return Promise.resolve(undefined);
  }
  const kept = letter.acts.get(fact);
  if (kept !== undefined) {
    return Promise.resolve(kept);
  }
  let pending = signing.get(letter);
  if (pending === undefined) {
    pending = new Map();
    signing.set(letter, pending);
  }
  let found = pending.get(fact);
  if (found === undefined) {
    found = issueAct(letter, fact, seed, signatureAlg).finally(() => pending.delete(fact));
    pending.set(fact, found);
  }
  return found;
}

async function issueAct(
  letter: OutgoingRecord,
  fact: LegalFact,
  seed: string,
  signatureAlg: SignatureAlgorithm,
): Promise<SignedDocumentRecord> {
  const times: Record<string, string> = {};
  for (const [status, name] of FACT_TIMES) {
    const change = letter.history.find((item) => item.status === status);
    if (change !== undefined) {
      times[name] = iso(change.at);
    }
  }
  const issuedAt = (letter.history.find((item) => item.status === fact) ?? { at: letter.acceptedAt }).at;
  const actId = `act_${letter.id}_${fact}`;
  const documents = letter.files.map((file) => ({ name: file.name, ...fileHashes(file, letter.acceptedAt) }));
  const signer = await portalSigner(seed, signatureAlg);
  const pdf = writePdf({
    title: 'Акт о доставке юридически значимого сообщения',
    createdAt: issuedAt,
    lines: [
      `Номер акта: ${actId}`,
      `Письмо: ${letter.id}${letter.externalId === undefined ? '' : ` (номер отправителя ${letter.externalId})`}`,
      `Вид документа: ${letter.documentType}`,
      `Отправитель: ${letter.sender.name}${letter.sender.ogrn ? `, ОГРН ${letter.sender.ogrn}` : ''}`,
      `Адресат: ${initials(letter)}, СНИЛС ${maskedSnils(letter.recipient.snils)} (полностью — в подписанном акте)`,
      '',
      `Юридический факт: ${FACT_NAMES[fact]}`,
      ...(letter.refusalReason === undefined
        ? []
        : [`Причина: ${REFUSALS[letter.refusalReason] ?? letter.refusalReason}`]),
      ...letter.history.map(
        (change) => `  ${iso(change.at)}  ${change.status}${change.reason ? ` (${change.reason})` : ''}`,
      ),
      '',
      'Документы (SHA-256 / ГОСТ Р 34.11-2012):',
      ...documents.flatMap((document) => [
        `  ${document.name}`,
        `    ${document.sha256}`,
        `    ${document.streebog256}`,
      ]),
      '',
      `Акт подписан: ${signer.name}`,
    ],
  });
  const act = {
    actId,
    letterId: letter.id,
    ...(letter.externalId === undefined ? {} : { externalId: letter.externalId }),
    documentType: letter.documentType,
    legalFact: fact,
    ...(letter.refusalReason === undefined ? {} : { refusalReason: letter.refusalReason }),
    documents,
    addressee: personView(letter.recipient),
    sender: organisationView(letter.sender),
    acceptedAt: iso(letter.acceptedAt),
    ...times,
    issuedAt: iso(issuedAt),
    pdfSha256: sha256Hex(pdf),
    issuer: signer.name,
  };
  const signature = await signDetached(canonicalJsonBytes(act), signer.signer);
  const record: SignedDocumentRecord = { json: act, signature, pdf };
  letter.acts.set(fact, record);
  return record;
}
