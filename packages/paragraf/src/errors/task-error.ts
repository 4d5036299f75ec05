/**
 * Task problems: an unknown task code (the message lists the valid ones, in Russian and English),
 * settings that break the task's schema (`issues`), a task not found, a run refused because another
 * runner holds the task's lease, a run that failed after its retries, or a lease lost mid-run.
 */
import type { LocalizedText, ValidationIssue } from '@goskit/validation';
import { ParagrafError } from './paragraf-error.js';

export type TaskErrorCode =
  | 'TASK_UNKNOWN'
  | 'TASK_SETTINGS_INVALID'
  | 'TASK_NOT_FOUND'
  | 'TASK_BUSY'
  | 'TASK_FAILED'
  | 'LEASE_LOST';

export class TaskError extends ParagrafError<TaskErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'TaskError';

  readonly taskCode: string | undefined;
  readonly issues: readonly ValidationIssue[];
  /** Russian and English text for people (the unknown-code case lists the valid codes). */
  readonly text: LocalizedText;

  constructor(
    code: TaskErrorCode,
    text: LocalizedText,
    details: { taskCode?: string; issues?: readonly ValidationIssue[]; cause?: unknown } = {},
  ) {
    super(code, text.en, details.cause === undefined ? undefined : { cause: details.cause });
    this.text = text;
    this.taskCode = details.taskCode;
    this.issues = details.issues ?? [];
  }

  get messageRu(): string {
    return this.text.ru;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), taskCode: this.taskCode, issues: this.issues, text: this.text };
  }
}
