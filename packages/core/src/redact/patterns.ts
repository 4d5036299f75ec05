/** The marker that replaces every secret or personal value. */
export const REDACTED = '[REDACTED]';

/** Header names whose values are always secret (lower case). */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-jwt-token',
  'x-user-authorization',
]);

/**
 * Field names (query, form or JSON keys) whose values are secret or personal. Matched
 * case-insensitively against the whole key.
 */
export const SECRET_KEY_PATTERN =
  /^(?:access_?token|refresh_?token|id_?token|token|client_?secret|secret|password|passwd|code|code_verifier|captcha_key|success_token|api_?key|private_?key|key|signature|client_certificate_hash|snils|passport|inn|series|number|birth_?date|phone|email|mobile)$/i;

/** Free-text patterns: СНИЛС (with or without separators), passport series + number, JWTs, bearer tokens. */
export const SECRET_TEXT_PATTERNS: readonly RegExp[] = [
  // JWT / JWS compact: three base64url segments starting with a JSON header.
  /\beyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]*/g,
  // Authorization header values written into text.
  /\b(Bearer|Basic|AccessToken)\s+[\w\-.~+/=]{8,}/gi,
  // СНИЛС: 123-456-789 01, 123-456-789-01, 12345678901 (11 digits standing alone). Digit lookarounds
  // instead of \b: "snils:a123-456-789 01" has no word boundary before the 1 but is still a СНИЛС.
  /(?<!\d)\d{3}-\d{3}-\d{3}[ -]\d{2}(?!\d)/g,
  /(?<![\d-])\d{11}(?![\d-])/g,
  // Passport: series 2+2 or 4 digits, then 6-digit number ("45 08 123456", "4508 123456", "4508123456").
  /(?<![\d-])\d{2}\s?\d{2}\s?№?\s?\d{6}(?![\d-])/g,
  // secret=value in URLs or form bodies written into text.
  /\b(access_token|refresh_token|id_token|client_secret|password|code_verifier|code|token|api_key)=[^&\s"']+/gi,
];

/**
 * A secret field inside JSON that is embedded in text (a logged body string, an echoed request):
 * `"access_token":"…"` or `"password": 123`. Replaced before the free-text patterns run.
 */
export const SECRET_JSON_FIELD_PATTERN =
  /"(access_?token|refresh_?token|id_?token|token|client_?secret|secret|password|passwd|code|code_verifier|api_?key|private_?key|snils|passport|authorization|cookie)"(\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\]\s]+)/gi;
