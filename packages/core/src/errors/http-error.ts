import { redactBody, redactHeaders, redactUrl } from '../redact/index.js';
import { GoskitError } from './goskit-error.js';

/** Everything an `HttpError` needs to describe a failed exchange. `url` and `headers` are redacted on entry. */
export interface HttpErrorDetails {
  status: number;
  statusText?: string;
  method: string;
  url: string;
  headers?: Headers | Record<string, string>;
  requestId?: string | undefined;
  /** Response body as text, already bounded by the reader (64 KiB). */
  body?: string;
  /** Parsed body when the response was JSON (and complete). */
  data?: unknown;
  /** True when the body was cut at the bound. */
  truncated?: boolean;
  /** Attempts made before this error was thrown. */
  attempts?: number;
  cause?: unknown;
}

/** Codes an `HttpError` (or a subclass) carries. */
export type HttpErrorCode = 'HTTP_ERROR' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * The server answered with a status the call did not accept. Carries status, request id,
 * redacted headers and the bounded body; `util.inspect` and `toJSON` show the body redacted so a
 * logged error does not leak personal data the portal echoed back.
 */
export class HttpError<Code extends HttpErrorCode = HttpErrorCode> extends GoskitError<Code> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'HttpError';

  readonly status: number;
  readonly statusText: string;
  readonly method: string;
  /** Request URL with secret query parameters masked. */
  readonly url: string;
  readonly requestId: string | undefined;
  /** Response headers with secret values masked. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly data: unknown;
  readonly truncated: boolean;
  readonly attempts: number;

  constructor(details: HttpErrorDetails, code?: Code, message?: string) {
    const url = redactUrl(details.url);
    const method = details.method.toUpperCase();
    const statusText = details.statusText ?? '';
    super(
      code ?? ('HTTP_ERROR' as Code),
      message ?? `${method} ${url} failed with HTTP ${details.status}${statusText ? ` ${statusText}` : ''}`,
      { cause: details.cause },
    );
    this.status = details.status;
    this.statusText = statusText;
    this.method = method;
    this.url = url;
    this.requestId = details.requestId;
    this.headers = details.headers ? redactHeaders(details.headers) : {};
    this.body = details.body ?? '';
    this.data = details.data;
    this.truncated = details.truncated ?? false;
    this.attempts = details.attempts ?? 1;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      method: this.method,
      url: this.url,
      requestId: this.requestId,
      headers: this.headers,
      body: redactBody(this.body, this.headers['content-type']),
      attempts: this.attempts,
    };
  }

  /** Node's console/util.inspect shows the redacted view, never the raw body. */
  [inspectSymbol](): string {
    return `${this.name} ${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

export function isHttpError(value: unknown): value is HttpError {
  return value instanceof HttpError;
}
