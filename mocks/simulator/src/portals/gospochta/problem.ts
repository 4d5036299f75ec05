/**
 * The portal's error answers: RFC 9457 problem details (`application/problem+json`) with the
 * contract's `code`, the request id, and what a client acts on (`missingPermission`, `packetCheck`,
 * `field`, `issues`). Problems are not packets and never carry personal data. Operations throw
 * `GospochtaProblem`; the pipeline turns it into the answer.
 */
import type { SimResponse } from '../../engine/types.js';

export const PROBLEM_TYPE = 'https://github.com/goskit/goskit/blob/main/docs/gospochta.en.md#errors';

export interface ProblemIssue {
  field: string;
  code: string;
  message: { ru: string; en: string };
}

export interface ProblemExtra {
  detail?: string;
  missingPermission?: string;
  role?: string;
  packetCheck?: string;
  field?: string;
  issues?: ProblemIssue[];
  retryAfterSec?: number;
}

const TITLES: Readonly<Record<string, string>> = {
  INVALID_REQUEST: 'The request is malformed',
  PACKET_REJECTED: 'The protected packet was refused',
  UNAUTHORIZED: 'A valid bearer token is required',
  TOKEN_EXPIRED: 'The bearer token has expired',
  PERMISSION_DENIED: 'The token lacks the permission this operation needs',
  ROLE_UNKNOWN: 'The token names an unknown role',
  LINK_INVALID: 'The download link is not valid',
  NOT_FOUND: 'Not found',
  IDEMPOTENCY_KEY_REQUIRED: 'This operation needs an Idempotency-Key',
  IDEMPOTENCY_IN_PROGRESS: 'The first request with this Idempotency-Key is still in progress',
  IDEMPOTENCY_KEY_REUSED: 'The Idempotency-Key was used for another request',
  CHARGE_ALREADY_PAID: 'The charge is already paid',
  AMOUNT_MISMATCH: 'The amount differs from the amount to pay',
  NOT_READY: 'Not issued yet',
  WEBHOOK_EXISTS: 'A subscription for this URL exists',
  LINK_EXPIRED: 'The download link has expired',
  PAYLOAD_TOO_LARGE: 'The body is over the limit',
  UNSUPPORTED_MEDIA_TYPE: 'The body must be application/json',
  VALIDATION_FAILED: 'The request breaks a rule of the contract',
  SIGNATURE_INVALID: 'A signature or hash does not match',
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'The portal failed',
  UNAVAILABLE: 'The portal is unavailable',
};

/** An operation's refusal; the pipeline answers it as a problem (and releases an idempotency key). */
export class GospochtaProblem extends Error {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'GospochtaProblem';

  constructor(
    readonly status: number,
    readonly code: string,
    readonly extra: ProblemExtra = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${code}`);
    this.name = 'GospochtaProblem';
  }
}

export function problemResponse(
  status: number,
  code: string,
  requestId: string | undefined,
  extra: ProblemExtra = {},
  headers: Record<string, string> = {},
): SimResponse {
  const body: Record<string, unknown> = {
    type: PROBLEM_TYPE,
    title: TITLES[code] ?? code,
    status,
    code,
    ...(requestId === undefined ? {} : { requestId }),
  };
  for (const [name, value] of Object.entries(extra)) {
    if (value !== undefined) {
      body[name] = value;
    }
  }
  return {
    status,
    headers: {
      'content-type': 'application/problem+json',
      ...(requestId === undefined ? {} : { 'x-request-id': requestId }),
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

/** A 422 VALIDATION_FAILED naming every broken rule. */
export function validationFailed(issues: ProblemIssue[]): GospochtaProblem {
  return new GospochtaProblem(422, 'VALIDATION_FAILED', {
    issues: issues.slice(0, 100),
    ...(issues[0] ? { field: issues[0].field } : {}),
  });
}

export function issue(field: string, code: string, ru: string, en: string): ProblemIssue {
  return { field, code, message: { ru, en } };
}
