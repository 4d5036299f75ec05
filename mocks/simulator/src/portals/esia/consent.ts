/**
 * GET/POST /consent — the scopes the system asks for and the consents of `permissions` (type,
 * organisation, purpose, actions, scopes, how long), in Russian, with «Предоставить» / «Отказать».
 * Refusal → 302 error=access_denied ESIA-007004; permission → the consents are recorded
 * (consents.ts), 302 redirect_uri?code=<JWT>&state=… and an `esia_sid` cookie so /idp/ext/Logout
 * knows which session to end.
 */
import { html } from '../../engine/responses.js';
import type { RouteDefinition } from '../../engine/types.js';
import { permissionsSection } from './consent-permissions.js';
import { recordConsents } from './consents.js';
import { EsiaRejection } from './errors.js';
import { param, readForm } from './form.js';
import { escapeHtml, page } from './html.js';
import { expiredPage, pendingRequest } from './login.js';
import type { ResolvedEsiaOptions } from './options.js';
import { fullName, personaByOid } from './personas.js';
import { withQuery } from './redirect-uri.js';
import { errorRedirect, redirect } from './redirects.js';
import { scopeNames, scopeTitle } from './scopes.js';
import type { EsiaState } from './state.js';
import { issueCode } from './tokens.js';

export const SESSION_COOKIE = 'esia_sid';

export function consentRoutes(options: ResolvedEsiaOptions): RouteDefinition<EsiaState>[] {
  const show: RouteDefinition<EsiaState> = {
    method: 'GET',
    path: '/consent',
    operation: 'consent.page',
    handler: (ctx) => {
      const pending = pendingRequest(ctx, options, param(ctx.request.query, 'rid'));
      if (!pending) {
        return expiredPage();
      }
      if (pending.oid === undefined) {
        return redirect(`${ctx.request.baseUrl}/login?rid=${encodeURIComponent(pending.id)}`);
      }
      const persona = personaByOid(ctx.sim.demo, pending.oid);
      const client = ctx.state.clients.get(pending.clientId);
      const items = [...scopeNames(pending.scope), ...scopeNames(pending.scopeOrg)]
        .map(
          (name) =>
            `<li>${escapeHtml(scopeTitle(name))} <span class="hint">(${escapeHtml(name)})</span></li>`,
        )
        .join('\n');
      const action = escapeHtml(`${ctx.request.baseUrl}/consent`);
      const rid = escapeHtml(pending.id);
      return html(
        page(
          'Предоставление прав доступа — Госуслуги',
          `<h1>Предоставление прав доступа</h1>
<p>${escapeHtml(persona ? fullName(persona) : `OID ${pending.oid}`)}, система «${escapeHtml(client?.title ?? pending.clientId)}» запрашивает доступ к данным:</p>
<ul class="scopes">
${items}
</ul>
${permissionsSection(pending.permissions ?? [], client?.title ?? pending.clientId)}
<form method="post" action="${action}" style="display:inline">
<input type="hidden" name="rid" value="${rid}"><input type="hidden" name="decision" value="allow">
<button type="submit">Предоставить</button>
</form>
<form method="post" action="${action}" style="display:inline;margin-left:8px">
<input type="hidden" name="rid" value="${rid}"><input type="hidden" name="decision" value="deny">
<button type="submit" class="secondary">Отказать</button>
</form>`,
        ),
      );
    },
  };

  const decide: RouteDefinition<EsiaState> = {
    method: 'POST',
    path: '/consent',
    operation: 'consent.submit',
    handler: async (ctx) => {
      const form = readForm(ctx.request);
      const pending = pendingRequest(ctx, options, param(form, 'rid'));
      if (!pending) {
        return expiredPage();
      }
      if (pending.oid === undefined) {
        return redirect(`${ctx.request.baseUrl}/login?rid=${encodeURIComponent(pending.id)}`);
      }
      ctx.state.requests.delete(pending.id);
      if (form.get('decision') !== 'allow') {
        return errorRedirect(pending.redirectUri, new EsiaRejection('007004'), pending.state);
      }
      const client = ctx.state.clients.get(pending.clientId);
      const granted = recordConsents(
        ctx.state,
        pending.clientId,
        pending.oid,
        pending.permissions ?? [],
        client?.title ?? pending.clientId,
        ctx.sim.clock.now(),
      );
      const code = await issueCode(ctx, options, { ...pending, oid: pending.oid }, granted);
      const sid = ctx.state.codes.get(code.slice(code.lastIndexOf('.') + 1))?.sid ?? '';
      return redirect(withQuery(pending.redirectUri, { code, state: pending.state }), {
        'set-cookie': `${SESSION_COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Lax`,
      });
    },
  };
  return [show, decide];
}
