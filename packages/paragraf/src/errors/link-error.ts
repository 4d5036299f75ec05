/**
 * A «База ссылок» entry could not be saved or read: a field broke a rule (`issues`, each with the
 * field, a stable code and ru/en text), VK said the community or token is wrong, or a stored token
 * cannot be decrypted (unknown key id, tampering). Never carries the token.
 */
import type { LocalizedText } from '@goskit/validation';
import { ParagrafError } from './paragraf-error.js';

export type LinkErrorCode = 'LINK_INVALID' | 'LINK_NOT_FOUND' | 'COMMUNITY_CHECK_FAILED' | 'LINK_UNREADABLE';

export interface LinkIssue {
  field: 'schoolId' | 'communityId' | 'token';
  code: string;
  message: LocalizedText;
}

export class LinkError extends ParagrafError<LinkErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'LinkError';

  readonly issues: readonly LinkIssue[];

  constructor(
    code: LinkErrorCode,
    message: string,
    options: { issues?: readonly LinkIssue[]; cause?: unknown } = {},
  ) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.issues = options.issues ?? [];
  }

  /** The issues in Russian, for a form. */
  get messageRu(): string {
    return this.issues.map((issue) => `${issue.field}: ${issue.message.ru}`).join('; ');
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}
