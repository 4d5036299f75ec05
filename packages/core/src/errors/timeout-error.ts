import { redactUrl } from '../redact/index.js';
import { GoskitError } from './goskit-error.js';

/**
 * A deadline passed. `kind: 'attempt'` — one attempt exceeded `timeout` (retried when
 * `retry.retryOnTimeout`); `kind: 'total'` — the whole call, retries included, exceeded `totalTimeout`.
 */
export class TimeoutError extends GoskitError<'TIMEOUT'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'TimeoutError';

  readonly kind: 'attempt' | 'total';
  readonly timeoutMs: number;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(details: {
    kind: 'attempt' | 'total';
    timeoutMs: number;
    method: string;
    url: string;
    attempts?: number;
    cause?: unknown;
  }) {
    const url = redactUrl(details.url);
    const method = details.method.toUpperCase();
    const what = details.kind === 'attempt' ? 'attempt' : 'call (all attempts)';
    super('TIMEOUT', `${method} ${url} timed out: ${what} exceeded ${details.timeoutMs} ms`, {
      cause: details.cause,
    });
    this.kind = details.kind;
    this.timeoutMs = details.timeoutMs;
    this.method = method;
    this.url = url;
    this.attempts = details.attempts ?? 1;
  }
}

export function isTimeoutError(value: unknown): value is TimeoutError {
  return value instanceof TimeoutError;
}
