/**
 * A link between a school person (teacher, parent, pupil) and their account in a messenger — the
 * integrator's data, made when the person signs in with VK ID (or MAX later). Ids are checked here
 * once, so every store can trust them.
 */
import { SferumInputError } from '../errors/sferum-input-error.js';
import { isCleanText } from '../util/clean-text.js';

export type SchoolPersonRole = 'teacher' | 'parent' | 'pupil';
/** Which messenger's user ids a link holds. */
export type LinkNetwork = 'vk' | 'max';

export interface PersonLink {
  /** The school system's own person id. */
  personId: string;
  role: SchoolPersonRole;
  network: LinkNetwork;
  /** The messenger user id as a decimal string (a VK user id: '777'). */
  userId: string;
  /** Epoch ms of the link. */
  linkedAt: number;
  /** Epoch ms the account was last seen alive (users.get, a fresh VK ID login). */
  verifiedAt?: number;
  /** How the link was made. */
  via?: 'vkid' | 'manual' | 'import';
}

const ROLES: ReadonlySet<string> = new Set(['teacher', 'parent', 'pupil']);
const NETWORKS: ReadonlySet<string> = new Set(['vk', 'max']);
const USER_ID = /^[1-9]\d{0,18}$/;

export function checkPersonId(value: unknown, field = 'personId'): string {
  if (!isCleanText(value, 200) || value.trim() !== value) {
    throw new SferumInputError(field, 'person-id', {
      ru: 'Идентификатор человека — непустая строка до 200 символов без управляющих символов и пробелов по краям.',
      en: 'A person id is a non-empty string of up to 200 characters without control characters or edge spaces.',
    });
  }
  return value;
}

export function checkRole(value: unknown, field = 'role'): SchoolPersonRole {
  if (typeof value !== 'string' || !ROLES.has(value)) {
    throw new SferumInputError(field, 'role', {
      ru: "Роль — 'teacher', 'parent' или 'pupil'.",
      en: "The role is 'teacher', 'parent' or 'pupil'.",
    });
  }
  return value as SchoolPersonRole;
}

export function checkNetwork(value: unknown, field = 'network'): LinkNetwork {
  if (typeof value !== 'string' || !NETWORKS.has(value)) {
    throw new SferumInputError(field, 'network', {
      ru: "Сеть — 'vk' или 'max'.",
      en: "The network is 'vk' or 'max'.",
    });
  }
  return value as LinkNetwork;
}

export function checkUserId(value: unknown, field = 'userId'): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !USER_ID.test(text)) {
    throw new SferumInputError(field, 'user-id', {
      ru: 'Идентификатор пользователя мессенджера — положительное целое число.',
      en: 'A messenger user id is a positive integer.',
    });
  }
  return text;
}

/** A checked copy of a link (unknown fields dropped). */
export function checkLink(link: PersonLink): PersonLink {
  if (typeof link !== 'object' || link === null) {
    throw new SferumInputError('link', 'object', {
      ru: 'Связь передаётся объектом.',
      en: 'A link is an object.',
    });
  }
  const linkedAt = link.linkedAt;
  if (!Number.isFinite(linkedAt)) {
    throw new SferumInputError('linkedAt', 'epoch-ms', {
      ru: 'linkedAt — время в мс.',
      en: 'linkedAt is epoch ms.',
    });
  }
  const checked: PersonLink = {
    personId: checkPersonId(link.personId),
    role: checkRole(link.role),
    network: checkNetwork(link.network),
    userId: checkUserId(link.userId),
    linkedAt,
  };
  if (link.verifiedAt !== undefined) {
    if (!Number.isFinite(link.verifiedAt)) {
      throw new SferumInputError('verifiedAt', 'epoch-ms', {
        ru: 'verifiedAt — время в мс.',
        en: 'verifiedAt is epoch ms.',
      });
    }
    checked.verifiedAt = link.verifiedAt;
  }
  if (link.via !== undefined) {
    checked.via = link.via;
  }
  return checked;
}
