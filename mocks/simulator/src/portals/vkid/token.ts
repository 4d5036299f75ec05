/**
 * POST /oauth2/auth — the token endpoint. grant_type=authorization_code: code (one use; a replay
 * revokes what the first exchange issued), code_verifier (S256 of it must be the challenge),
 * client_id, device_id and redirect_uri as at /authorize. grant_type=refresh_token: refresh_token
 * (rotated; an old one → invalid_grant), client_id, device_id. Answers access_token (1 h),
 * refresh_token, id_token, token_type, expires_in, user_id, state, scope; OAuth errors otherwise.
 */
import { json } from '../../engine/responses.js';
import type { RouteContext, RouteDefinition, SimResponse } from '../../engine/types.js';
import { oauthError } from './errors.js';
import { issueTokens, revokeGrant } from './issue.js';
import type { ResolvedVkIdOptions } from './options.js';
import { oauthParams, param } from './params.js';
import { s256, VERIFIER } from './pkce.js';
import { bound, type Grant, MAX_TOKENS, type VkIdState } from './state.js';

async function exchangeCode(
  ctx: RouteContext<VkIdState>,
  params: Map<string, string>,
  options: ResolvedVkIdOptions,
  state: string | undefined,
): Promise<SimResponse> {
  const missing = ['code', 'code_verifier', 'device_id', 'redirect_uri'].find(
    (name) => param(params, name) === undefined,
  );
  if (missing !== undefined) {
    return oauthError('invalid_request', `${missing} is missing`, state);
  }
  const verifier = param(params, 'code_verifier') as string;
  if (!VERIFIER.test(verifier)) {
    return oauthError('invalid_request', 'code_verifier must be 43–128 characters of A-Z a-z 0-9 _ -', state);
  }
  const code = ctx.state.codes.get(param(params, 'code') as string);
  const nowMs = ctx.sim.clock.nowMs();
  if (code === undefined || code.clientId !== param(params, 'client_id') || code.expMs <= nowMs) {
    return oauthError('invalid_grant', 'code is invalid or expired', state);
  }
  if (code.used) {
    const grant = code.grantId === undefined ? undefined : ctx.state.grants.get(code.grantId);
    if (grant !== undefined) {
      revokeGrant(grant);
    }
    return oauthError('invalid_grant', 'code has already been used', state);
  }
  if (code.redirectUri !== param(params, 'redirect_uri')) {
    return oauthError('invalid_grant', 'redirect_uri does not match the authorization request', state);
  }
  if (code.deviceId !== param(params, 'device_id')) {
    return oauthError('invalid_grant', 'device_id does not match the authorization', state);
  }
  if ((await s256(verifier)) !== code.codeChallenge) {
    return oauthError('invalid_grant', 'code_verifier does not match code_challenge', state);
  }
  code.used = true;
  const grant: Grant = {
    id: ctx.sim.random.uuid(),
    clientId: code.clientId,
    userId: code.userId,
    profile: code.profile,
    scopes: code.scopes,
    deviceId: code.deviceId,
    revoked: false,
    // Stryker disable next-line StringLiteral: equivalent, issueTokens sets it before anything reads it
    refreshToken: '',
  };
  ctx.state.grants.set(grant.id, grant);
  bound(ctx.state.grants, MAX_TOKENS);
  code.grantId = grant.id;
  const tokens = await issueTokens(ctx.state, ctx.sim.random, grant, { nowMs, seed: ctx.sim.seed, options });
  // An undefined state is left out of the JSON.
  return json({ ...tokens, state });
}

async function refresh(
  ctx: RouteContext<VkIdState>,
  params: Map<string, string>,
  options: ResolvedVkIdOptions,
  state: string | undefined,
): Promise<SimResponse> {
  const missing = ['refresh_token', 'device_id'].find((name) => param(params, name) === undefined);
  if (missing !== undefined) {
    return oauthError('invalid_request', `${missing} is missing`, state);
  }
  const token = param(params, 'refresh_token') as string;
  const grantId = ctx.state.refreshTokens.get(token);
  const grant = grantId === undefined ? undefined : ctx.state.grants.get(grantId);
  if (grant === undefined || grant.revoked || grant.clientId !== param(params, 'client_id')) {
    return oauthError('invalid_grant', 'refresh_token is invalid', state);
  }
  if (grant.refreshToken !== token) {
    // A rotated refresh token used again: someone else may hold it; end the grant (OAuth 2.1).
    revokeGrant(grant);
    return oauthError('invalid_grant', 'refresh_token has already been used', state);
  }
  if (grant.deviceId !== param(params, 'device_id')) {
    return oauthError('invalid_grant', 'device_id does not match the grant', state);
  }
  const narrowed = param(params, 'scope');
  if (narrowed !== undefined) {
    const wanted = narrowed.split(/[\s,]/).filter((scope) => scope !== '');
    if (wanted.some((scope) => !grant.scopes.includes(scope))) {
      return oauthError('invalid_scope', 'scope may only narrow the granted scopes', state);
    }
    grant.scopes = wanted;
  }
  const tokens = await issueTokens(ctx.state, ctx.sim.random, grant, {
    nowMs: ctx.sim.clock.nowMs(),
    seed: ctx.sim.seed,
    options,
  });
  // An undefined state is left out of the JSON.
  return json({ ...tokens, state });
}

export function tokenRoute(options: ResolvedVkIdOptions): RouteDefinition<VkIdState> {
  return {
    method: 'POST',
    path: '/oauth2/auth',
    operation: 'token',
    handler: async (ctx) => {
      const params = oauthParams(ctx.request);
      const state = param(params, 'state');
      const clientId = param(params, 'client_id');
      if (clientId === undefined) {
        return oauthError('invalid_request', 'client_id is missing', state);
      }
      if (!ctx.state.clients.has(clientId)) {
        return oauthError('invalid_client', 'client_id is unknown', state);
      }
      const grantType = param(params, 'grant_type');
      if (grantType === 'authorization_code') {
        return exchangeCode(ctx, params, options, state);
      }
      if (grantType === 'refresh_token') {
        return refresh(ctx, params, options, state);
      }
      return oauthError(
        'unsupported_grant_type',
        'grant_type must be authorization_code or refresh_token',
        state,
      );
    },
  };
}
