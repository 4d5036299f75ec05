/**
 * One-time claim codes: when a person creates a chat for an awaiting registry entry under another
 * title, a teacher posts the entry's code (`SFR-7KQ3MX`) in the chat and the sync matches the chat by
 * it. Six characters from an alphabet without look-alikes (no 0/O, 1/I/L): about 10⁹ codes. Codes
 * are found in at most the first 4000 characters of a message, case-insensitively.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 6;
const SCANNED = 4000;
const CODE_PATTERN = /SFR-([2-9A-HJKMNP-Z]{6})(?![0-9A-Z])/g;

export function newClaimCode(random: (bytes: Uint8Array) => Uint8Array = defaultRandom): string {
  const bytes = random(new Uint8Array(CODE_LENGTH));
  let code = 'SFR-';
  for (const byte of bytes) {
    code += ALPHABET[byte % ALPHABET.length];
  }
  return code;
}

/** Every claim code in a message text (upper-cased, bounded), in order, without repeats. */
export function claimCodesIn(text: unknown): string[] {
  if (typeof text !== 'string' || text === '') {
    return [];
  }
  const found = new Set<string>();
  for (const match of text.slice(0, SCANNED).toUpperCase().matchAll(CODE_PATTERN)) {
    found.add(`SFR-${match[1]}`);
  }
  return [...found];
}

function defaultRandom(bytes: Uint8Array): Uint8Array {
  return globalThis.crypto.getRandomValues(bytes);
}
