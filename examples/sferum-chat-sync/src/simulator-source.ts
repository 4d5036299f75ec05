/**
 * What the example reads from a running goskit-sim, standing in for a school system's own data:
 * the roster from the `school` demo portal (organisation, classes, teachers, pupils, parents), the
 * links of people who signed in with VK ID (the vk portal's users with a linked «учебный профиль»),
 * the demo community's id and token, and the chats the school system already knew about (two of
 * them disagree with the registry: a rename waits, a parents' chat is missing). A real school system
 * takes all of this from its database; only the VK calls go to VK.
 */
import type { PersonLink, SchoolRoster } from '@goskit/sferum';
import { getJson } from './get-json.js';

interface ClassSummary {
  id: string;
  name: string;
  teacher: { id: string };
}

interface Persona {
  id: string;
  role: 'parent' | 'teacher' | 'admin' | 'student';
  lastName: string;
  firstName: string;
  middleName?: string;
  children?: string[];
}

interface VkUser {
  id: number;
  personId?: string;
  role?: string;
  educationProfile: boolean;
}

export interface KnownChat {
  chatId: number;
  title: string;
  kind: 'CLASS' | 'PARENTS' | 'TEACHER';
  classId?: string;
}

export interface SimulatorSource {
  roster(): Promise<SchoolRoster>;
  /** People who linked their VK account (VK ID), as the school system recorded them. */
  links(now: number): Promise<PersonLink[]>;
  /** The demo community: id and community token. */
  community(): Promise<{ groupId: number; token: string | undefined }>;
  /** Chats the school system knew before its first sync. */
  knownChats(): Promise<KnownChat[]>;
}

const ROLES = new Map<string, PersonLink['role']>([
  ['teacher', 'teacher'],
  ['admin', 'teacher'],
  ['parent', 'parent'],
  ['student', 'pupil'],
]);

export function simulatorSource(simulatorUrl: string): SimulatorSource {
  const base = simulatorUrl.replace(/\/+$/, '');
  const demo = async () => {
    const answer = await getJson<{ demo: { groupId: number; chats: KnownChat[] } | null }>(
      `${base}/__goskit/vk/demo`,
    );
    if (answer.demo === null) {
      throw new Error('goskit-sim runs without the vk demo data («Демо школа»)');
    }
    return answer.demo;
  };
  return {
    async roster() {
      const school = await getJson<{ oid: string; shortName: string; fullName: string }>(
        `${base}/school/school`,
      );
      const classes = (await getJson<{ items: ClassSummary[] }>(`${base}/school/classes`)).items;
      const people = async (role: Persona['role']) =>
        (await getJson<{ items: Persona[] }>(`${base}/school/personas?role=${role}`)).items;
      const [teachers, admins, parents] = await Promise.all([
        people('teacher'),
        people('admin'),
        people('parent'),
      ]);
      const pupils = (
        await Promise.all(
          classes.map(async (schoolClass) => {
            const students = await getJson<{ items: Persona[] }>(
              `${base}/school/classes/${encodeURIComponent(schoolClass.id)}/students`,
            );
            return students.items.map((pupil) => ({ ...person(pupil), classId: schoolClass.id }));
          }),
        )
      ).flat();
      return {
        organisation: { id: school.oid, shortName: school.shortName, fullName: school.fullName },
        classes: classes.map((c) => ({ id: c.id, name: c.name, teacherId: c.teacher.id })),
        teachers: [...teachers, ...admins].map(person),
        pupils,
        parents: parents.map((parent) => ({ ...person(parent), childIds: parent.children ?? [] })),
      };
    },
    async links(now) {
      const { users } = await getJson<{ users: VkUser[] }>(`${base}/__goskit/vk/users`);
      return users.flatMap((user) => {
        const role = user.role === undefined ? undefined : ROLES.get(user.role);
        return user.educationProfile && user.personId !== undefined && role !== undefined
          ? [
              {
                personId: user.personId,
                role,
                network: 'vk' as const,
                userId: String(user.id),
                linkedAt: now,
                via: 'vkid' as const,
              },
            ]
          : [];
      });
    },
    async community() {
      const { groupId } = await demo();
      const { tokens } = await getJson<{ tokens: { kind: string; token: string; owner: { id: number } }[] }>(
        `${base}/__goskit/vk/tokens`,
      );
      const own = tokens.find((token) => token.kind === 'community' && token.owner.id === groupId);
      return { groupId, token: own?.token };
    },
    async knownChats() {
      return (await demo()).chats;
    },
  };
}

function person(persona: Persona) {
  return {
    id: persona.id,
    lastName: persona.lastName,
    firstName: persona.firstName,
    ...(persona.middleName ? { middleName: persona.middleName } : {}),
  };
}
