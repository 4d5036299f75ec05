/**
 * Hostile or oversized XML refused before anything in it is used: a DOCTYPE or entity declaration
 * (billion laughs, external entities), nesting past the depth limit, an oversized text node, tag,
 * name or attribute list. `limit` is the bound that was hit, `line` where (1-based).
 */
import { ParagrafError } from './paragraf-error.js';

export type XmlSecurityErrorCode =
  | 'XML_DOCTYPE_REFUSED'
  | 'XML_ENTITY_REFUSED'
  | 'XML_DEPTH_LIMIT'
  | 'XML_TEXT_LIMIT'
  | 'XML_ATTRIBUTE_LIMIT'
  | 'XML_NAME_LIMIT'
  | 'XML_TAG_LIMIT'
  | 'XML_ENCODING_UNSUPPORTED';

export class XmlSecurityError extends ParagrafError<XmlSecurityErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'XmlSecurityError';

  readonly line: number;
  readonly limit: number | undefined;

  constructor(code: XmlSecurityErrorCode, message: string, details: { line: number; limit?: number }) {
    super(code, `${message} (line ${details.line})`);
    this.line = details.line;
    this.limit = details.limit;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), line: this.line, limit: this.limit };
  }
}
