/**
 * Email addresses, pragmatically: what mail servers of schools and portals actually accept, not the
 * full RFC 5322 grammar (quoted local parts and IP literals are rejected on purpose).
 *  - local part: 1–64 chars of letters, digits and !#$%&'*+/=?^_`{|}~- separated by single dots;
 *  - domain: labels of letters (any script, so «школа.рф» passes), digits and inner hyphens,
 *    at least two labels, top-level label of letters only (or an xn-- label);
 *  - whole address ≤ 254 chars. Output: trimmed, domain lower-cased (the local part keeps its case).
 */
import { unwrapOrThrow } from '../errors/validation-error.js';
import { type CheckResult, fail, ok, typeIssue } from '../messages/issue.js';
import { codedStringSchema } from '../zod/coded-schema.js';

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LABEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

function domainOk(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) {
    return false;
  }
  // At least two labels, so the last one exists.
  const top = labels[labels.length - 1] as string;
  return TOP_LABEL.test(top) && labels.every((label) => LABEL.test(label));
}

export function checkEmail(input: unknown): CheckResult<string> {
  if (typeof input !== 'string') {
    return typeIssue(input);
  }
  const value = input.trim();
  const at = value.lastIndexOf('@');
  if (value.length > 254 || at < 1 || at > 64) {
    return fail('EMAIL_FORMAT');
  }
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  return LOCAL.test(local) && domainOk(domain) ? ok(`${local}@${domain}`) : fail('EMAIL_FORMAT');
}

export const isValidEmail = (input: unknown): boolean => checkEmail(input).ok;

export function normalizeEmail(input: unknown): string | undefined {
  const result = checkEmail(input);
  return result.ok ? result.value : undefined;
}

export const assertEmail = (input: unknown): string => unwrapOrThrow(checkEmail(input));

export const emailSchema = codedStringSchema(checkEmail);
