/**
 * A school district for sync tests and the district bench: N schools, each with its own VK community
 * and community token, classes 1А…11В, a class teacher per class, pupils and one parent per pupil.
 * Every person is a VK user of the simulator (`data.vk`); people whose index falls in the linked
 * share have their «учебный профиль» linked there and a link in the `LinkStore` — the two agree, as
 * after real VK ID logins. Deterministic: the same options give the same district.
 */
import type { PersonLink, SchoolRoster } from '../../src/index.js';

export interface DistrictOptions {
  schools: number;
  /** 1–33: grades 1–11 × letters А, Б, В, in that order. */
  classesPerSchool: number;
  pupilsPerClass: number;
  /** Share of people linked, 0–1. Default 0.7. */
  linkedShare?: number;
  /**
   * `'per-school'` (default): each school has its own community and token. `'district'`: one
   * community of the district owns every school's chats, through one token (one 20 req/s budget).
   */
  communities?: 'per-school' | 'district';
}

export interface DistrictSchool {
  roster: SchoolRoster;
  groupId: number;
  communityToken: string;
  links: PersonLink[];
}

export interface District {
  schools: DistrictSchool[];
  /** `createSimulator({ data: { vk: district.vkData } })` or `vk:` of a `--data` file. */
  vkData: {
    demo: false;
    users: {
      id: number;
      firstName: string;
      lastName: string;
      personId: string;
      educationProfile: boolean;
    }[];
    communities: { id: number; name: string }[];
    tokens: { token: string; kind: 'community'; ownerId: number; scopes: string[] }[];
  };
}

const LETTERS = ['А', 'Б', 'В'] as const;
const FIRST_USER_ID = 700_000_001;
const FIRST_GROUP_ID = 300_001;
const LAST_NAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов'];
const FIRST_NAMES = ['Анна', 'Пётр', 'Мария', 'Иван', 'Ольга', 'Денис', 'Елена', 'Артём'];

export function district(options: DistrictOptions): District {
  const share = options.linkedShare ?? 0.7;
  if (options.classesPerSchool < 1 || options.classesPerSchool > 33) {
    throw new RangeError('classesPerSchool must be in [1, 33]');
  }
  let nextUserId = FIRST_USER_ID;
  let personIndex = 0;
  const users: District['vkData']['users'] = [];
  const communities: District['vkData']['communities'] = [];
  const tokens: District['vkData']['tokens'] = [];
  const schools: DistrictSchool[] = [];

  for (let s = 0; s < options.schools; s += 1) {
    const schoolId = `school-${String(s + 1).padStart(3, '0')}`;
    const shortName = `Школа № ${s + 1}`;
    const groupId = FIRST_GROUP_ID + s;
    const communityToken = `vk1.a.district-${schoolId}-community-token`;
    communities.push({ id: groupId, name: shortName });
    tokens.push({
      token: communityToken,
      kind: 'community',
      ownerId: groupId,
      scopes: ['messages', 'manage'],
    });
    const links: PersonLink[] = [];
    const person = (localId: string, role: PersonLink['role']) => {
      // Ids unique in the district: one LinkStore can serve every school.
      const id = `${schoolId}-${localId}`;
      const index = personIndex;
      personIndex += 1;
      const linked = (index * 7919) % 100 < share * 100;
      const userId = nextUserId;
      nextUserId += 1;
      const name = {
        lastName: LAST_NAMES[index % LAST_NAMES.length] as string,
        firstName: FIRST_NAMES[(index >> 3) % FIRST_NAMES.length] as string,
      };
      users.push({ id: userId, ...name, personId: id, educationProfile: linked });
      if (linked) {
        links.push({ personId: id, role, network: 'vk', userId: String(userId), linkedAt: 0, via: 'import' });
      }
      return { id, ...name };
    };
    const roster = {
      organisation: { id: schoolId, shortName },
      classes: [] as { id: string; name: string; teacherId: string }[],
      teachers: [] as { id: string; lastName: string; firstName: string }[],
      pupils: [] as { id: string; lastName: string; firstName: string; classId: string }[],
      parents: [] as { id: string; lastName: string; firstName: string; childIds: string[] }[],
    };
    for (let c = 0; c < options.classesPerSchool; c += 1) {
      const name = `${Math.floor(c / LETTERS.length) + 1}${LETTERS[c % LETTERS.length]}`;
      const classId = `${schoolId}-c${c + 1}`;
      const teacher = person(`t${c + 1}`, 'teacher');
      roster.teachers.push(teacher);
      roster.classes.push({ id: classId, name, teacherId: teacher.id });
      for (let p = 0; p < options.pupilsPerClass; p += 1) {
        const pupil = person(`p${c + 1}-${p + 1}`, 'pupil');
        roster.pupils.push({ ...pupil, classId });
        roster.parents.push({ ...person(`r${c + 1}-${p + 1}`, 'parent'), childIds: [pupil.id] });
      }
    }
    schools.push({ roster, groupId, communityToken, links });
  }
  return { schools, vkData: { demo: false, users, communities, tokens } };
}
