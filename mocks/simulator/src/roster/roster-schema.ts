/**
 * The roster's part of `SimulatorOptions.data` (and of the `--data` file): organisation, classes,
 * personas, subjects and courses, each identifier checked by its @goskit/validation rule. A failure
 * carries the rule's code (SNILS_CHECKSUM, OGRN_FORMAT, …), never the rejected value: a vendor's file
 * may hold a real СНИЛС by mistake.
 */
import { addCodedIssues, checkOgrn } from '@goskit/validation';
import { z } from 'zod';
import { type IdentifierCheck, ORGANISATION_CHECKS, PERSONA_CHECKS } from './identifier-checks.js';

/** A field checked by a validation rule; the value is kept as written (portals show it as given). */
function checkedBy<Base extends z.ZodType>(base: Base, check: IdentifierCheck): Base {
  return base.check((payload) => {
    const result = check(payload.value);
    if (!result.ok) {
      addCodedIssues(payload, result.issues);
    }
  });
}

const identifier = (check: IdentifierCheck) => checkedBy(z.string(), check);

export const personaSchema = z
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

export const organisationSchema = z
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

export const schoolClassSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    grade: z.number().int().min(1).max(11),
    letter: z.string().min(1),
    teacherId: z.string().min(1),
    studentIds: z.array(z.string()),
  })
  .strict();

export const subjectSchema = z.object({ id: z.string().min(1), name: z.string().min(1) }).strict();

export const courseSchema = z
  .object({
    id: z.string().min(1),
    classId: z.string().min(1),
    subjectId: z.string().min(1),
    teacherId: z.string().min(1),
  })
  .strict();

/** Each key given replaces the generated one. */
export const rosterOverrideSchema = z
  .object({
    organisation: organisationSchema.optional(),
    classes: z.array(schoolClassSchema).optional(),
    personas: z.array(personaSchema).optional(),
    subjects: z.array(subjectSchema).optional(),
    courses: z.array(courseSchema).optional(),
  })
  .strict();

export const ROSTER_KEYS = ['organisation', 'classes', 'personas', 'subjects', 'courses'] as const;
