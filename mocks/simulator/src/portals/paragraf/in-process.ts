/**
 * The portal's control actions for tests in process (the control routes do the same over HTTP):
 * the demo exchange account, the «База ссылок», journals and lessons, publishing a lesson online.
 */
import type { Simulator } from '../../engine/types.js';
import { vkMessengerService } from '../../services/vk-messenger.js';
import { type ParagrafLinkView, type SaveLinkInput, saveLink } from './links.js';
import { closeLesson, type OnlineLessonResult, publishOnline } from './online-lessons.js';
import type { ParagrafAccount, ParagrafJournal, ParagrafLesson, ParagrafState } from './state.js';
import { journalList, lessonsOf, linkedVkIds, type ParagrafStaffMember, staffOf } from './views.js';

function stateOf(sim: Simulator): ParagrafState {
  return sim.portalState<ParagrafState>('paragraf');
}

/** «Демо школа»'s exchange account (login, password, schoolId); throws when run with `demo: false`. */
export function paragrafDemoAccount(sim: Simulator): ParagrafAccount {
  const state = stateOf(sim);
  const account = [...state.accounts.values()].find((item) => item.schoolId === state.schoolId);
  if (account === undefined) {
    throw new Error('the paragraf portal runs without demo data (data.paragraf.demo is false)');
  }
  return { ...account };
}

/** Saves a school's Sferum community and token in the «База ссылок» (checked against the vk portal). */
export function paragrafSaveLink(sim: Simulator, input: SaveLinkInput): ParagrafLinkView {
  return saveLink(stateOf(sim), sim.service(vkMessengerService), input, sim.clock.now());
}

export function paragrafJournals(sim: Simulator): ParagrafJournal[] {
  return journalList(stateOf(sim));
}

export function paragrafLessons(sim: Simulator, journalId: string): ParagrafLesson[] {
  return lessonsOf(stateOf(sim), journalId);
}

export function paragrafStaff(sim: Simulator): ParagrafStaffMember[] {
  return staffOf(stateOf(sim), sim);
}

/** Publishes a lesson as «Онлайн-урок»: the subject chat (first time), the call, the link. */
export function paragrafPublishOnline(sim: Simulator, lessonId: string): OnlineLessonResult {
  const vkIds = linkedVkIds(sim);
  return publishOnline(
    stateOf(sim),
    sim.service(vkMessengerService),
    lessonId,
    (personId) => vkIds.get(personId),
    sim.clock.now(),
  );
}

export function paragrafCloseLesson(
  sim: Simulator,
  lessonId: string,
  how: 'cancel' | 'finish',
): ParagrafLesson {
  return closeLesson(stateOf(sim), sim.service(vkMessengerService), lessonId, how);
}
