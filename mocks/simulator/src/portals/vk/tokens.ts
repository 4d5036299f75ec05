/**
 * Who is calling: the token matrix. A token is the portal's own (demo, `data.vk.tokens`) or a user
 * access token VK ID issued (asked through the vk-identity service). Missing → 5 «no access_token
 * passed.», unknown → 5 «invalid access_token (4).», an expired VK ID token → 5 «access_token has
 * expired.».
 */
import type { PortalRuntime, SeededRandom } from '../../engine/types.js';
import { vkIdentityService } from '../../services/vk-identity.js';
import { groupAuthRefused, serviceTokenRefused, VkApiFailure } from './errors.js';
import type { VkState, VkTokenKind } from './state.js';

export interface Caller {
  kind: VkTokenKind;
  /** User id, community id or application id. */
  ownerId: number;
  /** How the caller appears in chats: the user id, -group_id for a community; 0 for a service token. */
  memberId: number;
  scopes: string[];
  /** The token itself (the per-token buckets and random_id scopes key on it). */
  token: string;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

/** A token from the seeded stream: 'vk1.a.' + 86 base64url characters, or 72 hex for a service key. */
export function randomToken(random: SeededRandom, prefix: string): string {
  const alphabet = prefix === '' ? HEX : TOKEN_ALPHABET;
  const length = prefix === '' ? 72 : 86;
  let out = prefix;
  for (let i = 0; i < length; i += 1) {
    out += alphabet[random.int(0, alphabet.length - 1)];
  }
  return out;
}

export function resolveCaller(state: VkState, runtime: PortalRuntime, token: string | undefined): Caller {
  if (token === undefined) {
    throw new VkApiFailure(5, 'no access_token passed.');
  }
  const own = state.tokens.get(token);
  if (own !== undefined) {
    return {
      kind: own.kind,
      ownerId: own.ownerId,
      memberId: own.kind === 'community' ? -own.ownerId : own.kind === 'user' ? own.ownerId : 0,
      scopes: own.scopes,
      token,
    };
  }
  const grant = runtime.service(vkIdentityService).accessGrant(token);
  if (grant === undefined || !state.users.has(grant.userId)) {
    throw new VkApiFailure(5, 'invalid access_token (4).');
  }
  if (grant.expiresAtMs <= runtime.clock.nowMs()) {
    throw new VkApiFailure(5, 'access_token has expired.');
  }
  return { kind: 'user', ownerId: grant.userId, memberId: grant.userId, scopes: grant.scopes, token };
}

/** Methods' token types, as the schema's access_token_type lists them. */
export type TokenKinds = readonly VkTokenKind[];

/** 27 for a community token on a user-only method, 28 for a service token, 15 for a missing scope. */
export function checkTokenKind(caller: Caller, allowed: TokenKinds, scope: string | undefined): void {
  if (!allowed.includes(caller.kind)) {
    if (caller.kind === 'community') {
      throw groupAuthRefused();
    }
    if (caller.kind === 'service') {
      throw serviceTokenRefused();
    }
    throw new VkApiFailure(5, 'method is unavailable with user token.');
  }
  if (scope !== undefined && caller.kind !== 'service' && !caller.scopes.includes(scope)) {
    throw new VkApiFailure(15, 'no access to call this method');
  }
}
