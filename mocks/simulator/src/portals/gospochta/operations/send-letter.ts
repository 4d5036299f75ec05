/**
 * `sendLetter`: a legally significant letter is accepted only when everything checks out — the
 * addressee's names and СНИЛС (checksum, @goskit/validation), each attachment's bytes against its media
 * type, both hashes (SHA-256, Streebog-256) and a detached CMS signature (GOST R 34.10-2012 or RSA)
 * over exactly these bytes, by a certificate the sending system vouches for when it registered any;
 * at most 20 files, 10 MiB each, 20 MiB in all. Accepted → 202 with the letter (status `accepted`);
 * its way on is planned at once (lifecycle.ts).
 */
import { fromBase64Any, verifyDetachedSignedData } from '@goskit/crypto';
import { checkSnils, messageFor } from '@goskit/validation';
import { hashBytes } from '../files/stored-files.js';
import { advanceLetter, planLetter } from '../letters/lifecycle.js';
import { GospochtaProblem, issue, type ProblemIssue, validationFailed } from '../problem.js';
import { type FileRecord, nextId, type OutgoingRecord } from '../state.js';
import type { OperationContext, OperationResult } from './operation.js';
import { outgoingView } from './views.js';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_LETTER_BYTES = 20 * 1024 * 1024;
const NAME = /^[\p{L}][\p{L}\p{M} .'’-]{0,99}$/u;

/** Does the file start the way its media type says? */
export function matchesMediaType(bytes: Uint8Array, mediaType: string): boolean {
  const starts = (...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
  switch (mediaType) {
    case 'application/pdf':
      return starts(0x25, 0x50, 0x44, 0x46, 0x2d);
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/tiff':
      return starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a);
    case 'application/xml': {
      const head = new TextDecoder()
        .decode(bytes.subarray(0, 64))
        .replace(/^\uFEFF/, '')
        .trimStart();
      return head.startsWith('<');
    }
    default:
      return false;
  }
}

function checkRecipient(recipient: Record<string, unknown>): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  for (const field of ['lastName', 'firstName', 'middleName'] as const) {
    const value = recipient[field];
    if (value === undefined && field === 'middleName') {
      continue;
    }
    if (typeof value !== 'string' || !NAME.test(value)) {
      issues.push(
        issue(
          `/recipient/${field}`,
          'PERSON_NAME',
          'Имя, фамилия или отчество: буквы, пробел, дефис, апостроф; до 100 символов.',
          'A name: letters, space, hyphen, apostrophe; up to 100 characters.',
        ),
      );
    }
  }
  const snils = checkSnils(recipient.snils);
  if (!snils.ok) {
    const found = snils.issues[0];
    issues.push({
      field: '/recipient/snils',
      code: found?.code ?? 'SNILS_FORMAT',
      message: found?.message ?? messageFor('SNILS_FORMAT'),
    });
  }
  return issues;
}

async function checkAttachments(context: OperationContext, raw: unknown[]): Promise<FileRecord[]> {
  const files: FileRecord[] = [];
  let total = 0;
  const trusted = context.caller.system.signingCertificates;
  for (const [index, item] of raw.entries()) {
    const attachment = item as Record<string, string>;
    const at = `/attachments/${index}`;
    let content: Uint8Array;
    let signature: Uint8Array;
    try {
      content = fromBase64Any(attachment.content ?? '');
      signature = fromBase64Any(attachment.signature ?? '');
    } catch {
      throw validationFailed([
        issue(at, 'BASE64', 'Содержимое и подпись — base64.', 'content and signature are base64'),
      ]);
    }
    total += content.length;
    if (content.length === 0 || content.length > MAX_FILE_BYTES || total > MAX_LETTER_BYTES) {
      throw new GospochtaProblem(413, 'PAYLOAD_TOO_LARGE', {
        field: `${at}/content`,
        detail: 'an attachment is 1 byte to 10 MiB, a letter at most 20 MiB',
      });
    }
    const mediaType = attachment.mediaType ?? '';
    if (!matchesMediaType(content, mediaType)) {
      throw validationFailed([
        issue(
          `${at}/content`,
          'MEDIA_TYPE_MISMATCH',
          `Содержимое не является ${mediaType}.`,
          `the content is not ${mediaType}`,
        ),
      ]);
    }
    const hashes = hashBytes(content);
    const mismatched = (['sha256', 'streebog256'] as const).filter(
      (name) => hashes[name] !== String(attachment[name]).toLowerCase(),
    );
    if (mismatched.length > 0) {
      throw new GospochtaProblem(422, 'SIGNATURE_INVALID', {
        field: `${at}/${mismatched[0]}`,
        detail: `the ${mismatched.join(' and ')} of the content differ from the ones sent`,
      });
    }
    let verification: Awaited<ReturnType<typeof verifyDetachedSignedData>>;
    try {
      verification = await verifyDetachedSignedData(signature, content, {
        ...(trusted.length > 0 ? { certificates: trusted, requireKnownCertificate: true } : {}),
      });
    } catch {
      throw new GospochtaProblem(422, 'SIGNATURE_INVALID', {
        field: `${at}/signature`,
        detail: 'the signature is not a detached CMS SignedData',
      });
    }
    if (!verification.valid) {
      throw new GospochtaProblem(422, 'SIGNATURE_INVALID', {
        field: `${at}/signature`,
        detail: `the CMS signature does not verify: ${verification.reason}`,
      });
    }
    files.push({
      id: `att_${index + 1}`,
      name: attachment.name ?? `attachment-${index + 1}`,
      mediaType,
      kind: 'original',
      content,
      sha256: hashes.sha256,
      streebog256: hashes.streebog256,
    });
  }
  return files;
}

export async function sendLetter(context: OperationContext): Promise<OperationResult> {
  const { body, caller, state, now } = context;
  const recipient = body.recipient as Record<string, unknown>;
  const issues = checkRecipient(recipient);
  if (issues.length > 0) {
    throw validationFailed(issues);
  }
  const files = await checkAttachments(context, body.attachments as unknown[]);
  const snils = checkSnils(recipient.snils);
  const id = nextId(state, 'ltr');
  const organisation = caller.system.organisation;
  const letter: OutgoingRecord = {
    id,
    senderClientId: caller.clientId,
    sender: organisation === undefined ? { name: caller.system.title } : { ...organisation },
    recipient: {
      lastName: recipient.lastName as string,
      firstName: recipient.firstName as string,
      snils: snils.ok ? snils.value : String(recipient.snils),
      ...Object.fromEntries(
        (['middleName', 'inn', 'passport', 'address', 'phone'] as const)
          .filter((field) => typeof recipient[field] === 'string')
          .map((field) => [field, recipient[field] as string]),
      ),
    },
    documentType: body.documentType as string,
    subject: body.subject as string,
    ...(typeof body.text === 'string' ? { text: body.text } : {}),
    ...(typeof body.externalId === 'string' ? { externalId: body.externalId } : {}),
    files,
    acceptedAt: now,
    plan: planLetter(context.world, id, now),
    history: [{ status: 'accepted', at: now }],
    status: 'accepted',
    acts: new Map(),
  };
  state.outgoing.set(id, letter);
  advanceLetter(context.world, letter, now);
  return { status: 202, json: outgoingView(letter), headers: { location: `/v1/outbox/${id}` } };
}
