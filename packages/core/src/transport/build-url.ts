import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { Query } from './transport-options.js';

/**
 * Joins base URL, path and query. An absolute `path` is accepted only on the base URL's origin:
 * following a portal's `next` link to another host must not carry our Authorization header there.
 */
export function buildUrl(base: URL, baseHref: string, path: string, query: Query | undefined): string {
  let url: string;
  if (/^[a-z][a-z\d+.-]*:/i.test(path)) {
    if (new URL(path).origin !== base.origin) {
      throw new InvalidOptionsError(
        `path must stay on ${base.origin}; refusing to send credentials elsewhere`,
      );
    }
    url = path;
  } else {
    url = baseHref + (path.startsWith('/') ? path.slice(1) : path);
  }
  if (query === undefined) {
    return url;
  }
  const search = toSearchParams(query).toString();
  if (search === '') {
    return url;
  }
  return url + (url.includes('?') ? '&' : '?') + search;
}

function toSearchParams(query: Query): URLSearchParams {
  if (query instanceof URLSearchParams) {
    return query;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) {
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number | boolean)[]) {
        params.append(key, String(item));
      }
    } else {
      params.append(key, String(value));
    }
  }
  return params;
}

/** Base URL normalised to end with one slash so that relative paths append instead of replacing. */
export function normaliseBase(baseUrl: string): { base: URL; href: string } {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new InvalidOptionsError('baseUrl is not an absolute URL (e.g. http://127.0.0.1:4010/esia)');
  }
  if (base.username !== '' || base.password !== '') {
    // fetch refuses such URLs; credentials belong in headers or `auth`, where they are redacted.
    throw new InvalidOptionsError(
      'baseUrl must not contain credentials (user:password@); use headers or auth',
    );
  }
  const href = base.href.endsWith('/') ? base.href : `${base.href}/`;
  return { base, href };
}
