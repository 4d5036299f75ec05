/**
 * Redirect URIs: VK ID sends the browser back only to a URI registered for the client («Доверенный
 * redirect URL»). Matching: same scheme, host and path exactly; the registered query, when it has one,
 * exactly; a registered loopback URI without a port matches any port (apps on random ports). A fragment
 * is never allowed [unconfirmed: VK ID documents exact matching].
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function parseRedirectUri(value: string): URL | undefined {
  if (value.length > 2000) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hash !== '' || url.username !== '') {
    return undefined;
  }
  return url;
}

export function isRegisteredRedirect(value: string, registered: readonly string[]): boolean {
  const target = parseRedirectUri(value);
  if (target === undefined) {
    return false;
  }
  return registered.some((entry) => {
    const base = parseRedirectUri(entry);
    if (base === undefined || base.protocol !== target.protocol || base.hostname !== target.hostname) {
      return false;
    }
    const anyPort = base.port === '' && LOOPBACK.has(base.hostname);
    if (!anyPort && base.port !== target.port) {
      return false;
    }
    return base.pathname === target.pathname && (base.search === '' || base.search === target.search);
  });
}

/** The redirect URI with extra query parameters (keeping its own). */
export function withQuery(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) {
      url.searchParams.set(name, value);
    }
  }
  return url.toString();
}
