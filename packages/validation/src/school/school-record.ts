/**
 * An example composite schema — a student with СНИЛС, class and marks — the shape the batch bench
 * validates and a template for integrators' own records. Every field reports goskit codes.
 */
import { z } from 'zod';
import { snilsSchema } from '../identifiers/snils.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';
import { academicYearSchema } from './academic-year.js';
import { classNameSchema } from './class-name.js';
import { ruDateSchema } from './date.js';
import { lessonNumberSchema } from './lesson-number.js';
import { markSchema } from './mark.js';
import { personNameSchema } from './person-name.js';

function checkSubject(input: unknown): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const value = input.trim();
  return value.length > 0 && value.length <= 100 ? ok(value) : fail('SUBJECT_NAME');
}

export const subjectSchema = codedStringSchema(checkSubject);

/** One journal entry: subject, lesson date ('dd.MM.yyyy' → ISO), lesson number and mark. */
export const markEntrySchema = z.object({
  subject: subjectSchema,
  date: ruDateSchema,
  lesson: lessonNumberSchema,
  mark: markSchema,
});

export const schoolRecordSchema = z.object({
  snils: snilsSchema,
  lastName: personNameSchema,
  firstName: personNameSchema,
  middleName: personNameSchema.optional(),
  birthDate: ruDateSchema,
  className: classNameSchema,
  academicYear: academicYearSchema,
  marks: z.array(markEntrySchema),
});

/** What callers pass in (dates as 'dd.MM.yyyy', marks as numbers or text). */
export type SchoolRecordInput = z.input<typeof schoolRecordSchema>;
/** What parsing returns (normalised СНИЛС, ISO dates, '5А' class names). */
export type SchoolRecord = z.output<typeof schoolRecordSchema>;
