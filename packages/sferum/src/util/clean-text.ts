/** Text from school systems and templates: no control characters (they break titles, logs and CSV). */

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** A string of 1..max characters, no control characters, not blank. */
export function isCleanText(value: unknown, max: number): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= max &&
    value.trim() !== '' &&
    !CONTROL.test(value)
  );
}
