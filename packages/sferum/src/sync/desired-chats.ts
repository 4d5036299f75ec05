/**
 * What chats the school should have and who belongs in each:
 * CLASS — the class teacher and the pupils; PARENTS — the class teacher and the pupils' parents;
 * TEACHER — every teacher; SUBJECT — the subject's teachers and the class's pupils, for subjects the
 * journal marked (or all, or none, by option). Titles come from the templates and must be unique
 * within the school: two chats with one title could not be told apart after a crash.
 */
import { SyncError, type SyncIssue } from '../errors/sync-error.js';
import { type ChatType, chatKey, type DesiredChat, type DesiredMember } from './chat-types.js';
import type { CheckedRoster, RosterPerson } from './roster.js';
import { type CompiledTemplate, renderTitle, type TitleContext } from './title-template.js';

export interface DesiredChatsOptions {
  templates: Record<ChatType, CompiledTemplate>;
  /** `'requested'` (default): subjects with `chat: true`; `'all'`; `'none'`. */
  subjectChats?: 'requested' | 'all' | 'none';
  /** Chat types to keep. Default all four. */
  types?: readonly ChatType[];
  maxTitleLength: number;
}

const nameOf = (person: RosterPerson) => `${person.lastName} ${person.firstName}`;

export function desiredChats(school: CheckedRoster, options: DesiredChatsOptions): DesiredChat[] {
  const types = new Set(options.types ?? ['CLASS', 'PARENTS', 'TEACHER', 'SUBJECT']);
  const { organisation } = school.roster;
  const base = {
    school: organisation.shortName,
    schoolFull: organisation.fullName ?? organisation.shortName,
  };
  const out: DesiredChat[] = [];
  const title = (
    type: ChatType,
    context: Omit<TitleContext, 'type' | 'school' | 'schoolFull'>,
    key: string,
  ) => renderTitle(options.templates[type], { type, ...base, ...context }, options.maxTitleLength, key);

  const pupilsOf = new Map<string, DesiredMember[]>();
  for (const pupil of school.pupils.values()) {
    const members = pupilsOf.get(pupil.classId) ?? [];
    members.push({ personId: pupil.id, role: 'pupil', name: nameOf(pupil) });
    pupilsOf.set(pupil.classId, members);
  }
  const parentsOf = new Map<string, Map<string, DesiredMember>>();
  for (const parent of school.parents.values()) {
    for (const childId of parent.childIds) {
      const classId = school.pupils.get(childId)?.classId;
      if (classId === undefined) {
        continue;
      }
      const members = parentsOf.get(classId) ?? new Map<string, DesiredMember>();
      members.set(parent.id, { personId: parent.id, role: 'parent', name: nameOf(parent) });
      parentsOf.set(classId, members);
    }
  }
  const teacherMember = (id: string | undefined): DesiredMember[] => {
    const teacher = id === undefined ? undefined : school.teachers.get(id);
    return teacher ? [{ personId: teacher.id, role: 'teacher', name: nameOf(teacher) }] : [];
  };

  for (const schoolClass of school.classes.values()) {
    const context = {
      class: schoolClass.normalisedName,
      grade: schoolClass.grade,
      letter: schoolClass.letter,
    };
    const common = { classId: schoolClass.id, className: schoolClass.normalisedName };
    if (types.has('CLASS')) {
      const key = chatKey('CLASS', schoolClass.id);
      out.push({
        key,
        type: 'CLASS',
        title: title('CLASS', context, key),
        ...common,
        members: [...teacherMember(schoolClass.teacherId), ...(pupilsOf.get(schoolClass.id) ?? [])],
      });
    }
    if (types.has('PARENTS')) {
      const key = chatKey('PARENTS', schoolClass.id);
      out.push({
        key,
        type: 'PARENTS',
        title: title('PARENTS', context, key),
        ...common,
        members: [
          ...teacherMember(schoolClass.teacherId),
          ...(parentsOf.get(schoolClass.id)?.values() ?? []),
        ],
      });
    }
  }
  if (types.has('TEACHER') && school.teachers.size > 0) {
    out.push({
      key: chatKey('TEACHER'),
      type: 'TEACHER',
      title: title('TEACHER', {}, 'TEACHER'),
      members: [...school.teachers.values()].map((teacher) => ({
        personId: teacher.id,
        role: 'teacher' as const,
        name: nameOf(teacher),
      })),
    });
  }
  const subjectMode = options.subjectChats ?? 'requested';
  if (types.has('SUBJECT') && subjectMode !== 'none') {
    for (const subject of school.subjects.values()) {
      if (subjectMode === 'requested' && subject.chat !== true) {
        continue;
      }
      const schoolClass = school.classes.get(subject.classId);
      if (!schoolClass) {
        continue;
      }
      const key = chatKey('SUBJECT', subject.id);
      const teachers = [...new Set(subject.teacherIds)].flatMap((id) => teacherMember(id));
      out.push({
        key,
        type: 'SUBJECT',
        title: title(
          'SUBJECT',
          {
            class: schoolClass.normalisedName,
            grade: schoolClass.grade,
            letter: schoolClass.letter,
            subject: subject.name.trim(),
          },
          key,
        ),
        classId: schoolClass.id,
        className: schoolClass.normalisedName,
        subjectId: subject.id,
        subjectName: subject.name.trim(),
        members: [...teachers, ...(pupilsOf.get(schoolClass.id) ?? [])],
      });
    }
  }
  checkUniqueTitles(out);
  return out;
}

function checkUniqueTitles(chats: readonly DesiredChat[]): void {
  const byTitle = new Map<string, string>();
  const issues: SyncIssue[] = [];
  for (const chat of chats) {
    const other = byTitle.get(chat.title);
    if (other !== undefined) {
      issues.push({
        path: chat.key,
        rule: 'unique-title',
        message: {
          ru: `Название совпадает с чатом ${other}: добавьте в шаблон {class} или {subject}.`,
          en: `The title equals that of ${other}: add {class} or {subject} to the template.`,
        },
      });
    }
    byTitle.set(chat.title, chat.key);
  }
  if (issues.length > 0) {
    throw new SyncError('DUPLICATE_TITLE', 'two chats of the school would share a title', { issues });
  }
}
