/** The answers of the browser-facing endpoints: 302s, error redirects and the not-redirectable page. */
import { html } from '../../engine/responses.js';
import type { SimResponse } from '../../engine/types.js';
import type { EsiaRejection } from './errors.js';
import { escapeHtml, page } from './html.js';
import { withQuery } from './redirect-uri.js';

export function redirect(location: string, headers: Record<string, string> = {}): SimResponse {
  return { status: 302, headers: { location, 'cache-control': 'no-store', ...headers } };
}

/** 302 to redirect_uri?error=…&error_description=ESIA-0070xx: …&state=… (state only when sent). */
export function errorRedirect(
  redirectUri: string,
  rejection: EsiaRejection,
  state: string | undefined,
): SimResponse {
  const { error, error_description } = rejection.info;
  return redirect(withQuery(redirectUri, { error, error_description, state }));
}

/** When redirect_uri is missing or unusable ESIA cannot redirect: an HTML error page with status 400. */
export function errorPage(rejection: EsiaRejection, status = 400): SimResponse {
  const { error, error_description } = rejection.info;
  return html(
    page(
      'Ошибка — Госуслуги',
      `<h1>Ошибка авторизации</h1><p class="error">${escapeHtml(error_description)}</p>
<p class="hint">Код ошибки OAuth: ${escapeHtml(error)}. Вернитесь в систему, откуда начали вход.</p>`,
    ),
    status,
  );
}
