import type { core } from 'zod';
import { redactText, redactUrl } from '../redact/index.js';
import { GoskitError } from './goskit-error.js';

/**
 * The response arrived (2xx) but did not match the expected schema. Deliberately NOT an
 * `HttpError`: the exchange succeeded, the contract did not — retrying will not help.
 */
export class ResponseValidationError extends GoskitError<'RESPONSE_VALIDATION'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'ResponseValidationError';

  readonly issues: readonly core.$ZodIssue[];
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly requestId: string | undefined;

  constructor(details: {
    issues: readonly core.$ZodIssue[];
    method: string;
    url: string;
    status: number;
    requestId?: string | undefined;
  }) {
    const url = redactUrl(details.url);
    const method = details.method.toUpperCase();
    super(
      'RESPONSE_VALIDATION',
      `${method} ${url}: response does not match the schema: ${summarise(details.issues)}`,
    );
    this.issues = details.issues;
    this.method = method;
    this.url = url;
    this.status = details.status;
    this.requestId = details.requestId;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      url: this.url,
      status: this.status,
      requestId: this.requestId,
      issues: this.paths,
    };
  }

  /** Issue paths as `a.b[0].c` strings — handy in logs and assertions. */
  get paths(): string[] {
    return this.issues.map((issue) => formatPath(issue.path));
  }
}

function summarise(issues: readonly core.$ZodIssue[]): string {
  const shown = issues
    .slice(0, 3)
    .map((issue) => `${formatPath(issue.path) || '(root)'}: ${redactText(issue.message)}`);
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function isResponseValidationError(value: unknown): value is ResponseValidationError {
  return value instanceof ResponseValidationError;
}
