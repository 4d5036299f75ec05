/**
 * A streamed file that cannot be read on: not well-formed XML or JSON, hostile input past a bound
 * (`limit`), an unsupported encoding — or an XSD the streaming checker cannot compile. `line` says
 * where (1-based; 0 when unknown), `rule` is the broken rule in Russian and English. Messages never
 * quote the document's values.
 */
import { GoskitError } from '@goskit/core';
import type { LocalizedText } from '../messages/messages.js';
import { FORMAT_MESSAGES, type FormatCode } from './format-messages.js';

export type FormatErrorCode = Extract<
  FormatCode,
  `XML_${string}` | `JSON_${string}` | 'XSD_UNSUPPORTED' | 'XSD_INVALID'
>;

export class FormatError extends GoskitError<FormatErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'FormatError';

  readonly line: number;
  readonly limit: number | undefined;
  readonly rule: LocalizedText;

  constructor(code: FormatErrorCode, detail: string, details: { line: number; limit?: number | undefined }) {
    super(code, details.line > 0 ? `${detail} (line ${details.line})` : detail);
    this.line = details.line;
    this.limit = details.limit;
    this.rule = FORMAT_MESSAGES[code];
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), line: this.line, limit: this.limit, rule: this.rule };
  }
}

export function isFormatError(value: unknown): value is FormatError {
  return value instanceof FormatError;
}
