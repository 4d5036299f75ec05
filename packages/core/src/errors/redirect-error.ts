import { redactUrl } from '../redact/index.js';
import { GoskitError } from './goskit-error.js';

/** Why a redirect was not followed. */
export type RedirectRefusal =
  /** It leads to an origin `redirects.allowOrigins` does not list. */
  | 'cross-origin'
  /** More hops than `redirects.max`. */
  | 'too-many'
  /** A 307/308 would have to send a stream body again, which cannot be replayed. */
  | 'body-not-replayable'
  /** The runtime hid the redirect's target (a browser's `opaqueredirect`). */
  | 'hidden'
  /** The Location header is not a URL (or not http/https). */
  | 'invalid-location';

/**
 * The server answered 3xx and the transport would not follow it
 * (https://github.com/goskit/goskit/blob/main/docs/decisions/020-redirect-policy.md).
 * By default only redirects within the request's origin are followed; `redirects.allowOrigins` opens
 * others. Nothing was sent to the refused location. Never retried.
 */
export class RedirectError extends GoskitError<'REDIRECT_REFUSED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'RedirectError';

  readonly reason: RedirectRefusal;
  /** The 3xx status. */
  readonly status: number;
  readonly method: string;
  /** The URL that answered with the redirect (secret query parameters masked). */
  readonly url: string;
  /** Where it pointed (secret query parameters masked); undefined when hidden. */
  readonly location: string | undefined;
  readonly requestId: string | undefined;

  constructor(details: {
    reason: RedirectRefusal;
    status: number;
    method: string;
    url: string;
    location?: string | undefined;
    requestId?: string | undefined;
  }) {
    const url = redactUrl(details.url);
    const location = details.location === undefined ? undefined : redactUrl(details.location);
    const method = details.method.toUpperCase();
    super(
      'REDIRECT_REFUSED',
      `${method} ${url}: HTTP ${details.status} redirect not followed: ${explain(details.reason, location)}`,
    );
    this.reason = details.reason;
    this.status = details.status;
    this.method = method;
    this.url = url;
    this.location = location;
    this.requestId = details.requestId;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      reason: this.reason,
      status: this.status,
      url: this.url,
      location: this.location,
      requestId: this.requestId,
    };
  }
}

function explain(reason: RedirectRefusal, location: string | undefined): string {
  switch (reason) {
    case 'cross-origin':
      return `${location ?? 'the target'} is another origin; allow it with redirects: { allowOrigins: [...] }`;
    case 'too-many':
      return 'too many redirects (redirects.max)';
    case 'body-not-replayable':
      return 'the request body is a stream and cannot be sent again';
    case 'hidden':
      return 'the runtime hides the target of the redirect (opaqueredirect)';
    case 'invalid-location':
      return 'the Location header is not an http(s) URL';
  }
}

export function isRedirectError(value: unknown): value is RedirectError {
  return value instanceof RedirectError;
}
