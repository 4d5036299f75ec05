/**
 * VK ID's errors are OAuth's, not the VK API envelope: `{ error, error_description, state? }` from the
 * token endpoints; a redirect with error + error_description + state for a registered redirect URI;
 * and an error page (never a redirect) when the client or its redirect URI is not known.
 */
import { html, json, noContent } from '../../engine/responses.js';
import type { SimResponse } from '../../engine/types.js';
import { escapeHtml, page } from './html.js';
import { withQuery } from './redirect-uri.js';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'invalid_token'
  | 'access_denied';

const STATUS: Record<OAuthErrorCode, number> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_response_type: 400,
  invalid_scope: 400,
  invalid_token: 401,
  access_denied: 403,
};

export function oauthError(error: OAuthErrorCode, description: string, state?: string): SimResponse {
  return json(
    { error, error_description: description, ...(state === undefined ? {} : { state }) },
    STATUS[error],
  );
}

export function errorRedirect(
  redirectUri: string,
  error: OAuthErrorCode,
  description: string,
  state: string | undefined,
): SimResponse {
  return redirect(withQuery(redirectUri, { error, error_description: description, state }));
}

export function redirect(location: string): SimResponse {
  return noContent(302, { location });
}

/** Shown instead of redirecting when the client or the redirect URI cannot be trusted. */
export function errorPage(title: string, message: string, status = 400): SimResponse {
  return html(
    page(
      'Ошибка — VK ID',
      `<h1>${escapeHtml(title)}</h1><p class="error" role="alert">${escapeHtml(message)}</p>
<p class="hint">Вернитесь в приложение и попробуйте ещё раз.</p>`,
    ),
    status,
  );
}

export function expiredPage(): SimResponse {
  return errorPage(
    'Вход не найден',
    'Ссылка для входа устарела или уже использована. Начните вход заново.',
    404,
  );
}
