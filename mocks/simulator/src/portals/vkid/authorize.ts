/**
 * GET /authorize — VK ID's authorization request (OAuth 2.1 + PKCE). First what makes a redirect
 * safe: a known client_id and one of its registered redirect URIs — otherwise an error page, never a
 * redirect. Then, answered by a redirect: response_type=code, state, code_challenge (43 chars) with
 * code_challenge_method s256. Then the login page.
 */
import type { RouteDefinition } from '../../engine/types.js';
import { errorPage, errorRedirect, redirect } from './errors.js';
import { CHALLENGE } from './pkce.js';
import { isRegisteredRedirect } from './redirect-uri.js';
import { bound, MAX_PENDING, type PendingLogin, type VkIdState } from './state.js';

const SCOPE = /^[a-z][a-z_.]{0,39}$/;
export const DEFAULT_SCOPE = 'vkid.personal_info';

export const authorizeRoute: RouteDefinition<VkIdState> = {
  method: 'GET',
  path: '/authorize',
  operation: 'authorize',
  handler: ({ state, request, sim }) => {
    const query = request.query;
    const clientId = query.get('client_id') ?? '';
    // Stryker disable next-line StringLiteral: equivalent, no fallback text is a registered redirect URI
    const redirectUri = query.get('redirect_uri') ?? '';
    const client = state.clients.get(clientId);
    if (client === undefined) {
      return errorPage(
        'Приложение не найдено',
        `client_id ${JSON.stringify(clientId.slice(0, 64))} не зарегистрирован в VK ID.`,
      );
    }
    if (!isRegisteredRedirect(redirectUri, client.redirectUris)) {
      return errorPage(
        'Недопустимый адрес возврата',
        `redirect_uri не входит в доверенные адреса приложения «${client.title}».`,
      );
    }
    const stateParam = query.get('state') ?? undefined;
    if (query.get('response_type') !== 'code') {
      return errorRedirect(
        redirectUri,
        'unsupported_response_type',
        'response_type must be code',
        stateParam,
      );
    }
    if (stateParam === undefined || stateParam === '' || stateParam.length > 500) {
      return errorRedirect(
        redirectUri,
        'invalid_request',
        'state is required (up to 500 characters)',
        undefined,
      );
    }
    // Stryker disable next-line StringLiteral: equivalent, no fallback text of another length is a challenge
    const challenge = query.get('code_challenge') ?? '';
    if (!CHALLENGE.test(challenge)) {
      return errorRedirect(
        redirectUri,
        'invalid_request',
        'code_challenge is required: base64url of SHA-256, 43 characters',
        stateParam,
      );
    }
    if (query.get('code_challenge_method')?.toLowerCase() !== 's256') {
      return errorRedirect(redirectUri, 'invalid_request', 'code_challenge_method must be s256', stateParam);
    }
    const scopes = (query.get('scope') ?? DEFAULT_SCOPE).split(/[\s,]/).filter((scope) => scope !== '');
    if (scopes.length > 30 || scopes.some((scope) => !SCOPE.test(scope))) {
      return errorRedirect(
        redirectUri,
        'invalid_scope',
        'scope is a space-separated list of names',
        stateParam,
      );
    }
    const pending: PendingLogin = {
      id: sim.random.uuid(),
      clientId,
      redirectUri,
      state: stateParam,
      codeChallenge: challenge,
      scopes: scopes.includes(DEFAULT_SCOPE) ? scopes : [DEFAULT_SCOPE, ...scopes],
      createdMs: sim.clock.nowMs(),
    };
    state.pending.set(pending.id, pending);
    bound(state.pending, MAX_PENDING);
    return redirect(`${request.baseUrl}/auth?rid=${encodeURIComponent(pending.id)}`);
  },
};

/** The login in progress, when it exists and has not expired. */
export function pendingLogin(state: VkIdState, rid: string | null | undefined, nowMs: number, ttlMs: number) {
  const pending = rid === null || rid === undefined ? undefined : state.pending.get(rid);
  if (pending === undefined) {
    return undefined;
  }
  if (nowMs - pending.createdMs > ttlMs) {
    state.pending.delete(pending.id);
    return undefined;
  }
  return pending;
}
