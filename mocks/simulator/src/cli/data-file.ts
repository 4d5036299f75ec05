import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { addCodedIssues, checkOgrn, getIssueCode } from '@goskit/validation';
import { z } from 'zod';
import { type IdentifierCheck, ORGANISATION_CHECKS, PERSONA_CHECKS } from '../demo/identifier-checks.js';
import type { DemoData } from '../engine/types.js';
import { esiaDataSchema } from '../portals/esia/index.js';

/**
 * A field checked by a @goskit/validation rule (checksums included). The value is kept as written —
 * the portals show identifiers the way the vendor's data has them — and a failure carries the rule's
 * code (SNILS_CHECKSUM, OGRN_FORMAT, …), never the rejected value: it may be a real СНИЛС.
 */
function checkedBy<Base extends z.ZodType>(base: Base, check: IdentifierCheck): Base {
  return base.check((payload) => {
    const result = check(payload.value);
    if (!result.ok) {
      addCodedIssues(payload, result.issues);
    }
  });
}

const identifier = (check: IdentifierCheck) => checkedBy(z.string(), check);

const persona = z
  .object({
    id: z.string().min(1),
    role: z.enum(['parent', 'teacher', 'admin', 'student']),
    oid: z.string().regex(/^\d+$/, 'expected a numeric ESIA oid'),
    lastName: z.string().min(1),
    firstName: z.string().min(1),
    middleName: z.string(),
    birthDate: z.string().regex(/^\d{2}\.\d{2}\.\d{4}$/, 'expected dd.MM.yyyy'),
    gender: z.enum(['M', 'F']),
    snils: identifier(PERSONA_CHECKS.snils),
    inn: identifier(PERSONA_CHECKS.inn),
    phone: identifier(PERSONA_CHECKS.phone),
    email: z.string().email(),
    passport: checkedBy(
      z.object({ series: z.string(), number: z.string() }).strict(),
      PERSONA_CHECKS.passport,
    ),
    login: z.string().min(1),
    password: z.string().min(1),
    trusted: z.boolean(),
    organisations: z
      .array(
        z
          .object({ oid: z.string(), ogrn: identifier(checkOgrn), role: z.string(), title: z.string() })
          .strict(),
      )
      .optional(),
    children: z.array(z.string()).optional(),
  })
  .strict();

const organisation = z
  .object({
    oid: z.string().min(1),
    shortName: z.string().min(1),
    fullName: z.string().min(1),
    ogrn: identifier(ORGANISATION_CHECKS.ogrn),
    inn: identifier(ORGANISATION_CHECKS.inn),
    kpp: identifier(ORGANISATION_CHECKS.kpp),
    address: z.string().min(1),
  })
  .strict();

const schoolClass = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    grade: z.number().int().min(1).max(11),
    letter: z.string().min(1),
    teacherId: z.string().min(1),
    studentIds: z.array(z.string()),
  })
  .strict();

/** Demo data a vendor passes with --data; each key given replaces the generated one. */
export const dataFileSchema = z
  .object({
    organisation: organisation.optional(),
    classes: z.array(schoolClass).optional(),
    personas: z.array(persona).optional(),
    /** ESIA systems to register: `esia.clients[]` with clientId, redirectUris, certificatePem, scopes. */
    esia: esiaDataSchema.optional(),
  })
  .strict();

export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

/** Reads and validates a JSON or YAML data file; errors name the file and the offending field. */
export async function loadDataFile(file: string): Promise<Partial<DemoData>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DataFileError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let raw: unknown;
  try {
    const extension = extname(file).toLowerCase();
    if (extension === '.yaml' || extension === '.yml') {
      const { parse } = await import('yaml');
      raw = parse(text);
    } else {
      raw = JSON.parse(text);
    }
  } catch (error) {
    throw new DataFileError(
      `${file} is not valid JSON/YAML: ${error instanceof Error ? error.message.split('\n')[0] : ''}`,
    );
  }
  const parsed = dataFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue === undefined ? '' : issue.path.map(String).join('.');
    const rule = issue?.code === 'custom' ? getIssueCode(issue) : undefined;
    const reason = rule === undefined ? (issue?.message ?? 'invalid') : `${rule}: ${issue?.message}`;
    throw new DataFileError(`${file}: ${field || '(root)'}: ${reason}`);
  }
  return stripUndefined(parsed.data) as Partial<DemoData>;
}

function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(stripUndefined);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) {
      out[key] = stripUndefined(field);
    }
  }
  return out;
}
