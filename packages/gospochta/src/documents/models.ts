/** Response checks and types for document requests (openapi: DocumentRequest, DocumentInfo, DocumentLink). */
import { z } from 'zod';
import { dateTimeSchema, hexSchema, idSchema, nextCursorSchema } from '../client/common-schemas.js';
import type { Schemas } from '../client/decrypted.js';

export type DocumentKind = Schemas['DocumentKind'];
export type DocumentRequestStatus = Schemas['DocumentRequestStatus'];
export type DocumentRequest = Schemas['DocumentRequest'];
export type DocumentInfo = Schemas['DocumentInfo'];
export type DocumentLink = Schemas['DocumentLink'];

export const DOCUMENT_KINDS: Readonly<Record<DocumentKind, string>> = {
  'no-criminal-record': 'Справка о наличии (отсутствии) судимости',
  'pension-statement': 'Выписка из индивидуального лицевого счёта СФР',
  'egrn-extract': 'Выписка из ЕГРН',
  'income-statement': 'Справка о доходах',
  'education-certificate': 'Справка (сертификат) об обучении',
  'vaccination-certificate': 'Сертификат о вакцинации',
  other: 'Иной документ',
};

export const documentLinkSchema = z.object({ url: z.string().min(1).max(2048), expiresAt: dateTimeSchema });

export const documentInfoSchema = z.object({
  id: idSchema,
  name: z.string().max(255),
  mediaType: z.enum(['application/pdf', 'application/xml']),
  size: z.number().int().nonnegative().max(52_428_800),
  sha256: hexSchema,
  streebog256: hexSchema,
  signature: z.string().max(65_536),
  link: documentLinkSchema,
});

export const documentRequestSchema = z.object({
  id: idSchema,
  kind: z.enum(Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]]),
  status: z.enum(['pending', 'processing', 'ready', 'failed']),
  externalId: z.string().max(128).optional(),
  requestedAt: dateTimeSchema,
  readyAt: dateTimeSchema.optional(),
  failureReason: z.string().max(200).optional(),
  document: documentInfoSchema.optional(),
});

export const documentRequestPageSchema = z.object({
  items: z.array(documentRequestSchema).max(100),
  nextCursor: nextCursorSchema,
});
