/**
 * «База ссылок»: per school, the Sferum community id and community token. On save the format is
 * checked here (ru/en issues per field), then the `CommunityVerifier` confirms the community exists
 * and the token is that community's token; the token is stored encrypted (AES-256-GCM, key id kept,
 * bound by AAD to the school and community) in any core `KeyValueStore`. Reads return the link
 * without the token; `token(schoolId)` decrypts it for the caller that needs it.
 */
import type { Clock, KeyValueStore } from '@goskit/core';
import { decryptField, encryptField } from '@goskit/crypto';
import { LinkError, type LinkIssue } from '../errors/link-error.js';
import type { CommunityVerifier } from './community-verifier.js';
import { type LinkKeyRing, ResolvedKeyRing } from './link-key-ring.js';

export interface SchoolLink {
  schoolId: string;
  communityId: number;
  communityName?: string;
  /** Which key encrypted the token. */
  keyId: string;
  savedAt: number;
}

interface StoredLink extends SchoolLink {
  v: 1;
  token: string;
}

export interface LinkBaseOptions {
  store: KeyValueStore;
  keys: LinkKeyRing;
  verifier: CommunityVerifier;
  /** Default 'paragraf:link:'. */
  keyPrefix?: string;
  clock?: Clock;
}

export interface SaveLinkInput {
  schoolId: string;
  communityId: number | string;
  token: string;
  signal?: AbortSignal;
}

export interface LinkBase {
  save(input: SaveLinkInput): Promise<SchoolLink>;
  get(schoolId: string): Promise<SchoolLink | undefined>;
  /** The decrypted community token; LINK_NOT_FOUND when the school has no link. */
  token(schoolId: string): Promise<string>;
  remove(schoolId: string): Promise<boolean>;
  /** Re-encrypts a stored token with the current key (after a rotation). */
  reencrypt(schoolId: string): Promise<SchoolLink>;
}

const SCHOOL_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** VK tokens: `vk1.a.…` (current) or 85 hex characters (legacy) — both fit this shape. */
const TOKEN = /^[A-Za-z0-9._-]{40,512}$/;

const ISSUES = {
  schoolId: {
    code: 'SCHOOL_ID',
    message: {
      ru: 'Идентификатор школы: 1–64 латинские буквы, цифры, «-» или «_»',
      en: 'School id: 1–64 Latin letters, digits, "-" or "_"',
    },
  },
  communityId: {
    code: 'COMMUNITY_ID',
    message: {
      ru: 'ID сообщества должен быть положительным целым числом (без минуса)',
      en: 'The community id must be a positive integer (no minus sign)',
    },
  },
  token: {
    code: 'TOKEN_FORMAT',
    message: {
      ru: 'Ключ доступа сообщества: 40–512 символов из латинских букв, цифр, «.», «_», «-»',
      en: 'Community token: 40–512 characters of Latin letters, digits, ".", "_", "-"',
    },
  },
} as const;

const NOT_COMMUNITY = {
  ru: 'Сообщество не найдено или ключ не является ключом доступа этого сообщества',
  en: 'The community does not exist, or the token is not a community token of it',
};

export function checkLinkInput(input: SaveLinkInput): {
  schoolId: string;
  communityId: number;
  token: string;
} {
  const issues: LinkIssue[] = [];
  const schoolId = typeof input.schoolId === 'string' ? input.schoolId.trim() : '';
  if (!SCHOOL_ID.test(schoolId)) {
    issues.push({ field: 'schoolId', ...ISSUES.schoolId });
  }
  const raw = typeof input.communityId === 'string' ? input.communityId.trim() : input.communityId;
  const communityId = typeof raw === 'string' && /^[0-9]{1,12}$/.test(raw) ? Number(raw) : raw;
  if (typeof communityId !== 'number' || !Number.isSafeInteger(communityId) || communityId <= 0) {
    issues.push({ field: 'communityId', ...ISSUES.communityId });
  }
  const token = typeof input.token === 'string' ? input.token.trim() : '';
  if (!TOKEN.test(token)) {
    issues.push({ field: 'token', ...ISSUES.token });
  }
  if (issues.length > 0) {
    throw new LinkError(
      'LINK_INVALID',
      `Link is invalid: ${issues.map((i) => `${i.field} (${i.message.en})`).join('; ')}`,
      { issues },
    );
  }
  return { schoolId, communityId: communityId as number, token };
}

export function createLinkBase(options: LinkBaseOptions): LinkBase {
  const keys = new ResolvedKeyRing(options.keys);
  const prefix = options.keyPrefix ?? 'paragraf:link:';
  const now = () => (options.clock ?? Date).now();
  const aad = (schoolId: string, communityId: number) => `paragraf-link:${schoolId}:${communityId}`;
  const keyOf = (schoolId: string) => {
    if (!SCHOOL_ID.test(schoolId)) {
      throw new LinkError('LINK_INVALID', 'Link is invalid: schoolId', {
        issues: [{ field: 'schoolId', ...ISSUES.schoolId }],
      });
    }
    return `${prefix}${schoolId}`;
  };
  const publicPart = (stored: StoredLink): SchoolLink => ({
    schoolId: stored.schoolId,
    communityId: stored.communityId,
    ...(stored.communityName === undefined ? {} : { communityName: stored.communityName }),
    keyId: stored.keyId,
    savedAt: stored.savedAt,
  });
  const load = async (schoolId: string): Promise<StoredLink | undefined> => {
    const value = await options.store.get(keyOf(schoolId));
    if (value === undefined) {
      return undefined;
    }
    const stored = value as Partial<StoredLink>;
    if (stored.v !== 1 || typeof stored.token !== 'string' || typeof stored.keyId !== 'string') {
      throw new LinkError(
        'LINK_UNREADABLE',
        `The stored link of school ${schoolId} is not in a known format`,
      );
    }
    return stored as StoredLink;
  };
  const decrypt = async (stored: StoredLink): Promise<string> => {
    const key = await keys.forDecryption(stored.keyId);
    if (key === undefined) {
      throw new LinkError(
        'LINK_UNREADABLE',
        `The link of school ${stored.schoolId} was encrypted with key "${stored.keyId}", which is not configured`,
      );
    }
    try {
      return await decryptField(stored.token, key, { aad: aad(stored.schoolId, stored.communityId) });
    } catch (cause) {
      throw new LinkError(
        'LINK_UNREADABLE',
        `The token of school ${stored.schoolId} cannot be decrypted (wrong key or tampered record)`,
        { cause },
      );
    }
  };
  const write = async (
    link: Omit<StoredLink, 'v' | 'token' | 'keyId'>,
    token: string,
  ): Promise<SchoolLink> => {
    const { id, key } = await keys.forEncryption();
    const stored: StoredLink = {
      v: 1,
      ...link,
      keyId: id,
      token: await encryptField(token, key, { aad: aad(link.schoolId, link.communityId) }),
    };
    await options.store.set(keyOf(link.schoolId), stored);
    return publicPart(stored);
  };

  return {
    async save(input) {
      const checked = checkLinkInput(input);
      let result: Awaited<ReturnType<CommunityVerifier['verify']>>;
      try {
        result = await options.verifier.verify({
          communityId: checked.communityId,
          token: checked.token,
          ...(input.signal === undefined ? {} : { signal: input.signal }),
        });
      } catch (cause) {
        throw new LinkError(
          'COMMUNITY_CHECK_FAILED',
          `Could not check community ${checked.communityId} with VK`,
          { cause },
        );
      }
      if (!result.exists || !result.communityToken) {
        throw new LinkError(
          'COMMUNITY_CHECK_FAILED',
          `${NOT_COMMUNITY.en} (community ${checked.communityId})`,
          {
            issues: [
              {
                field: result.exists ? 'token' : 'communityId',
                code: result.exists ? 'NOT_COMMUNITY_TOKEN' : 'COMMUNITY_NOT_FOUND',
                message: NOT_COMMUNITY,
              },
            ],
          },
        );
      }
      return write(
        {
          schoolId: checked.schoolId,
          communityId: checked.communityId,
          ...(result.name === undefined ? {} : { communityName: result.name.slice(0, 200) }),
          savedAt: now(),
        },
        checked.token,
      );
    },
    async get(schoolId) {
      const stored = await load(schoolId);
      return stored === undefined ? undefined : publicPart(stored);
    },
    async token(schoolId) {
      const stored = await load(schoolId);
      if (stored === undefined) {
        throw new LinkError('LINK_NOT_FOUND', `School ${schoolId} has no link in «База ссылок»`);
      }
      return decrypt(stored);
    },
    async remove(schoolId) {
      return options.store.delete(keyOf(schoolId));
    },
    async reencrypt(schoolId) {
      const stored = await load(schoolId);
      if (stored === undefined) {
        throw new LinkError('LINK_NOT_FOUND', `School ${schoolId} has no link in «База ссылок»`);
      }
      const token = await decrypt(stored);
      const { v: _v, token: _t, keyId: _k, ...rest } = stored;
      return write(rest, token);
    },
  };
}
