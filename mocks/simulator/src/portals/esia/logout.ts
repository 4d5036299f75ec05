/**
 * GET /idp/ext/Logout?client_id&redirect_url — ends the ESIA session (its refresh tokens die) and
 * returns to redirect_url when it is registered for the client; otherwise a «Вы вышли» page.
 * The session is the `esia_sid` cookie set at consent; without it every session of the client ends.
 */
import { html } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { SESSION_COOKIE } from './consent.js';
import { page } from './html.js';
import type { ResolvedEsiaOptions } from './options.js';
import { isRegisteredRedirect, parseRedirectUri } from './redirect-uri.js';
import { redirect } from './redirects.js';
import type { EsiaState } from './state.js';

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      return rest.join('=');
    }
  }
  return undefined;
}

export function logoutRoute(options: ResolvedEsiaOptions): RouteDefinition<EsiaState> {
  return {
    method: 'GET',
    path: '/idp/ext/Logout',
    operation: 'logout',
    handler: (ctx) => {
      const clientId = ctx.request.query.get('client_id') ?? '';
      const redirectUrl = ctx.request.query.get('redirect_url') ?? '';
      const sid = cookieValue(ctx.request.headers.cookie, SESSION_COOKIE);
      for (const session of ctx.state.sessions.values()) {
        if (sid ? session.sid === sid : session.clientId === clientId) {
          session.ended = true;
        }
      }
      for (const grant of ctx.state.refreshTokens.values()) {
        if (ctx.state.sessions.get(grant.sid)?.ended) {
          grant.revoked = true;
        }
      }
      const clearCookie = { 'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax` };
      const client = ctx.state.clients.get(clientId);
      if (
        client &&
        redirectUrl &&
        isRegisteredRedirect(redirectUrl, client.redirectUris, options.redirectUriMatch)
      ) {
        // The parsed form: percent-encoded, without the CR/LF or tabs URL parsing drops — a header value
        // made of the raw text could not be sent at all.
        return redirect((parseRedirectUri(redirectUrl) as URL).href, clearCookie);
      }
      return html(
        page('Выход — Госуслуги', '<h1>Вы вышли</h1><p>Вы вышли из учётной записи портала Госуслуг.</p>'),
        200,
        clearCookie,
      );
    },
  };
}
