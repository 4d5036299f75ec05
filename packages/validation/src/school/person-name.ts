/**
 * Person name parts (surname, given name, patronymic) as school registers hold them: letters of any
 * script, inner spaces, hyphens and apostrophes ('Салтыков-Щедрин', "Д'Артаньян"), 1–60 characters.
 */
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';

const NAME = /^\p{L}+(?:[ '’-]\p{L}+)*$/u;

export function checkPersonName(input: unknown): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const value = input.trim().replace(/\s+/g, ' ');
  return value.length <= 60 && NAME.test(value) ? ok(value) : fail('PERSON_NAME');
}

export const isValidPersonName = (input: unknown): boolean => checkPersonName(input).ok;

export const personNameSchema = codedStringSchema(checkPersonName);
