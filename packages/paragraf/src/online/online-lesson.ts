/**
 * A lesson published in «Онлайн-урок» mode, as Параграф's journal knows it: the lesson, its school, the
 * journal (general education or not; the class and the subject — one Sferum subject chat per journal
 * subject), and a title for the chat message. `checkOnlineLesson` refuses anything else with the field named.
 */
import { OnlineLessonError } from '../errors/online-lesson-error.js';

/** 'general': общее образование. Subject chats exist only for these journals. */
export type JournalKind = 'general' | 'additional' | 'extracurricular';

export interface OnlineLessonJournal {
  id: string;
  kind: JournalKind;
  classId: string;
  /** The subject of the school data (`SchoolRoster.subjects[].id`): one class × one subject. */
  subjectId: string;
  /** Teachers of the journal (their VK ids come from the links of the e-diary). */
  teacherIds: readonly string[];
}

export interface OnlineLesson {
  lessonId: string;
  schoolId: string;
  journal: OnlineLessonJournal;
  /** «Математика, 5Б, 2-й урок». */
  title: string;
}

const CLEAN = /^[^\p{Cc}]{1,300}$/u;
const KINDS: ReadonlySet<string> = new Set(['general', 'additional', 'extracurricular']);

function invalid(field: string, lessonId: string | undefined): OnlineLessonError {
  return new OnlineLessonError(
    'ONLINE_LESSON_INVALID',
    {
      ru: `${field}: непустая строка до 300 символов без управляющих символов.`,
      en: `${field}: a non-empty string of up to 300 characters without control characters.`,
    },
    { field, ...(lessonId === undefined ? {} : { lessonId }) },
  );
}

export function checkOnlineLesson(lesson: OnlineLesson): void {
  const text = (value: unknown): value is string => typeof value === 'string' && CLEAN.test(value);
  const lessonId = text(lesson?.lessonId) ? lesson.lessonId : undefined;
  for (const field of ['lessonId', 'schoolId', 'title'] as const) {
    if (!text(lesson?.[field])) {
      throw invalid(field, lessonId);
    }
  }
  const journal = lesson.journal;
  if (typeof journal !== 'object' || journal === null) {
    throw invalid('journal', lessonId);
  }
  for (const field of ['id', 'classId', 'subjectId'] as const) {
    if (!text(journal[field])) {
      throw invalid(`journal.${field}`, lessonId);
    }
  }
  if (!KINDS.has(journal.kind)) {
    throw new OnlineLessonError(
      'ONLINE_LESSON_INVALID',
      {
        ru: 'journal.kind: general, additional или extracurricular.',
        en: 'journal.kind: general, additional or extracurricular.',
      },
      { field: 'journal.kind', ...(lessonId === undefined ? {} : { lessonId }) },
    );
  }
  if (!Array.isArray(journal.teacherIds) || journal.teacherIds.length > 50) {
    throw invalid('journal.teacherIds', lessonId);
  }
  journal.teacherIds.forEach((id, index) => {
    if (!text(id)) {
      throw invalid(`journal.teacherIds[${index}]`, lessonId);
    }
  });
}
