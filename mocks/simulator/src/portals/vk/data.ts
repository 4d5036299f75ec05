/**
 * The portal's data slice (`createSimulator({ data: { vk } })`, `vk:` in a --data file): extra
 * communities, users and tokens, and `demo: false` to start without «Демо школа»'s VK. Checked before
 * start; a token's owner must exist (INVALID_DATA names the entry).
 */
import { z } from 'zod';
import { SimulatorError } from '../../engine/errors.js';
import { vkBirthDate } from './demo.js';
import type { VkState } from './state.js';

const id = z.number().int().min(1).max(999_999_999_999);
const screenName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,63}$/, 'letters, digits, _ and . (64 at most)');

const userSchema = z
  .object({
    id,
    firstName: z.string().min(1).max(100),
    lastName: z.string().min(1).max(100),
    middleName: z.string().max(100).optional(),
    sex: z.enum(['M', 'F']).optional(),
    birthDate: z
      .string()
      .regex(/^\d{2}\.\d{2}\.\d{4}$/, 'dd.MM.yyyy')
      .optional(),
    screenName: screenName.optional(),
    login: z.string().min(3).max(100).optional(),
    personId: z.string().min(1).max(100).optional(),
    educationProfile: z.boolean().optional(),
  })
  .strict();

const communitySchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    screenName: screenName.optional(),
    adminUserIds: z.array(id).max(100).optional(),
  })
  .strict();

const tokenSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9._-]{16,512}$/, '16–512 characters: letters, digits, . _ -'),
    kind: z.enum(['user', 'community', 'service']),
    ownerId: id,
    scopes: z
      .array(z.string().regex(/^[a-z_.]{1,40}$/))
      .max(50)
      .optional(),
  })
  .strict();

export const vkDataSchema = z
  .object({
    demo: z.boolean().optional(),
    users: z.array(userSchema).max(100_000).optional(),
    communities: z.array(communitySchema).max(10_000).optional(),
    tokens: z.array(tokenSchema).max(100_000).optional(),
  })
  .strict();

export type VkData = z.output<typeof vkDataSchema>;
export type VkDataInput = z.input<typeof vkDataSchema>;

function invalid(path: string, message: string): SimulatorError {
  return new SimulatorError('INVALID_DATA', `data.vk.${path}: ${message}`);
}

export function applyVkData(state: VkState, data: VkData): void {
  for (const [index, user] of (data.users ?? []).entries()) {
    if (state.users.has(user.id)) {
      throw invalid(`users.${index}.id`, `user ${user.id} exists already`);
    }
    state.users.set(user.id, {
      id: user.id,
      firstName: user.firstName,
      lastName: user.lastName,
      middleName: user.middleName ?? '',
      sex: user.sex === 'F' ? 1 : 2,
      birthDate: user.birthDate === undefined ? '' : vkBirthDate(user.birthDate),
      screenName: user.screenName ?? `id${user.id}`,
      login: user.login ?? `id${user.id}`,
      educationProfile: user.educationProfile ?? false,
      ...(user.personId === undefined ? {} : { personId: user.personId }),
    });
    if (user.personId !== undefined) {
      state.usersByPerson.set(user.personId, user.id);
    }
  }
  for (const [index, community] of (data.communities ?? []).entries()) {
    if (state.communities.has(community.id)) {
      throw invalid(`communities.${index}.id`, `community ${community.id} exists already`);
    }
    const adminIds = community.adminUserIds ?? [];
    const unknown = adminIds.find((userId) => !state.users.has(userId));
    if (unknown !== undefined) {
      throw invalid(`communities.${index}.adminUserIds`, `no user ${unknown}`);
    }
    state.communities.set(community.id, {
      id: community.id,
      name: community.name,
      screenName: community.screenName ?? `club${community.id}`,
      adminIds,
    });
  }
  for (const [index, token] of (data.tokens ?? []).entries()) {
    const owned =
      token.kind === 'user'
        ? state.users.has(token.ownerId)
        : token.kind === 'community'
          ? state.communities.has(token.ownerId)
          : true;
    if (!owned) {
      throw invalid(
        `tokens.${index}.ownerId`,
        `no ${token.kind === 'user' ? 'user' : 'community'} ${token.ownerId}`,
      );
    }
    state.tokens.set(token.token, {
      token: token.token,
      kind: token.kind,
      ownerId: token.ownerId,
      scopes: token.scopes ?? (token.kind === 'service' ? [] : ['messages']),
      source: 'data',
    });
  }
}
