/** Response checks for letters (decrypted bodies) and the types callers get, from the contract. */
import { z } from 'zod';
import {
  addresseeSchema,
  dateTimeSchema,
  detachedJwsSchema,
  hexSchema,
  idSchema,
  nextCursorSchema,
  organisationSchema,
  personSchema,
} from '../client/common-schemas.js';
import type { Decrypted, Schemas } from '../client/decrypted.js';
import { DOCUMENT_TYPES } from './document-types.js';
import { LETTER_STATUSES } from './statuses.js';

export type Attachment = Schemas['Attachment'];
export type LetterSummary = Decrypted<Schemas['LetterSummary']>;
export type Letter = Decrypted<Schemas['Letter']>;
export type OutgoingLetter = Decrypted<Schemas['OutgoingLetter']>;
export type DeliveryAct = Decrypted<Schemas['DeliveryAct']>;
export type StatusChange = Schemas['StatusChange'];

const documentType = z.enum(
  Object.keys(DOCUMENT_TYPES) as [keyof typeof DOCUMENT_TYPES, ...(keyof typeof DOCUMENT_TYPES)[]],
);
const letterStatus = z.enum(LETTER_STATUSES as [Schemas['LetterStatus'], ...Schemas['LetterStatus'][]]);
const refusalReason = z.enum(['no-consent', 'addressee-not-found', 'addressee-refused']);
const mediaType = z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'application/xml']);

export const attachmentSchema = z.object({
  id: idSchema,
  name: z.string().max(255),
  mediaType,
  size: z.number().int().nonnegative().max(10_485_760),
  kind: z.enum(['scan', 'original', 'signature']),
  sha256: hexSchema,
  streebog256: hexSchema,
});

export const letterSummarySchema = z.object({
  id: idSchema,
  documentType,
  subject: z.string().max(500),
  sender: organisationSchema,
  status: z.enum(['new', 'read']),
  receivedAt: dateTimeSchema,
  readAt: dateTimeSchema.optional(),
  attachmentCount: z.number().int().nonnegative(),
  legallySignificant: z.boolean(),
});

export const letterSchema = letterSummarySchema.extend({
  text: z.string().max(20_000).optional(),
  recipient: personSchema,
  attachments: z.array(attachmentSchema).max(20),
});

export const letterPageSchema = z.object({
  items: z.array(letterSummarySchema).max(100),
  nextCursor: nextCursorSchema,
});

const fileHashesSchema = z.object({ name: z.string().max(255), sha256: hexSchema, streebog256: hexSchema });

export const statusChangeSchema = z.object({
  status: letterStatus,
  at: dateTimeSchema,
  reason: z.string().max(64).optional(),
});

export const outgoingLetterSchema = z.object({
  id: idSchema,
  externalId: z.string().max(128).optional(),
  status: letterStatus,
  documentType,
  subject: z.string().max(500),
  recipient: addresseeSchema,
  acceptedAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
  statusHistory: z.array(statusChangeSchema).max(16),
  refusalReason: refusalReason.optional(),
  failureReason: z.string().max(200).optional(),
  attachments: z.array(fileHashesSchema).max(20),
  deliveryActAvailable: z.boolean().optional(),
});

export const outgoingLetterPageSchema = z.object({
  items: z.array(outgoingLetterSchema).max(100),
  nextCursor: nextCursorSchema,
});

export const deliveryActSchema = z.object({
  actId: idSchema,
  letterId: idSchema,
  externalId: z.string().max(128).optional(),
  documentType,
  legalFact: z.enum(['delivered', 'read', 'refused', 'failed']),
  refusalReason: refusalReason.optional(),
  documents: z.array(fileHashesSchema).min(1).max(20),
  addressee: addresseeSchema,
  sender: organisationSchema,
  acceptedAt: dateTimeSchema,
  sentAt: dateTimeSchema.optional(),
  deliveredAt: dateTimeSchema.optional(),
  readAt: dateTimeSchema.optional(),
  refusedAt: dateTimeSchema.optional(),
  failedAt: dateTimeSchema.optional(),
  issuedAt: dateTimeSchema,
  pdfSha256: hexSchema,
  issuer: z.string().max(200),
});

/** Kept loose: the signature covers the act exactly as the portal wrote it, unknown fields included. */
export const signedDeliveryActSchema = z.object({
  act: z.record(z.string(), z.unknown()),
  signature: detachedJwsSchema,
});
