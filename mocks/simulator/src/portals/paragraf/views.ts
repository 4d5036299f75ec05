/**
 * What the control API and the dashboard show: journals with their subject chat, lessons, the
 * «Личные дела сотрудников» (teachers with their VK id when linked), the queue, the demo account.
 */
import type { PortalRuntime } from '../../engine/types.js';
import { vkAccountsService } from '../../services/vk-accounts.js';
import type { ResolvedParagrafOptions } from './options.js';
import { type QueueItemView, viewOf } from './queue.js';
import type { ParagrafJournal, ParagrafLesson, ParagrafState } from './state.js';

export interface ParagrafStaffMember {
  personId: string;
  lastName: string;
  firstName: string;
  middleName: string;
  /** The VK id when the teacher linked their «учебный профиль»; null otherwise. */
  vkId: number | null;
  /** Journals the teacher keeps. */
  journalIds: string[];
}

/** VK ids of roster people who linked their «учебный профиль», by person id. */
export type RosterServices = Pick<PortalRuntime, 'service' | 'demo'>;

export function linkedVkIds(sim: RosterServices): Map<string, number> {
  const ids = new Map<string, number>();
  for (const account of sim.service(vkAccountsService).accounts()) {
    if (account.personId !== undefined && account.educationProfile) {
      ids.set(account.personId, account.id);
    }
  }
  return ids;
}

export function staffOf(state: ParagrafState, sim: RosterServices): ParagrafStaffMember[] {
  const vkIds = linkedVkIds(sim);
  const journals = new Map<string, string[]>();
  for (const journal of state.journals.values()) {
    journals.set(journal.teacherId, [...(journals.get(journal.teacherId) ?? []), journal.id]);
  }
  return sim.demo.personas
    .filter((person) => person.role === 'teacher')
    .map((person) => ({
      personId: person.id,
      lastName: person.lastName,
      firstName: person.firstName,
      middleName: person.middleName,
      vkId: vkIds.get(person.id) ?? null,
      journalIds: journals.get(person.id) ?? [],
    }));
}

export function journalList(state: ParagrafState): ParagrafJournal[] {
  return [...state.journals.values()].map((journal) => ({ ...journal }));
}

export function lessonsOf(state: ParagrafState, journalId: string): ParagrafLesson[] {
  return [...state.lessons.values()]
    .filter((lesson) => lesson.journalId === journalId)
    .map((l) => ({ ...l }));
}

export function queueList(
  state: ParagrafState,
  nowMs: number,
  options: ResolvedParagrafOptions,
): QueueItemView[] {
  return [...state.queue.values()].map((item) => viewOf(item, nowMs, options));
}
