/**
 * redirect_uri rules: it must be an absolute http(s) URL to be redirectable at all, and it must match
 * one of the client's registered URIs. Prefix matching is the default [unconfirmed]: same scheme and
 * host, and the path equal to the registered path or below it at a segment boundary
 * (`/callback/x` is under `/callback`, `/callbackX` is not). A registered URI without a port matches
 * any port of that host (handy for loopback apps on random ports). 'exact' compares the strings.
 */
export function parseRedirectUri(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return undefined;
  }
  return url;
}

export function isRegisteredRedirect(
  value: string,
  registered: readonly string[],
  mode: 'prefix' | 'exact',
): boolean {
  const target = parseRedirectUri(value);
  if (!target) {
    return false;
  }
  return registered.some((entry) => matches(target, value, entry, mode));
}

function matches(target: URL, raw: string, entry: string, mode: 'prefix' | 'exact'): boolean {
  if (mode === 'exact') {
    return raw === entry;
  }
  const base = parseRedirectUri(entry);
  if (!base || base.protocol !== target.protocol || base.hostname !== target.hostname) {
    return false;
  }
  if (base.port !== '' && base.port !== target.port) {
    return false;
  }
  return isPathUnder(target.pathname, base.pathname);
}

/** `path` is `base` or below it at a '/' boundary. */
function isPathUnder(path: string, base: string): boolean {
  if (path === base || base === '/' || base === '') {
    return true;
  }
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix);
}

/** redirect_uri with extra query parameters (keeps the parameters it already has). */
export function withQuery(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) {
      url.searchParams.set(name, value);
    }
  }
  return url.toString();
}
