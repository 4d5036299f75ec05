import { redactText } from '@goskit/core';
import { GospochtaError } from './gospochta-error.js';

/** What the portal's `application/problem+json` said, plus the exchange around it. */
export interface ApiErrorDetails {
  status: number;
  /** The portal's own code (`NOT_FOUND`, `CHARGE_ALREADY_PAID`…), or undefined for a bare answer. */
  portalCode: string | undefined;
  title?: string | undefined;
  detail?: string | undefined;
  requestId: string | undefined;
  headers?: Readonly<Record<string, string>>;
  /** The raw body, already bounded by the transport; kept to 4 KiB here. */
  body?: string;
  retryAfterSec?: number | undefined;
  /** `PACKET_REJECTED`: the check the portal says failed. */
  packetCheck?: string | undefined;
  field?: string | undefined;
  issues?: readonly { field: string; code: string; message: { ru: string; en: string } }[];
  operation: string;
  cause?: unknown;
}

const BODY_LIMIT = 4096;

/**
 * The portal refused a call with a problem body (RFC 9457). Keeps the portal's `code` as
 * `portalCode`, the status, request id and a bounded, redacted view of the body.
 */
export class GospochtaApiError extends GospochtaError<'API_ERROR'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'GospochtaApiError';

  readonly status: number;
  readonly portalCode: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly retryAfterSec: number | undefined;
  readonly packetCheck: string | undefined;
  readonly field: string | undefined;
  readonly issues: readonly { field: string; code: string; message: { ru: string; en: string } }[];
  readonly operation: string;

  constructor(details: ApiErrorDetails) {
    const detail = details.detail === undefined ? undefined : redactText(details.detail).slice(0, 500);
    const head = `${details.operation}: HTTP ${details.status}${details.portalCode ? ` ${details.portalCode}` : ''}`;
    super('API_ERROR', `Gospochta refused ${head}${detail ? `: ${detail}` : ''}`, { cause: details.cause });
    this.status = details.status;
    this.portalCode = details.portalCode;
    this.title = details.title === undefined ? undefined : redactText(details.title).slice(0, 200);
    this.detail = detail;
    this.requestId = details.requestId;
    this.headers = details.headers ?? {};
    this.body = redactText((details.body ?? '').slice(0, BODY_LIMIT));
    this.retryAfterSec = details.retryAfterSec;
    this.packetCheck = details.packetCheck;
    this.field = details.field;
    this.issues = details.issues ?? [];
    this.operation = details.operation;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      portalCode: this.portalCode,
      requestId: this.requestId,
      operation: this.operation,
      packetCheck: this.packetCheck,
      field: this.field,
      issues: this.issues,
    };
  }
}

export function isGospochtaApiError(value: unknown): value is GospochtaApiError {
  return value instanceof GospochtaApiError;
}
