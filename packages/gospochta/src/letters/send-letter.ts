/**
 * Legally significant send (POST /v1/outbox): the addressee checked (СНИЛС checksum, names), each
 * attachment checked (type by its magic bytes, size limits), hashed with SHA-256 and GOST R 34.11-2012
 * and signed with a detached CMS signature by the sender's Signer (GOST or RSA); the request carries an
 * Idempotency-Key (generated unless given, returned to keep) so a retry — through timeouts, 5xx or a
 * restart — never sends the letter twice. The answer is `accepted`; delivery goes on asynchronously.
 */
import type { Signer } from '@goskit/crypto';
import type { GospochtaContext } from '../client/context.js';
import { claimIdempotencyKey, notActedOn } from '../client/idempotency.js';
import { checkExternalId, checkIdempotencyKey, fail, issue } from '../client/input-checks.js';
import { collectPerson, type PersonInput } from '../client/person-input.js';
import { protectedCall } from '../client/protected-call.js';
import type { InputIssue } from '../errors/validation-failed-error.js';
import type { components } from '../generated/gospochta.js';
import { signAttachment } from '../signatures/cms-signature.js';
import { hashFile } from '../signatures/file-hashes.js';
import { type DocumentType, isDocumentType } from './document-types.js';
import { type OutgoingLetter, outgoingLetterSchema } from './models.js';

export type AttachmentMediaType = components['schemas']['OutgoingAttachment']['mediaType'];

export interface OutgoingAttachmentInput {
  name: string;
  mediaType: AttachmentMediaType;
  content: Uint8Array;
}

export interface SendLetterInput {
  recipient: PersonInput & { snils: string };
  documentType: DocumentType;
  subject: string;
  text?: string;
  /** Your own reference (no personal data); letters can be listed by it. */
  externalId?: string;
  attachments: readonly OutgoingAttachmentInput[];
  /** Keep it to retry safely; generated when absent. */
  idempotencyKey?: string;
  /** Signs the attachments. Default: the client's `signer`. */
  signer?: Signer;
  signal?: AbortSignal;
}

export interface SentLetter {
  letter: OutgoingLetter;
  idempotencyKey: string;
  requestId: string;
  /** The portal had this key already and returned its first answer. */
  replayed: boolean;
}

export const ATTACHMENT_LIMITS = {
  count: 20,
  bytes: 10 * 1024 * 1024,
  totalBytes: 20 * 1024 * 1024,
} as const;

const MAGIC: Readonly<Record<AttachmentMediaType, (b: Uint8Array) => boolean>> = {
  'application/pdf': (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d,
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/tiff': (b) =>
    (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) ||
    (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a),
  'application/xml': (b) => {
    let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) {
      i++;
    }
    return b[i] === 0x3c;
  },
};

/** A "/" or "\\" (paths) or a control character (below U+0020, or DEL). */
function hasForbiddenNameCharacter(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x2f || code === 0x5c) {
      return true;
    }
  }
  return false;
}

function checkAttachments(attachments: unknown, issues: InputIssue[]): OutgoingAttachmentInput[] {
  if (
    !Array.isArray(attachments) ||
    attachments.length === 0 ||
    attachments.length > ATTACHMENT_LIMITS.count
  ) {
    issues.push(
      issue(
        'attachments',
        'ATTACHMENT_COUNT',
        'Нужно от 1 до 20 вложений.',
        'Between 1 and 20 attachments are required.',
      ),
    );
    return [];
  }
  let total = 0;
  attachments.forEach((item: Partial<OutgoingAttachmentInput> | null, index) => {
    const field = `attachments.${index}`;
    if (
      typeof item?.name !== 'string' ||
      item.name.length === 0 ||
      item.name.length > 255 ||
      hasForbiddenNameCharacter(item.name)
    ) {
      issues.push(
        issue(
          `${field}.name`,
          'FILE_NAME',
          'Имя файла: 1–255 символов без «/», «\\» и управляющих.',
          'A file name is 1–255 characters without "/", "\\" or control characters.',
        ),
      );
    }
    if (!(item?.content instanceof Uint8Array)) {
      issues.push(
        issue(
          `${field}.content`,
          'FILE_CONTENT',
          'Содержимое файла — Uint8Array.',
          'File content must be a Uint8Array.',
        ),
      );
      return;
    }
    total += item.content.length;
    if (item.content.length === 0 || item.content.length > ATTACHMENT_LIMITS.bytes) {
      issues.push(
        issue(`${field}.content`, 'FILE_SIZE', 'Файл: от 1 байта до 10 МиБ.', 'A file is 1 byte to 10 MiB.'),
      );
    }
    const check =
      typeof item.mediaType === 'string' && Object.hasOwn(MAGIC, item.mediaType)
        ? MAGIC[item.mediaType]
        : undefined;
    if (!check) {
      issues.push(
        issue(
          `${field}.mediaType`,
          'MEDIA_TYPE',
          'Тип файла: PDF, JPEG, PNG, TIFF или XML.',
          'The file type must be PDF, JPEG, PNG, TIFF or XML.',
        ),
      );
    } else if (!check(item.content)) {
      issues.push(
        issue(
          `${field}.content`,
          'MEDIA_TYPE_MISMATCH',
          'Содержимое не соответствует типу файла.',
          'The content does not match the media type.',
        ),
      );
    }
  });
  if (total > ATTACHMENT_LIMITS.totalBytes) {
    issues.push(
      issue(
        'attachments',
        'TOTAL_SIZE',
        'Все вложения вместе — не более 20 МиБ.',
        'All attachments together are at most 20 MiB.',
      ),
    );
  }
  return attachments as OutgoingAttachmentInput[];
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export async function sendLetter(context: GospochtaContext, input: SendLetterInput): Promise<SentLetter> {
  const issues: InputIssue[] = [];
  const recipient = collectPerson(input?.recipient, 'recipient', issues, { snils: true });
  if (!isDocumentType(input?.documentType)) {
    issues.push(
      issue('documentType', 'DOCUMENT_TYPE', 'Неизвестный тип документа.', 'Unknown document type.'),
    );
  }
  if (typeof input?.subject !== 'string' || input.subject.trim().length === 0 || input.subject.length > 500) {
    issues.push(
      issue('subject', 'SUBJECT', 'Тема — от 1 до 500 символов.', 'The subject is 1–500 characters.'),
    );
  }
  if (input?.text !== undefined && (typeof input.text !== 'string' || input.text.length > 20_000)) {
    issues.push(
      issue('text', 'TEXT', 'Текст — не более 20 000 символов.', 'The text is at most 20 000 characters.'),
    );
  }
  const attachments = checkAttachments(input?.attachments, issues);
  const signer = input?.signer ?? context.options.signer;
  if (!signer) {
    issues.push(
      issue(
        'signer',
        'SIGNER_REQUIRED',
        'Нужна подпись отправителя (signer).',
        "The sender's signer is required.",
      ),
    );
  }
  if (issues.length > 0 || !recipient || !signer) {
    fail(issues);
  }
  const externalId = checkExternalId(input.externalId);
  const idempotencyKey =
    input.idempotencyKey === undefined ? context.randomUUID() : checkIdempotencyKey(input.idempotencyKey);
  const signingTime = new Date(context.clock.now());
  const prepared = await Promise.all(
    attachments.map(async (file) => ({
      name: file.name,
      mediaType: file.mediaType,
      ...(await hashFile(file.content)),
      content: file.content,
    })),
  );
  const fingerprintSource = {
    recipient,
    documentType: input.documentType,
    subject: input.subject,
    text: input.text ?? null,
    externalId: externalId ?? null,
    attachments: prepared.map(({ name, mediaType, sha256 }) => ({ name, mediaType, sha256 })),
  };
  const claim = await claimIdempotencyKey(context, 'sendLetter', idempotencyKey, fingerprintSource);
  const body = {
    recipient,
    documentType: input.documentType,
    subject: input.subject,
    ...(input.text === undefined ? {} : { text: input.text }),
    ...(externalId === undefined ? {} : { externalId }),
    attachments: await Promise.all(
      prepared.map(async (file) => ({
        name: file.name,
        mediaType: file.mediaType,
        content: toBase64(file.content),
        sha256: file.sha256,
        streebog256: file.streebog256,
        signature: await signAttachment(file.content, signer, signingTime),
      })),
    ),
  };
  try {
    const result = await protectedCall(context, {
      operation: 'sendLetter',
      method: 'POST',
      template: '/v1/outbox',
      path: '/v1/outbox',
      json: body,
      idempotencyKey,
      schema: outgoingLetterSchema,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    return {
      letter: result.data as OutgoingLetter,
      idempotencyKey,
      requestId: result.requestId,
      replayed: result.replayed,
    };
  } catch (error) {
    if (notActedOn(error)) {
      await claim.release();
    }
    throw error;
  }
}
