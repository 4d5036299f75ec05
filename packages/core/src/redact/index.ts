export {
  REDACTED,
  SECRET_HEADERS,
  SECRET_JSON_FIELD_PATTERN,
  SECRET_KEY_PATTERN,
  SECRET_TEXT_PATTERNS,
} from './patterns.js';
export { redactBody, redactForm, redactHeaders, redactJson, redactText, redactUrl } from './redact.js';
