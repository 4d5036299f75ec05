import { redactUrl } from '../redact/index.js';
import { GoskitError } from './goskit-error.js';

/** No HTTP response: connection refused or reset, DNS failure, TLS failure. `cause` keeps the fetch error. */
export class NetworkError extends GoskitError<'NETWORK_ERROR'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'NetworkError';

  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(details: { method: string; url: string; attempts?: number; cause?: unknown }) {
    const url = redactUrl(details.url);
    const method = details.method.toUpperCase();
    super('NETWORK_ERROR', `${method} ${url} failed: ${describeCause(details.cause)}`, {
      cause: details.cause,
    });
    this.method = method;
    this.url = url;
    this.attempts = details.attempts ?? 1;
  }
}

/** The low-level code (ECONNREFUSED…) is the useful part; undici hides it in `cause`. */
function describeCause(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  if (inner instanceof Error) {
    const code = (inner as Error & { code?: unknown }).code;
    return typeof code === 'string' ? code : inner.name;
  }
  return 'network error';
}

export function isNetworkError(value: unknown): value is NetworkError {
  return value instanceof NetworkError;
}
