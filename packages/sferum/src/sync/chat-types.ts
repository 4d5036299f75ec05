/**
 * The chats a school keeps, as in the registry of «Синхронизация чатов СфераУМ с ИС АйТи Школа»:
 * one CLASS and one PARENTS chat per class, the school's TEACHER chat, and SUBJECT chats where a
 * journal asks for one. Each has a stable key built from the school system's ids.
 */
import type { SchoolPersonRole } from '../links/person-link.js';

export type ChatType = 'CLASS' | 'PARENTS' | 'TEACHER' | 'SUBJECT';

export const CHAT_TYPES: readonly ChatType[] = ['CLASS', 'PARENTS', 'TEACHER', 'SUBJECT'];

export interface DesiredMember {
  personId: string;
  role: SchoolPersonRole;
  /** «Иванова Анна», for reports. */
  name: string;
}

export interface DesiredChat {
  /** `CLASS:<classId>`, `PARENTS:<classId>`, `TEACHER`, `SUBJECT:<subjectId>`. */
  key: string;
  type: ChatType;
  title: string;
  classId?: string;
  className?: string;
  subjectId?: string;
  subjectName?: string;
  members: DesiredMember[];
}

export const chatKey = (type: ChatType, id?: string): string => (id === undefined ? type : `${type}:${id}`);
