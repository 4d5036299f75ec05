/**
 * The gospochta slice of `createSimulator({ data })` and of the `--data` file (`gospochta: {…}`):
 * systems to register (client id and secret, role, organisation, packet keys, signing certificates),
 * consent flags of roster persons, charges to issue, the SLA, and whether the demo systems, charges
 * and letters are made. Identifiers are checked with @goskit/validation; errors name the path.
 */
import { isValidInn, isValidOgrn, isValidUin } from '@goskit/validation';
import { z } from 'zod';

const base64Key = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'base64 or base64url')
    .refine((value) => decodedLength(value) === bytes || (bytes === 32 && decodedLength(value) > 32), {
      message: bytes === 32 ? 'at least 32 bytes' : `${bytes} bytes`,
    });

function decodedLength(value: string): number {
  const clean = value.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

export const packetKeyInputSchema = z
  .object({
    kid: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a key id: 1–64 of A–Z a–z 0–9 . _ -'),
    /** HMAC-SHA-256 key, base64, ≥ 32 bytes. */
    macKey: base64Key(32),
    /** AES-256-GCM key, base64, exactly 32 bytes. */
    encryptionKey: z
      .string()
      .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'base64 or base64url')
      .refine((value) => decodedLength(value) === 32, { message: '32 bytes (AES-256)' }),
  })
  .strict();

export const organisationInputSchema = z
  .object({
    name: z.string().min(1).max(500),
    ogrn: z.string().refine(isValidOgrn, 'a valid ОГРН (13 digits, check digit)').optional(),
    inn: z.string().refine(isValidInn, 'a valid ИНН (check digits)').optional(),
    kpp: z
      .string()
      .regex(/^\d{4}[\dA-Z]{2}\d{3}$/, 'КПП: 9 characters')
      .optional(),
  })
  .strict();

export const systemInputSchema = z
  .object({
    clientId: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'a client id: 1–128 of A–Z a–z 0–9 . _ : -'),
    clientSecret: z.string().min(8).max(512),
    /** operator, client or admin; anything else is issued as it is (to test a client's refusal). */
    role: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a role name such as operator, client, admin'),
    title: z.string().min(1).max(200).optional(),
    /** `sub` of its tokens; for a client-role system, the ESIA oid of the person it acts for. */
    subject: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,128}$/)
      .optional(),
    organisation: organisationInputSchema.optional(),
    permissions: z.array(z.string().max(64)).max(20).optional(),
    /** Its own packet keys; without any it uses the demo key `demo`. */
    packetKeys: z.array(packetKeyInputSchema).max(10).optional(),
    /** PEM certificates whose signatures (JWS, attachments) it vouches for. */
    signingCertificates: z.array(z.string().max(16_384)).max(10).optional(),
    requireJws: z.boolean().optional(),
  })
  .strict();

export const chargeInputSchema = z
  .object({
    /** A valid УИН; generated when absent. */
    uin: z.string().refine(isValidUin, 'a valid УИН (20 or 25 characters, check digit)').optional(),
    kind: z.enum(['fine', 'tax', 'fee']),
    /** Kopecks. */
    amount: z.number().int().min(1).max(100_000_000_000),
    purpose: z.string().min(1).max(500),
    /** A roster persona id (e.g. parent-ivanov) or an ESIA oid. */
    payer: z.string().min(1).max(128),
    payee: organisationInputSchema.optional(),
    /** A fine paid within this many days of issue costs half. Default: 20 for fines, none otherwise. */
    discountDays: z.number().int().min(0).max(365).optional(),
  })
  .strict();

export const gospochtaDataSchema = z
  .object({
    /** Systems registered on every create/reset. */
    systems: z.array(systemInputSchema).max(1000).optional(),
    /** Consent flags by roster persona id or ESIA oid (true: letters are delivered). */
    consent: z.record(z.string().max(128), z.boolean()).optional(),
    /** Charges issued on every create/reset (payers from the roster). */
    charges: z.array(chargeInputSchema).max(100_000).optional(),
    sla: z
      .object({
        confirmWithinMs: z.number().int().min(1000).optional(),
        failureRate: z.number().min(0).max(1).optional(),
        lateRate: z.number().min(0).max(1).optional(),
      })
      .strict()
      .optional(),
    /** false: no demo systems, charges or letters (only what this slice lists). Default true. */
    demo: z.boolean().optional(),
  })
  .strict();

export type GospochtaData = z.output<typeof gospochtaDataSchema>;
export type GospochtaDataInput = z.input<typeof gospochtaDataSchema>;
export type SystemInput = z.input<typeof systemInputSchema>;
export type ChargeInput = z.input<typeof chargeInputSchema>;
export type PacketKeyInput = z.input<typeof packetKeyInputSchema>;
