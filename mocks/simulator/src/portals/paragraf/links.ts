/**
 * The «База ссылок» of the «Система мониторинга информационных ресурсов»: per school, the Sferum
 * community id and its community token. Saving checks the format, then asks the vk portal whether
 * the token is a community token and of that very community (the messenger service).
 */
import type { VkMessengerService } from '../../services/vk-messenger.js';
import { ParagrafActionError } from './action-error.js';
import type { ParagrafLink, ParagrafState } from './state.js';

export interface SaveLinkInput {
  schoolId: string;
  communityId: number;
  token: string;
}

/** What answers show of a link: never the token, only its last four characters. */
export interface ParagrafLinkView {
  schoolId: string;
  communityId: number;
  communityName: string;
  tokenHint: string;
  /** ISO, virtual. */
  savedAt: string;
}

export function linkView(link: ParagrafLink): ParagrafLinkView {
  return {
    schoolId: link.schoolId,
    communityId: link.communityId,
    communityName: link.communityName,
    tokenHint: `…${link.token.slice(-4)}`,
    savedAt: new Date(link.savedAt).toISOString(),
  };
}

/** Schools the portal knows: «Демо школа» and every exchange account's. */
export function knownSchool(state: ParagrafState, schoolId: string): boolean {
  if (schoolId === state.schoolId) {
    return true;
  }
  for (const account of state.accounts.values()) {
    if (account.schoolId === schoolId) {
      return true;
    }
  }
  return false;
}

export function saveLink(
  state: ParagrafState,
  messenger: VkMessengerService,
  input: SaveLinkInput,
  nowMs: number,
): ParagrafLinkView {
  if (!knownSchool(state, input.schoolId)) {
    throw new ParagrafActionError(404, 'SCHOOL_UNKNOWN', {
      ru: `Школа ${input.schoolId} не найдена.`,
      en: `No school ${input.schoolId}.`,
    });
  }
  const community = messenger.checkCommunityToken(input.token);
  if (community === undefined) {
    throw new ParagrafActionError(422, 'TOKEN_NOT_COMMUNITY', {
      ru: 'token: это не ключ доступа сообщества (или он отозван).',
      en: 'token: not a community access token (or revoked).',
    });
  }
  if (community.groupId !== input.communityId) {
    throw new ParagrafActionError(422, 'COMMUNITY_MISMATCH', {
      ru: `communityId: ключ принадлежит другому сообществу (${community.groupId}).`,
      en: `communityId: the token belongs to another community (${community.groupId}).`,
    });
  }
  const link: ParagrafLink = {
    schoolId: input.schoolId,
    communityId: community.groupId,
    communityName: community.name,
    token: input.token,
    savedAt: nowMs,
  };
  state.links.set(input.schoolId, link);
  return linkView(link);
}
