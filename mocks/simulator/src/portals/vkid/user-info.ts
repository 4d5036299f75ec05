/**
 * POST /oauth2/user_info (client_id, access_token) → `{ user }`: id, names, avatar, sex, birthday,
 * and with the «учебный профиль» the middle name; e-mail and phone only when granted. POST
 * /oauth2/public_info (client_id, id_token) → the public part. POST /oauth2/logout (client_id,
 * access_token) → `{ response: 1 }` and the grant ends. Bad tokens → invalid_token (401).
 */
import { json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { type VkAccount, vkAccountsService } from '../../services/vk-accounts.js';
import { oauthError } from './errors.js';
import { verifyIdToken } from './id-token.js';
import { revokeGrant } from './issue.js';
import { oauthParams, param } from './params.js';
import type { Grant, VkIdState } from './state.js';

const AVATAR = 'https://vk.com/images/camera_200.png';

/** The live grant of an access token sent as `access_token` or `Authorization: Bearer`. */
function grantOf(ctx: RouteContext<VkIdState>, params: Map<string, string>): Grant | SimResponse {
  const clientId = param(params, 'client_id');
  if (clientId === undefined) {
    return oauthError('invalid_request', 'client_id is missing');
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.request.headers.authorization ?? '')?.[1];
  const token = param(params, 'access_token') ?? bearer;
  if (token === undefined) {
    return oauthError('invalid_request', 'access_token is missing');
  }
  const record = ctx.state.accessTokens.get(token);
  const grant = record === undefined ? undefined : ctx.state.grants.get(record.grantId);
  if (
    record === undefined ||
    grant === undefined ||
    record.revoked ||
    grant.revoked ||
    grant.clientId !== clientId
  ) {
    return oauthError('invalid_token', 'access_token is invalid');
  }
  if (record.expiresAtMs <= ctx.sim.clock.nowMs()) {
    return oauthError('invalid_token', 'access_token has expired');
  }
  return grant;
}

function publicUser(account: VkAccount) {
  return {
    user_id: String(account.id),
    first_name: account.firstName,
    last_name: account.lastName,
    avatar: AVATAR,
    sex: account.sex,
    verified: false,
  };
}

export const userInfoRoutes: RouteDefinition<VkIdState>[] = [
  {
    method: 'POST',
    path: '/oauth2/user_info',
    operation: 'user_info',
    handler: (ctx) => {
      const grant = grantOf(ctx, oauthParams(ctx.request));
      if ('status' in grant) {
        return grant;
      }
      const account = ctx.sim.service(vkAccountsService).account(grant.userId);
      if (account === undefined) {
        return oauthError('invalid_token', 'the account no longer exists');
      }
      return json({
        user: {
          ...publicUser(account),
          birthday: account.birthDate,
          ...(grant.profile === 'education' ? { middle_name: account.middleName } : {}),
          ...(grant.scopes.includes('email') && account.email !== undefined ? { email: account.email } : {}),
          ...(grant.scopes.includes('phone') && account.phone !== undefined ? { phone: account.phone } : {}),
        },
      });
    },
  },
  {
    method: 'POST',
    path: '/oauth2/public_info',
    operation: 'public_info',
    handler: async (ctx) => {
      const params = oauthParams(ctx.request);
      const clientId = param(params, 'client_id');
      const idToken = param(params, 'id_token');
      if (clientId === undefined || idToken === undefined) {
        return oauthError(
          'invalid_request',
          `${clientId === undefined ? 'client_id' : 'id_token'} is missing`,
        );
      }
      const claims = await verifyIdToken(ctx.sim.seed, idToken, ctx.sim.clock.nowMs());
      const account =
        claims === undefined || claims.aud !== clientId
          ? undefined
          : ctx.sim.service(vkAccountsService).account(Number(claims.sub));
      if (account === undefined) {
        return oauthError('invalid_token', 'id_token is invalid or expired');
      }
      return json({ user: publicUser(account) });
    },
  },
  {
    method: 'POST',
    path: '/oauth2/logout',
    operation: 'logout',
    handler: (ctx): SimResponse => {
      const grant = grantOf(ctx, oauthParams(ctx.request));
      if ('status' in grant) {
        return grant;
      }
      revokeGrant(grant);
      return json({ response: 1 });
    },
  },
];
