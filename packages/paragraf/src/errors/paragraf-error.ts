/**
 * The one base class of every error @goskit/paragraf throws. `code` is stable and machine-readable;
 * subclasses narrow it. Messages never carry tokens, passwords or СНИЛС.
 */
import { GoskitError } from '@goskit/core';

/** Every code a `ParagrafError` (or a subclass) can carry. */
export type ParagrafErrorCode =
  // hostile XML, refused before any content is used (XmlSecurityError)
  | 'XML_DOCTYPE_REFUSED'
  | 'XML_ENTITY_REFUSED'
  | 'XML_DEPTH_LIMIT'
  | 'XML_TEXT_LIMIT'
  | 'XML_ATTRIBUTE_LIMIT'
  | 'XML_NAME_LIMIT'
  | 'XML_TAG_LIMIT'
  | 'XML_ENCODING_UNSUPPORTED'
  // XML that is not well-formed, or not the contract's shape (XmlFormatError)
  | 'XML_MALFORMED'
  | 'XML_UNEXPECTED_ROOT'
  | 'XML_UNEXPECTED_END'
  // SOAP
  | 'SOAP_FAULT'
  | 'SOAP_RESPONSE_INVALID'
  | 'QUEUE_FAILED'
  | 'QUEUE_TIMEOUT'
  | 'PUSH_REJECTED'
  // link base
  | 'LINK_INVALID'
  | 'LINK_NOT_FOUND'
  | 'COMMUNITY_CHECK_FAILED'
  | 'LINK_UNREADABLE'
  // tasks and runner
  | 'TASK_UNKNOWN'
  | 'TASK_SETTINGS_INVALID'
  | 'TASK_NOT_FOUND'
  | 'TASK_BUSY'
  | 'TASK_FAILED'
  | 'LEASE_LOST'
  | 'INVALID_ARGUMENT';

export class ParagrafError<Code extends ParagrafErrorCode = ParagrafErrorCode> extends GoskitError<Code> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'ParagrafError';
}

export function isParagrafError(value: unknown): value is ParagrafError {
  return value instanceof ParagrafError;
}
