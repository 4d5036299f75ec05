/**
 * The header a faulted answer carries, so a failing test's own output (a logged response, an HTTP
 * error with headers) already names what fired and the seed that replays it — without a trip to the
 * journal. Transport faults (resets, timeouts) have no answer to carry it; their journal entry does.
 */
export const FAULT_HEADER = 'x-goskit-faults';

const encoder = new TextEncoder();

/**
 * Seeds and rule ids are free text, but a header value must be visible ASCII (a CR/LF or a Cyrillic
 * letter would break the node server): anything else, and the separators ',', ';', '%', becomes %XX
 * UTF-8 bytes, as in a URL.
 */
function headerSafe(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code > 0x20 && code < 0x7f && char !== '%' && char !== ',' && char !== ';') {
      out += char;
    } else {
      for (const byte of encoder.encode(char)) {
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

/** 'flaky:503,slow:delay; seed=ci-42' — decode the seed with decodeURIComponent to replay it. */
export function faultReport(effects: readonly string[], seed: string): string {
  return `${effects.map(headerSafe).join(',')}; seed=${headerSafe(seed)}`;
}
