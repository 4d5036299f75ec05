/**
 * Applies the caller's roster keys over the generated roster (each key given replaces the generated
 * one), after checking them field by field, then checks that ids stay unique and linked.
 */
import { getIssueCode } from '@goskit/validation';
import { SimulatorError } from '../engine/errors.js';
import type { DemoData, SchoolCourse } from '../engine/types.js';
import { rosterOverrideSchema } from './roster-schema.js';

function invalid(message: string): SimulatorError {
  return new SimulatorError('INVALID_DATA', `data.${message}`);
}

function checked(override: Partial<DemoData>): Partial<DemoData> {
  const parsed = rosterOverrideSchema.safeParse(override);
  if (parsed.success) {
    return override;
  }
  const issue = parsed.error.issues[0];
  const field = issue === undefined ? '(root)' : issue.path.map(String).join('.');
  const rule = issue?.code === 'custom' ? getIssueCode(issue) : undefined;
  const reason = rule === undefined ? (issue?.message ?? 'invalid') : `${rule}: ${issue?.message}`;
  throw invalid(`${field}: ${reason}`);
}

function unique<T>(items: readonly T[], key: (item: T) => string, what: string): Set<string> {
  const seen = new Set<string>();
  for (const item of items) {
    const id = key(item);
    if (seen.has(id)) {
      throw invalid(`${what} ${JSON.stringify(id)} is repeated`);
    }
    seen.add(id);
  }
  return seen;
}

export function mergeRoster(generated: DemoData, override: Partial<DemoData> | undefined): DemoData {
  if (override === undefined) {
    return generated;
  }
  const roster: DemoData = { ...generated, ...structuredClone(checked(override)) };
  const ids = unique(roster.personas, (persona) => persona.id, 'personas: id');
  unique(roster.personas, (persona) => persona.oid, 'personas: oid');
  const classIds = unique(roster.classes, (item) => item.id, 'classes: id');
  for (const schoolClass of roster.classes) {
    const missing = [schoolClass.teacherId, ...schoolClass.studentIds].find((id) => !ids.has(id));
    if (missing !== undefined) {
      throw invalid(`classes: class ${schoolClass.name} refers to unknown persona ${missing}`);
    }
  }
  const subjectIds = unique(roster.subjects ?? [], (subject) => subject.id, 'subjects: id');
  const links = (course: SchoolCourse) =>
    classIds.has(course.classId) && subjectIds.has(course.subjectId) && ids.has(course.teacherId);
  if (override.courses === undefined) {
    // Generated courses follow the caller's classes and people: those left without a class or teacher go.
    roster.courses = (roster.courses ?? []).filter(links);
    return roster;
  }
  unique(roster.courses ?? [], (course) => course.id, 'courses: id');
  const broken = (roster.courses ?? []).find((course) => !links(course));
  if (broken !== undefined) {
    throw invalid(`courses: course ${broken.id} refers to an unknown class, subject or teacher`);
  }
  return roster;
}
