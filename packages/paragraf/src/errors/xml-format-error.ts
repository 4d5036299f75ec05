/**
 * XML that is not well-formed (mismatched or unclosed tags, bad syntax, an unknown entity reference,
 * a second root) or whose root is not the contract's. Parsing cannot go on after it: `line` says where.
 */
import { ParagrafError } from './paragraf-error.js';

export type XmlFormatErrorCode = 'XML_MALFORMED' | 'XML_UNEXPECTED_ROOT' | 'XML_UNEXPECTED_END';

export class XmlFormatError extends ParagrafError<XmlFormatErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'XmlFormatError';

  readonly line: number;

  constructor(code: XmlFormatErrorCode, message: string, line: number) {
    super(code, `${message} (line ${line})`);
    this.line = line;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), line: this.line };
  }
}
