/**
 * The demo VK built from the roster, the same for the same seed: every person of «Демо школа» is a
 * VK user; some have linked their «учебный профиль» and some have not (among teachers too, as the
 * seed's registry shows ✗); the «Демо школа» community with a community token; a few user tokens
 * and a service token; and chats that disagree with the registry a school system computes (1Б's
 * class chat still has its old title, 1Б has no parents' chat, one linked 1А pupil is not yet in
 * 1А's class chat).
 */
import type { DemoData, Persona, SeededRandom } from '../../engine/types.js';
import { VK_DEMO_APP_ID } from '../../services/vk-identity.js';
import { addMember, createChatRecord, postMessage } from './chats.js';
import type { VkDemoChat, VkState, VkTokenRecord, VkUser } from './state.js';
import { randomToken } from './tokens.js';

/** People who never link in the demo, so a ✗ teacher is always there. */
const NEVER_LINKED = new Set(['teacher-1b']);
/** People who always link, so docs and tests can name them. */
const ALWAYS_LINKED = new Set(['teacher-demo', 'admin-demo', 'parent-ivanov']);
const LINK_RATE: Record<Persona['role'], number> = { teacher: 0.7, admin: 1, parent: 0.6, student: 0.55 };

export function vkBirthDate(ddMMyyyy: string): string {
  const [day, month, year] = ddMMyyyy.split('.');
  return `${Number(day)}.${Number(month)}.${year}`;
}

function userOf(persona: Persona, id: number, linked: boolean): VkUser {
  return {
    id,
    firstName: persona.firstName,
    lastName: persona.lastName,
    middleName: persona.middleName,
    sex: persona.gender === 'F' ? 1 : 2,
    birthDate: vkBirthDate(persona.birthDate),
    screenName: `id${id}`,
    login: persona.phone,
    phone: persona.phone,
    email: persona.email,
    personId: persona.id,
    role: persona.role,
    educationProfile: linked,
  };
}

/** The demo chats' titles for a school. */
export function demoChatTitles(school: string, className: string) {
  return {
    class: `${school} - ${className} - Чат класса`,
    parents: `${school} - ${className} - Чат родителей`,
    teachers: `${school} - Чат учителей`,
  };
}

export function addDemo(state: VkState, demo: DemoData, random: SeededRandom, nowMs: number): void {
  const ids = new Set<number>();
  const people = random.fork('users');
  for (const persona of demo.personas) {
    let id = people.int(100_000_000, 899_999_999);
    while (ids.has(id)) {
      id += 1;
    }
    ids.add(id);
    const linked = NEVER_LINKED.has(persona.id)
      ? false
      : ALWAYS_LINKED.has(persona.id) || people.next() < LINK_RATE[persona.role];
    state.users.set(id, userOf(persona, id, linked));
    state.usersByPerson.set(persona.id, id);
  }
  const userId = (personId: string) => state.usersByPerson.get(personId);
  const linkedUser = (personId: string) => {
    const id = userId(personId);
    return id !== undefined && state.users.get(id)?.educationProfile === true ? id : undefined;
  };

  const groupId = random.fork('community').int(200_000_000, 239_999_999);
  const adminId = userId('admin-demo');
  state.communities.set(groupId, {
    id: groupId,
    name: demo.organisation.shortName,
    screenName: `club${groupId}`,
    adminIds: adminId === undefined ? [] : [adminId],
    organisationOid: demo.organisation.oid,
  });

  const tokens = random.fork('tokens');
  const addToken = (record: Omit<VkTokenRecord, 'token' | 'source'>, prefix: string) => {
    const token = randomToken(tokens, prefix);
    state.tokens.set(token, { ...record, token, source: 'demo' });
  };
  addToken({ kind: 'community', ownerId: groupId, scopes: ['messages', 'manage'] }, 'vk1.a.');
  for (const personId of ['teacher-demo', 'admin-demo', 'parent-ivanov']) {
    const ownerId = userId(personId);
    if (ownerId !== undefined) {
      addToken({ kind: 'user', ownerId, scopes: ['messages', 'groups', 'offline'] }, 'vk1.a.');
    }
  }
  addToken({ kind: 'service', ownerId: VK_DEMO_APP_ID, scopes: [] }, '');

  const chats: VkDemoChat[] = [];
  const community = -groupId;
  const date = Math.floor(nowMs / 1000) - 14 * 86_400;
  const school = demo.organisation.shortName;
  const chatRandom = random.fork('chats');
  const open = (title: string, memberIds: (number | undefined)[], adminIds: (number | undefined)[]) => {
    const chat = createChatRecord(state, chatRandom, { title, ownerId: community, date });
    for (const memberId of memberIds) {
      if (memberId !== undefined && !chat.members.has(memberId)) {
        addMember(chat, memberId, community, date, adminIds.includes(memberId));
      }
    }
    postMessage(state, chat, { fromId: community, text: `Добро пожаловать в чат «${title}»`, date });
    return chat;
  };

  const first = demo.classes[0];
  const second = demo.classes[1];
  if (first !== undefined) {
    const titles = demoChatTitles(school, first.name);
    const teacher = linkedUser(first.teacherId);
    const pupils = first.studentIds.map(linkedUser).filter((id) => id !== undefined);
    // The last linked pupil has not been added yet: the sync has a member to add.
    const classChat = open(titles.class, [teacher, ...pupils.slice(0, -1)], [teacher]);
    chats.push({ chatId: classChat.id, title: titles.class, kind: 'CLASS', classId: first.id });
    const parents = demo.personas
      .filter((person) => person.children?.some((child) => first.studentIds.includes(child)))
      .map((person) => linkedUser(person.id));
    const parentsChat = open(titles.parents, [teacher, ...parents], [teacher]);
    chats.push({ chatId: parentsChat.id, title: titles.parents, kind: 'PARENTS', classId: first.id });
  }
  if (second !== undefined) {
    const titles = demoChatTitles(school, second.name);
    const oldTitle = `${second.name} класс`;
    const pupils = second.studentIds.map(linkedUser);
    const teacher = linkedUser(second.teacherId);
    const classChat = open(oldTitle, [teacher, ...pupils], [teacher]);
    chats.push({
      chatId: classChat.id,
      title: oldTitle,
      kind: 'CLASS',
      classId: second.id,
      registryTitle: titles.class,
    });
  }
  const teachers = demo.personas
    .filter((person) => person.role === 'teacher' || person.role === 'admin')
    .map((person) => linkedUser(person.id));
  const teachersTitle = demoChatTitles(school, '').teachers;
  const teachersChat = open(teachersTitle, teachers, [linkedUser('admin-demo')]);
  chats.push({ chatId: teachersChat.id, title: teachersTitle, kind: 'TEACHER' });
  state.demo = { groupId, chats };
}
