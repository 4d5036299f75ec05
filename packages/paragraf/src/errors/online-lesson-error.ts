/**
 * Online-lesson problems (`paragraf.dnevnik:vc_room` / `vc_cancel`): a journal that is not general
 * education (no subject chat for it), a subject the school data does not have, a subject chat the
 * messenger could not create (MAX: a person must create it), or a lesson that breaks the input rules.
 * Failures of Sferum itself stay @goskit/sferum's errors (`SyncError`, `VkApiError`) and are the `cause`.
 */
import type { LocalizedText } from '@goskit/validation';
import { ParagrafError } from './paragraf-error.js';

export type OnlineLessonErrorCode =
  | 'JOURNAL_NOT_GENERAL'
  | 'SUBJECT_NOT_IN_ROSTER'
  | 'SUBJECT_CHAT_NOT_CREATED'
  | 'ONLINE_LESSON_INVALID';

export class OnlineLessonError extends ParagrafError<OnlineLessonErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'OnlineLessonError';

  readonly lessonId: string | undefined;
  /** Russian and English text for people. */
  readonly text: LocalizedText;
  /** The input field at fault (`journal.kind`, `lessonId` …). */
  readonly field: string | undefined;

  constructor(
    code: OnlineLessonErrorCode,
    text: LocalizedText,
    details: { lessonId?: string; field?: string; cause?: unknown } = {},
  ) {
    super(code, text.en, details.cause === undefined ? undefined : { cause: details.cause });
    this.text = text;
    this.lessonId = details.lessonId;
    this.field = details.field;
  }

  get messageRu(): string {
    return this.text.ru;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), lessonId: this.lessonId, field: this.field, text: this.text };
  }
}
