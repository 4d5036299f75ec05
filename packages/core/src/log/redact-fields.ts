import { isGoskitError } from '../errors/goskit-error.js';
import {
  REDACTED,
  redactBody,
  redactHeaders,
  redactJson,
  redactText,
  redactUrl,
  SECRET_HEADERS,
} from '../redact/index.js';
import type { LogFields } from './logger.js';

/**
 * Redacts one log record's fields. Known field names get the matching redactor (headers, url,
 * body by content type); anything else goes through `redactJson`; header-named keys are masked
 * wherever they appear.
 */
export function redactFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  const contentType = typeof fields.contentType === 'string' ? fields.contentType : '';
  for (const [key, value] of Object.entries(fields)) {
    out[key] = redactField(key, value, contentType);
  }
  return out;
}

function redactField(key: string, value: unknown, contentType: string): unknown {
  if (value === undefined || value === null) {
    return value;
  }
  const lower = key.toLowerCase();
  if (SECRET_HEADERS.has(lower)) {
    return REDACTED;
  }
  if (value instanceof Error) {
    return describeError(value);
  }
  if (lower === 'headers' && typeof value === 'object') {
    return redactHeaders(value as Headers | Record<string, string>);
  }
  if ((lower === 'url' || lower.endsWith('url')) && (typeof value === 'string' || value instanceof URL)) {
    return redactUrl(value);
  }
  if (lower === 'body' && typeof value === 'string') {
    return redactBody(value, contentType);
  }
  if (value instanceof URLSearchParams) {
    return redactBody(value.toString(), 'application/x-www-form-urlencoded');
  }
  return redactJson(value);
}

function describeError(error: Error): LogFields {
  const out: LogFields = { name: error.name, message: redactText(error.message) };
  if (isGoskitError(error)) {
    out.code = error.code;
  }
  return out;
}
