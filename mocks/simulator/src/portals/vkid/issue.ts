/**
 * What VK ID hands out: authorization codes (one use, 10 minutes), and per grant an access token
 * (1 hour), a refresh token (rotated on every use) and an id_token. Random from the portal's seeded
 * stream, so a seed replays the same values.
 */
import type { SeededRandom } from '../../engine/types.js';
import { signIdToken } from './id-token.js';
import type { ResolvedVkIdOptions } from './options.js';
import {
  bound,
  type Grant,
  type IssuedCode,
  MAX_CODES,
  MAX_TOKENS,
  type PendingLogin,
  type VkIdState,
} from './state.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function randomText(random: SeededRandom, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) {
    out += ALPHABET[random.int(0, ALPHABET.length - 1)];
  }
  return out;
}

export function issueCode(
  state: VkIdState,
  random: SeededRandom,
  pending: PendingLogin & { userId: number },
  nowMs: number,
  options: ResolvedVkIdOptions,
): { code: string; deviceId: string } {
  const code = randomText(random, 64);
  const deviceId = randomText(random, 40);
  const record: IssuedCode = {
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    codeChallenge: pending.codeChallenge,
    deviceId,
    userId: pending.userId,
    profile: pending.profile ?? 'personal',
    scopes: pending.scopes,
    expMs: nowMs + options.codeTtlMs,
    used: false,
  };
  state.codes.set(code, record);
  bound(state.codes, MAX_CODES);
  return { code, deviceId };
}

export interface TokenSet {
  access_token: string;
  refresh_token: string;
  id_token: string;
  token_type: 'Bearer';
  expires_in: number;
  user_id: number;
  scope: string;
}

/** A fresh access token and a rotated refresh token for the grant. */
export async function issueTokens(
  state: VkIdState,
  random: SeededRandom,
  grant: Grant,
  context: { nowMs: number; seed: string; options: ResolvedVkIdOptions },
): Promise<TokenSet> {
  const accessToken = `vk2.a.${randomText(random, 86)}`;
  const refreshToken = `vk2.a.${randomText(random, 86)}`;
  const expiresAtMs = context.nowMs + context.options.accessTokenTtlMs;
  state.accessTokens.set(accessToken, { grantId: grant.id, expiresAtMs, revoked: false });
  bound(state.accessTokens, MAX_TOKENS);
  grant.refreshToken = refreshToken;
  state.refreshTokens.set(refreshToken, grant.id);
  bound(state.refreshTokens, MAX_TOKENS);
  const idToken = await signIdToken(context.seed, {
    iss: 'VK',
    sub: String(grant.userId),
    aud: grant.clientId,
    app: grant.clientId,
    iat: Math.floor(context.nowMs / 1000),
    exp: Math.floor(expiresAtMs / 1000),
    jti: randomText(random, 21),
  });
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    id_token: idToken,
    token_type: 'Bearer',
    expires_in: Math.round(context.options.accessTokenTtlMs / 1000),
    user_id: grant.userId,
    scope: grant.scopes.join(' '),
  };
}

/** Ends a grant: its access tokens and refresh token stop working (every check reads the grant). */
export function revokeGrant(grant: Grant): void {
  grant.revoked = true;
}
