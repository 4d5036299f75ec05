/**
 * `@goskit/validation/stream`: reading large XML and JSON files record by record with bounded memory
 * — a hardened XML scanner and byte decoder, an XSD checker for the subset record files use, and a
 * JSON record reader. Failures that stop reading are `FormatError`s (line + rule in ru/en); schema
 * problems are reported per element and never stop the stream.
 */
export { FormatError, type FormatErrorCode, isFormatError } from './format-error.js';
export { FORMAT_MESSAGES, type FormatCode } from './format-messages.js';
export {
  DEFAULT_JSON_LIMITS,
  type JsonReaderLimits,
  type JsonRecordEvents,
  JsonRecordReader,
} from './json-record-reader.js';
export { XmlByteDecoder } from './xml-decoder.js';
export { DEFAULT_XML_LIMITS, resolveXmlLimits, type XmlLimits } from './xml-limits.js';
export { type XmlEvents, XmlScanner } from './xml-scanner.js';
export {
  type AttributeDecl,
  type CompiledXsd,
  type ComplexDecl,
  compileXsd,
  type ElementDecl,
  type Particle,
} from './xsd-compile.js';
export type { SimpleType } from './xsd-simple-types.js';
export { type XsdIssue, XsdValidator } from './xsd-validator.js';
