/**
 * Which redirects an attempt follows (https://github.com/goskit/goskit/blob/main/docs/decisions/020-redirect-policy.md).
 * fetch's default
 * follows any 3xx anywhere and hands the other origin's body back as a success; goskit sends with
 * `redirect: 'manual'` and follows a hop only within the request's origin, or to an origin the caller
 * listed. Nothing is sent to a refused location: the attempt ends with `RedirectError`.
 */
import { InvalidOptionsError } from '../../errors/invalid-options-error.js';
import { RedirectError, type RedirectRefusal } from '../../errors/redirect-error.js';
import { readRequestId } from '../../http/request-id.js';

export interface RedirectOptions {
  /**
   * Origins besides the request's own that a redirect may lead to, e.g. `['https://files.example.ru']`,
   * or `'*'` for any (fetch's own following: any origin, up to 20 hops). Default: none.
   */
  allowOrigins?: readonly string[] | '*';
  /** Hops followed within one attempt. Default 10; `0` follows none (a 3xx is then an `HttpError`). */
  max?: number;
}

export interface ResolvedRedirects {
  /** `'follow'` hands following to fetch (allowOrigins `'*'`); `'manual'` follows here. */
  mode: 'manual' | 'follow';
  allow: ReadonlySet<string>;
  max: number;
}

const DEFAULT_MAX = 10;
/** Same origin only, up to 10 hops. */
export const SAME_ORIGIN_REDIRECTS: ResolvedRedirects = Object.freeze({
  mode: 'manual',
  allow: new Set<string>(),
  max: DEFAULT_MAX,
});

/** Validates the option once (per transport, or per call when a call overrides it). */
export function resolveRedirects(
  input: RedirectOptions | undefined,
  base: ResolvedRedirects = SAME_ORIGIN_REDIRECTS,
): ResolvedRedirects {
  if (input === undefined) {
    return base;
  }
  const max = input.max ?? base.max;
  if (!Number.isInteger(max) || max < 0 || max > 50) {
    throw new InvalidOptionsError(`redirects.max must be an integer from 0 to 50, got ${input.max}`);
  }
  if (input.allowOrigins === '*') {
    return { mode: 'follow', allow: new Set(), max };
  }
  if (input.allowOrigins === undefined) {
    return { mode: base.mode, allow: base.allow, max };
  }
  if (!Array.isArray(input.allowOrigins)) {
    throw new InvalidOptionsError("redirects.allowOrigins must be a list of origins or '*'");
  }
  const allow = new Set<string>();
  for (const entry of input.allowOrigins) {
    allow.add(originOf(entry));
  }
  return { mode: 'manual', allow, max };
}

function originOf(entry: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof entry === 'string' ? new URL(entry) : undefined;
  } catch {
    url = undefined;
  }
  const exact = typeof entry === 'string' && url !== undefined && url.origin === entry.replace(/\/$/, '');
  if (url === undefined || !exact || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidOptionsError(
      `redirects.allowOrigins: ${JSON.stringify(String(entry)).slice(0, 80)} is not an origin like 'https://files.example.ru'`,
    );
  }
  return url.origin;
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** One request of a redirect chain. */
export interface Hop {
  url: string;
  method: string;
  headers: Record<string, string> | Headers;
  body: BodyInit | undefined;
}

/** Headers that carry credentials: never sent on to another origin (fetch drops Authorization too). */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
/** Headers that describe a body: dropped when a redirect turns the request into a bodiless GET. */
const BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
];

/** True for a response a `'manual'` policy must look at before it becomes the attempt's response. */
export function isRedirect(response: Response): boolean {
  const status = response.status;
  // The status first: `type` is a getter, and this runs on every response.
  return (
    (status >= 300 && status < 400 && REDIRECT_STATUSES.has(status)) ||
    (status === 0 && response.type === 'opaqueredirect')
  );
}

/**
 * Follows the redirect chain that starts with `first` (the answer to the attempt's own request) as
 * the policy allows, sending each hop with `sendHop`; returns the final response. The engines call it
 * only for a `'manual'` policy and a response for which `isRedirect` holds.
 */
export async function followRedirects(
  first: Response,
  start: Hop,
  policy: ResolvedRedirects,
  sendHop: (hop: Hop) => Promise<Response>,
): Promise<Response> {
  const origin = new URL(start.url).origin;
  let response = first;
  let hop = start;
  for (let followed = 0; isRedirect(response); followed += 1) {
    let next: Hop | undefined;
    try {
      next = nextHop(response, hop, policy, followed, origin);
    } catch (error) {
      discard(response);
      throw error;
    }
    if (next === undefined) {
      return response;
    }
    discard(response);
    hop = next;
    response = await sendHop(hop);
  }
  return response;
}

/**
 * The next hop for a redirect `response` to `hop`, or undefined when the response is final (no
 * Location, or `max` is 0). Throws `RedirectError` when the policy refuses the hop. `followed` counts
 * the hops already made; `origin` is the origin of the first request.
 */
export function nextHop(
  response: Response,
  hop: Hop,
  policy: ResolvedRedirects,
  followed: number,
  origin: string,
): Hop | undefined {
  const refuse = (reason: RedirectRefusal, location?: string): never => {
    throw new RedirectError({
      reason,
      status: response.status,
      method: hop.method,
      url: hop.url,
      location,
      requestId: readRequestId(response.headers),
    });
  };
  if (response.type === 'opaqueredirect') {
    return refuse('hidden');
  }
  const location = response.headers.get('location');
  if (location === null || policy.max === 0) {
    return undefined;
  }
  let target: URL;
  try {
    target = new URL(location, hop.url);
  } catch {
    return refuse('invalid-location', location.slice(0, 200));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return refuse('invalid-location', target.href.slice(0, 200));
  }
  const sameOrigin = target.origin === origin;
  if (!sameOrigin && !policy.allow.has(target.origin)) {
    return refuse('cross-origin', target.href);
  }
  if (followed >= policy.max) {
    return refuse('too-many', target.href);
  }
  // fetch's rules: 303 (except HEAD), and 301/302 after a POST, repeat as a bodiless GET.
  const status = response.status;
  const toGet =
    (status === 303 && hop.method !== 'HEAD') ||
    ((status === 301 || status === 302) && hop.method === 'POST');
  if (
    !toGet &&
    hop.body !== undefined &&
    typeof ReadableStream !== 'undefined' &&
    hop.body instanceof ReadableStream
  ) {
    return refuse('body-not-replayable', target.href);
  }
  // Credentials stay with the first origin; once dropped they are not restored on the way back.
  const drop = [...(toGet ? BODY_HEADERS : []), ...(sameOrigin ? [] : CREDENTIAL_HEADERS)];
  return {
    url: target.href,
    method: toGet ? 'GET' : hop.method,
    headers: drop.length === 0 ? hop.headers : without(hop.headers, drop),
    body: toGet ? undefined : hop.body,
  };
}

function without(
  headers: Record<string, string> | Headers,
  names: readonly string[],
): Record<string, string> | Headers {
  if (headers instanceof Headers) {
    const copy = new Headers(headers);
    for (const name of names) {
      copy.delete(name);
    }
    return copy;
  }
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!names.includes(name.toLowerCase())) {
      copy[name] = value;
    }
  }
  return copy;
}

/** Lets the connection go: the body of a redirect we follow or refuse is never read. */
export function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}
