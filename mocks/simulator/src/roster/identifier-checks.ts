/**
 * Which @goskit/validation rule (checksums included) each identifier of the demo data must pass —
 * one table for the CLI's --data file and for createSimulator({ data }). Messages name the field and
 * the rule, never the value: a vendor's file may hold a real СНИЛС by mistake.
 */
import {
  type CheckResult,
  checkInn10,
  checkInn12,
  checkKpp,
  checkOgrn,
  checkPassport,
  checkPhone,
  checkSnils,
} from '@goskit/validation';
import type { DemoData } from '../engine/types.js';

export type IdentifierCheck = (input: unknown) => CheckResult<unknown>;

/** The organisation's ОГРН, 10-digit ИНН and КПП. */
export const ORGANISATION_CHECKS: Readonly<Record<'ogrn' | 'inn' | 'kpp', IdentifierCheck>> = {
  ogrn: checkOgrn,
  inn: checkInn10,
  kpp: checkKpp,
};

/** A person's СНИЛС, 12-digit ИНН, phone and passport. */
export const PERSONA_CHECKS: Readonly<Record<'snils' | 'inn' | 'phone' | 'passport', IdentifierCheck>> = {
  snils: checkSnils,
  inn: checkInn12,
  phone: (input) => checkPhone(input),
  passport: checkPassport,
};

/** 'personas.0.snils: SNILS_CHECKSUM: The SNILS check number does not match', or undefined. */
function firstIssue(path: string, result: CheckResult<unknown>): string | undefined {
  if (result.ok) {
    return undefined;
  }
  const [issue] = result.issues;
  const where = [path, ...(issue?.path ?? [])].join('.');
  return `${where}: ${issue?.code ?? 'VALUE_INVALID'}: ${issue?.message.en ?? 'invalid'}`;
}

function checkFields(
  prefix: string,
  record: Record<string, unknown>,
  checks: Readonly<Record<string, IdentifierCheck>>,
): string | undefined {
  for (const [field, check] of Object.entries(checks)) {
    const found = firstIssue(`${prefix}.${field}`, check(record[field]));
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** The first identifier of `data` that fails its rule, described; undefined when all pass. */
export function findIdentifierIssue(data: Partial<DemoData>): string | undefined {
  if (data.organisation !== undefined) {
    const found = checkFields('organisation', { ...data.organisation }, ORGANISATION_CHECKS);
    if (found !== undefined) {
      return found;
    }
  }
  for (const [index, persona] of (data.personas ?? []).entries()) {
    const found =
      checkFields(`personas.${index}`, { ...persona }, PERSONA_CHECKS) ??
      (persona.organisations ?? [])
        .map((role, at) => firstIssue(`personas.${index}.organisations.${at}.ogrn`, checkOgrn(role.ogrn)))
        .find((issue) => issue !== undefined);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}
