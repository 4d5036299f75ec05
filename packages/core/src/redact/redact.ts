import {
  REDACTED,
  SECRET_HEADERS,
  SECRET_JSON_FIELD_PATTERN,
  SECRET_KEY_PATTERN,
  SECRET_TEXT_PATTERNS,
} from './patterns.js';

/** Masks secrets and personal data inside free text (log lines, error messages, bodies). */
export function redactText(text: string): string {
  let out = text.replace(
    SECRET_JSON_FIELD_PATTERN,
    (_match, name: string, colon: string) => `"${name}"${colon}"${REDACTED}"`,
  );
  for (const pattern of SECRET_TEXT_PATTERNS) {
    out = out.replace(pattern, (match, name: unknown) =>
      typeof name === 'string' && match.includes('=')
        ? `${name}=${REDACTED}`
        : typeof name === 'string' && /^(bearer|basic|accesstoken)$/i.test(name)
          ? `${name} ${REDACTED}`
          : REDACTED,
    );
  }
  return out;
}

/** Copy of the headers with secret values replaced. Accepts Headers, arrays of pairs or records. */
export function redactHeaders(
  headers: Headers | Iterable<[string, string]> | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: Iterable<[string, unknown]> =
    headers instanceof Headers || Symbol.iterator in headers
      ? (headers as Iterable<[string, string]>)
      : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value === undefined) {
      continue;
    }
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    const lower = name.toLowerCase();
    out[lower] = SECRET_HEADERS.has(lower) ? redactAuthorization(text) : redactText(text);
  }
  return out;
}

function redactAuthorization(value: string): string {
  const scheme = /^(\w+)\s+/.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

/** URL with secret query parameters masked; keeps the rest readable for debugging. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return redactText(String(url));
  }
  if (parsed.username || parsed.password) {
    parsed.username = parsed.username ? REDACTED : '';
    parsed.password = parsed.password ? REDACTED : '';
  }
  redactSearchParams(parsed.searchParams);
  return redactText(parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED));
}

/** `application/x-www-form-urlencoded` body with secret fields masked. */
export function redactForm(body: string | URLSearchParams): string {
  const params = new URLSearchParams(body);
  redactSearchParams(params);
  return params.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

function redactSearchParams(params: URLSearchParams): void {
  for (const key of new Set(params.keys())) {
    if (isSecretKey(key)) {
      params.set(key, REDACTED);
    } else {
      const values = params.getAll(key).map(redactText);
      params.delete(key);
      for (const value of values) {
        params.append(key, value);
      }
    }
  }
}

/** Secret field names, plus header names — an echoed `{"cookie": "..."}` is as secret as the header. */
function isSecretKey(key: string): boolean {
  return SECRET_KEY_PATTERN.test(key) || SECRET_HEADERS.has(key.toLowerCase());
}

/** Deep copy of a JSON-like value with secret keys masked and free text scrubbed. Cycles are cut. */
export function redactJson(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') {
    return redactText(value);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (seen.has(value)) {
    return '[Circular]';
  }
  seen.add(value);
  if (Array.isArray(value)) {
    return value.map((item) => redactJson(item, seen));
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) && item !== null && item !== undefined ? REDACTED : redactJson(item, seen);
  }
  return out;
}

/** Redacts a body by its content type: JSON, form or text. Bodies that are not text become a size note. */
export function redactBody(body: string, contentType = ''): string {
  if (/json/i.test(contentType)) {
    try {
      return JSON.stringify(redactJson(JSON.parse(body)));
    } catch {
      return redactText(body);
    }
  }
  if (/x-www-form-urlencoded/i.test(contentType)) {
    return redactForm(body);
  }
  return redactText(body);
}
