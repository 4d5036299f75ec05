/**
 * Resolves the only entity references XML allows without a DTD — the five predefined ones and
 * numeric character references — and refuses every other one. DTDs are never read, so an entity
 * cannot expand into anything larger than one character (no billion laughs, no external entities).
 */

const PREDEFINED = new Map<string, string>([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Why a reference was refused; the caller turns it into a typed error with the line. */
export type EntityProblem = 'undefined' | 'malformed' | 'invalid-char';

const isXmlChar = (cp: number): boolean =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);

/**
 * Decodes `value` (which contains at least one '&'). Returns the decoded string, or the problem.
 * A reference name is at most 10 characters; anything longer is malformed (bounded work).
 */
export function decodeEntities(value: string): string | EntityProblem {
  let out = '';
  let from = 0;
  let amp = value.indexOf('&');
  while (amp !== -1) {
    const semi = value.indexOf(';', amp + 1);
    if (semi === -1 || semi - amp > 11) {
      return 'malformed';
    }
    out += value.slice(from, amp);
    const ref = value.slice(amp + 1, semi);
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120; /* x */
      const digits = ref.slice(hex ? 2 : 1);
      if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
        return 'malformed';
      }
      const cp = Number.parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(cp)) {
        return 'invalid-char';
      }
      out += String.fromCodePoint(cp);
    } else {
      const replacement = PREDEFINED.get(ref);
      if (replacement === undefined) {
        return 'undefined';
      }
      out += replacement;
    }
    from = semi + 1;
    amp = value.indexOf('&', from);
  }
  return out + value.slice(from);
}
