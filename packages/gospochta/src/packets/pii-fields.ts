/**
 * Which JSON properties carry personal data (issue 16 §2: names, СНИЛС, passport, addresses, phone;
 * goskit adds ИНН, which identifies a person as surely as СНИЛС). The rule is by name, wherever the
 * property appears, so neither side needs a schema to find them — openapi/gospochta.yaml types every
 * one of them as `Encrypted`.
 */
export const PII_FIELD_NAMES: readonly string[] = [
  'lastName',
  'firstName',
  'middleName',
  'snils',
  'inn',
  'passport',
  'address',
  'phone',
];

/** Escapes one JSON pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The AAD binding a field's ciphertext to its key id and place: `gospochta:v1:<kid>:<pointer>`. */
export function fieldAad(kid: string, pointer: string): string {
  return `gospochta:v1:${kid}:${pointer}`;
}
