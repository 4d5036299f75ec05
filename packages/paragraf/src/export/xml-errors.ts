/**
 * The streaming XML scanner lives in @goskit/validation/stream and stops with a `FormatError`; an
 * export reader keeps reporting this package's own classes — hostile or oversized XML as
 * `XmlSecurityError`, broken XML as `XmlFormatError` — with the same codes, line and limit.
 */
import { isFormatError } from '@goskit/validation/stream';
import { XmlFormatError, type XmlFormatErrorCode } from '../errors/xml-format-error.js';
import { XmlSecurityError, type XmlSecurityErrorCode } from '../errors/xml-security-error.js';

const SECURITY_CODES: ReadonlySet<string> = new Set<XmlSecurityErrorCode>([
  'XML_DOCTYPE_REFUSED',
  'XML_ENTITY_REFUSED',
  'XML_DEPTH_LIMIT',
  'XML_TEXT_LIMIT',
  'XML_ATTRIBUTE_LIMIT',
  'XML_NAME_LIMIT',
  'XML_TAG_LIMIT',
  'XML_ENCODING_UNSUPPORTED',
]);
const FORMAT_CODES: ReadonlySet<string> = new Set<XmlFormatErrorCode>([
  'XML_MALFORMED',
  'XML_UNEXPECTED_ROOT',
  'XML_UNEXPECTED_END',
]);

export function toParagrafXmlError(error: unknown): unknown {
  if (!isFormatError(error)) {
    return error;
  }
  // Both classes add "(line N)" themselves.
  const detail = error.message.replace(/ \(line \d+\)$/, '');
  let translated: XmlSecurityError | XmlFormatError;
  if (SECURITY_CODES.has(error.code)) {
    translated = new XmlSecurityError(error.code as XmlSecurityErrorCode, detail, {
      line: error.line,
      ...(error.limit === undefined ? {} : { limit: error.limit }),
    });
  } else {
    const code = FORMAT_CODES.has(error.code) ? (error.code as XmlFormatErrorCode) : 'XML_MALFORMED';
    translated = new XmlFormatError(code, detail, error.line);
  }
  Object.defineProperty(translated, 'cause', { value: error, enumerable: false, configurable: true });
  return translated;
}
