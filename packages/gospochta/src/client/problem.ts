/**
 * Turns a refused call into the package's typed errors: the portal's problem body (RFC 9457) becomes
 * GospochtaApiError keeping its `code`, or one of the specific errors a caller acts on —
 * PermissionDeniedError (403 with `missingPermission`), IdempotencyConflictError (422
 * IDEMPOTENCY_KEY_REUSED), LinkExpiredError (410). A handshake failure becomes TlsRejectedError;
 * 429 stays core's RateLimitError and other transport failures stay core's errors.
 */
import { HttpError, isRateLimitError } from '@goskit/core';
import { z } from 'zod';
import { GospochtaApiError } from '../errors/api-error.js';
import { IdempotencyConflictError } from '../errors/idempotency-conflict-error.js';
import { PermissionDeniedError } from '../errors/permission-denied-error.js';
import { tlsRejection } from '../tls/tls-failure.js';

const problemSchema = z.looseObject({
  code: z.string().max(64).optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  requestId: z.string().max(128).optional(),
  missingPermission: z.string().max(64).optional(),
  role: z.string().max(64).optional(),
  packetCheck: z.string().max(32).optional(),
  field: z.string().max(200).optional(),
  retryAfterSec: z.number().int().nonnegative().optional(),
  issues: z
    .array(
      z.object({
        field: z.string().max(200),
        code: z.string().max(64),
        message: z.object({ ru: z.string().max(500), en: z.string().max(500) }),
      }),
    )
    .max(100)
    .optional(),
});

export interface ProblemContext {
  operation: string;
  idempotencyKey?: string | undefined;
}

export function mapFailure(error: unknown, context: ProblemContext): unknown {
  if (!(error instanceof HttpError)) {
    return tlsRejection(error) ?? error;
  }
  if (isRateLimitError(error)) {
    return error;
  }
  const parsed = problemSchema.safeParse(error.data);
  const problem = parsed.success ? parsed.data : undefined;
  const requestId = problem?.requestId ?? error.requestId;
  if (error.status === 403 && problem?.code === 'PERMISSION_DENIED' && problem.missingPermission) {
    return new PermissionDeniedError({
      missingPermission: problem.missingPermission,
      role: problem.role,
      operation: context.operation,
      source: 'portal',
      status: error.status,
      requestId,
      cause: error,
    });
  }
  if (problem?.code === 'IDEMPOTENCY_KEY_REUSED' && context.idempotencyKey !== undefined) {
    return new IdempotencyConflictError({
      idempotencyKey: context.idempotencyKey,
      operation: context.operation,
      source: 'portal',
      cause: error,
    });
  }
  return new GospochtaApiError({
    status: error.status,
    portalCode: problem?.code,
    title: problem?.title,
    detail: problem?.detail,
    requestId,
    headers: error.headers,
    body: error.body,
    retryAfterSec: problem?.retryAfterSec,
    packetCheck: problem?.packetCheck,
    field: problem?.field,
    ...(problem?.issues ? { issues: problem.issues } : {}),
    operation: context.operation,
    cause: error,
  });
}
