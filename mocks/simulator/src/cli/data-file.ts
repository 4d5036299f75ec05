import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { z } from 'zod';
import type { DemoData } from '../engine/types.js';
import { esiaDataSchema } from '../portals/esia/index.js';

const digits = (count: number) => z.string().regex(new RegExp(`^\\d{${count}}$`), `expected ${count} digits`);

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
    snils: z.string().regex(/^\d{3}-\d{3}-\d{3} \d{2}$|^\d{11}$/, 'expected a СНИЛС like 123-456-789 64'),
    inn: z.string().regex(/^\d{10}$|^\d{12}$/, 'expected 10 or 12 digits'),
    phone: z.string().min(1),
    email: z.string().email(),
    passport: z.object({ series: digits(4), number: digits(6) }).strict(),
    login: z.string().min(1),
    password: z.string().min(1),
    trusted: z.boolean(),
    organisations: z
      .array(z.object({ oid: z.string(), ogrn: z.string(), role: z.string(), title: z.string() }).strict())
      .optional(),
    children: z.array(z.string()).optional(),
  })
  .strict();

const organisation = z
  .object({
    oid: z.string().min(1),
    shortName: z.string().min(1),
    fullName: z.string().min(1),
    ogrn: digits(13),
    inn: digits(10),
    kpp: digits(9),
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
    throw new DataFileError(`${file}: ${field || '(root)'}: ${issue?.message ?? 'invalid'}`);
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
