import type { EsiaContext } from './context.js';

/** `/idp/ext/Logout?client_id=…&redirect_url=…` — note `redirect_url`, not `redirect_uri`. */
export function logoutUrl(context: EsiaContext, options: { redirectUrl?: string } = {}): string {
  const params = new URLSearchParams({ client_id: context.options.clientId });
  if (options.redirectUrl !== undefined) {
    params.set('redirect_url', options.redirectUrl);
  }
  return `${context.environment.baseUrl}/idp/ext/Logout?${params.toString()}`;
}
