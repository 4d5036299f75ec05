/**
 * The school chat sync cannot proceed: school data or a title template breaks a rule (each issue
 * names its path and rule, in Russian and English), two chats would share a title, another run holds
 * the school's lock, the transport cannot perform a step, or a lesson call is not in a state that
 * allows the request.
 */
import { type ErrorHint, SferumError } from './sferum-error.js';

export type SyncErrorCode =
  | 'INVALID_ROSTER'
  | 'INVALID_TEMPLATE'
  | 'DUPLICATE_TITLE'
  | 'SYNC_LOCKED'
  | 'TRANSPORT_CAPABILITY'
  | 'LESSON_CALL_STATE';

/** One broken rule of the input. */
export interface SyncIssue {
  /** `pupils[3].classId`, `templates.CLASS`. */
  path: string;
  /** Stable rule name: `unique-id`, `known-class`, `unknown-placeholder` … */
  rule: string;
  message: ErrorHint;
}

export class SyncError extends SferumError<SyncErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'SyncError';

  readonly issues: readonly SyncIssue[];

  constructor(
    code: SyncErrorCode,
    message: string,
    options: { issues?: readonly SyncIssue[]; hint?: ErrorHint; cause?: unknown } = {},
  ) {
    const issues = options.issues ?? [];
    const shown = issues
      .slice(0, 5)
      .map((issue) => `${issue.path}: ${issue.message.en}`)
      .join('; ');
    const more = issues.length > 5 ? ` (+${issues.length - 5} more)` : '';
    super(code, shown === '' ? message : `${message}: ${shown}${more}`, {
      hint: options.hint ?? issues[0]?.message,
      cause: options.cause,
    });
    this.issues = issues;
  }

  /** The issues in Russian, for a school administrator. */
  get messageRu(): string {
    return this.issues.map((issue) => `${issue.path}: ${issue.message.ru}`).join('; ');
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

export function isSyncError(value: unknown): value is SyncError {
  return value instanceof SyncError;
}
