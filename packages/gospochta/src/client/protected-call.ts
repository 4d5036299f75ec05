/**
 * One protected operation, end to end: the local permission check, the request packet (PII encrypted
 * and digested once per call; the packet header signed per attempt by the transport hook), the call
 * through core's transport (retries, deadlines, 401 refresh), the response packet verified and
 * decrypted, the body checked against the contract, typed errors, and one operation-log record.
 */
import type { Query, RawResult, RetryInput, RetrySignal } from '@goskit/core';
import type { ZodType } from 'zod';
import { missingPermission, type OperationId } from '../access/roles.js';
import { GospochtaError } from '../errors/gospochta-error.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { PacketError } from '../errors/packet-error.js';
import { PermissionDeniedError } from '../errors/permission-denied-error.js';
import { CONTENT_DIGEST_HEADER, contentDigest } from '../packets/content-digest.js';
import { JWS_HEADER, REQUEST_ID_HEADER } from '../packets/packet-codec.js';
import { tlsRejection } from '../tls/tls-failure.js';
import type { GospochtaContext } from './context.js';
import { mapFailure } from './problem.js';

export interface CallSpec<T> {
  operation: OperationId;
  method: 'GET' | 'POST' | 'DELETE';
  /** The contract's path template, for the operation log: `/v1/outbox/{letterId}`. */
  template: string;
  /** The concrete path relative to the base URL. */
  path: string;
  query?: Query;
  /** A JSON body (its PII fields are encrypted). */
  json?: unknown;
  idempotencyKey?: string;
  /** 'json' (default): verify, decrypt and validate with `schema`; 'bytes': verify the bytes. */
  response?: 'json' | 'bytes';
  schema?: ZodType<T>;
  retry?: RetryInput;
  signal?: AbortSignal;
}

export interface CallResult<T> {
  data: T;
  status: number;
  requestId: string;
  headers: Headers;
  attempts: number;
  /** The portal replayed its stored answer for the Idempotency-Key. */
  replayed: boolean;
}

let emptyDigest: Promise<string> | undefined;

/**
 * 409 IDEMPOTENCY_IN_PROGRESS: the portal is still working on the first request with this key — wait
 * its Retry-After (default 1 s) and ask again; the answer will be the first request's.
 */
const inProgressSignal: RetrySignal = (response, body) => {
  if (response.status !== 409 || (body as { code?: unknown } | null)?.code !== 'IDEMPOTENCY_IN_PROGRESS') {
    return undefined;
  }
  const header = response.headers.get('retry-after');
  return { retry: true, delayMs: header !== null && /^\d{1,4}$/.test(header) ? Number(header) * 1000 : 1000 };
};

function outcomeOf(error: unknown): string {
  if (error instanceof PacketError) {
    return `PACKET_REJECTED:${error.check}`;
  }
  if (error instanceof GospochtaError) {
    const portalCode = (error as { portalCode?: unknown }).portalCode;
    return typeof portalCode === 'string' ? `${error.code}:${portalCode}` : error.code;
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'ERROR';
}

export async function protectedCall<T>(context: GospochtaContext, spec: CallSpec<T>): Promise<CallResult<T>> {
  const startedAt = context.clock.now();
  const started = performance.now();
  let requestId: string | undefined;
  let status: number | undefined;
  let attempts: number | undefined;
  let replayed = false;
  try {
    if (context.checkPermissions) {
      const claims = await context.auth.claims();
      const missing = claims ? missingPermission(spec.operation, claims.permissions) : undefined;
      if (claims && missing) {
        throw new PermissionDeniedError({
          missingPermission: missing,
          role: claims.role,
          operation: spec.operation,
          source: 'local',
        });
      }
    }
    requestId = context.randomUUID();
    let body: Uint8Array | undefined;
    let digest: string;
    if (spec.json !== undefined) {
      const encrypted = await context.codec.encryptBody(spec.json);
      body = encrypted.bytes;
      digest = encrypted.digest;
    } else {
      emptyDigest ??= contentDigest(new Uint8Array(0));
      digest = await emptyDigest;
    }
    const jws = body ? await context.codec.signBody(body) : undefined;
    let raw: RawResult<ArrayBuffer>;
    try {
      raw = await context.api.raw<ArrayBuffer>({
        method: spec.method,
        path: spec.path,
        ...(spec.query ? { query: spec.query } : {}),
        ...(body ? { body: body as Uint8Array<ArrayBuffer> } : {}),
        headers: {
          [REQUEST_ID_HEADER]: requestId,
          [CONTENT_DIGEST_HEADER]: digest,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(jws ? { [JWS_HEADER]: jws } : {}),
        },
        idempotencyKey: spec.idempotencyKey ?? false,
        responseType: 'arrayBuffer',
        ...(spec.retry === undefined
          ? spec.idempotencyKey === undefined
            ? {}
            : { retry: { retrySignal: inProgressSignal } }
          : { retry: spec.retry }),
        ...(spec.signal ? { signal: spec.signal } : {}),
      });
    } catch (error) {
      const response = (error as { status?: unknown }).status;
      status = typeof response === 'number' ? response : undefined;
      attempts = (error as { attempts?: number }).attempts;
      throw mapFailure(error, { operation: spec.operation, idempotencyKey: spec.idempotencyKey });
    }
    status = raw.response.status;
    attempts = raw.attempts;
    replayed = raw.response.headers.get('idempotent-replayed') === 'true';
    const verified = await context.codec.verifyResponse({
      status,
      requestId,
      headers: raw.response.headers,
      body: new Uint8Array(raw.data ?? new ArrayBuffer(0)),
      json: spec.response !== 'bytes',
    });
    let data: T;
    if (spec.response === 'bytes') {
      data = verified.bytes as T;
    } else if (spec.schema) {
      const parsed = spec.schema.safeParse(verified.json);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') || '(root)';
        throw new InvalidResponseError(spec.operation, `the body does not match the contract at ${where}`, {
          requestId,
          cause: parsed.error,
        });
      }
      data = parsed.data;
    } else {
      data = verified.json as T;
    }
    await context.record({
      at: new Date(startedAt).toISOString(),
      operation: spec.operation,
      requestId,
      method: spec.method,
      path: spec.template,
      status,
      outcome: 'ok',
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      attempts,
      ...(replayed ? { replayed } : {}),
    });
    return { data, status, requestId, headers: raw.response.headers, attempts: raw.attempts, replayed };
  } catch (caught) {
    // Token requests fail before the API call: their TLS failures are named here too.
    const error = caught instanceof GospochtaError ? caught : (tlsRejection(caught) ?? caught);
    await context.record({
      at: new Date(startedAt).toISOString(),
      operation: spec.operation,
      requestId,
      method: spec.method,
      path: spec.template,
      status,
      outcome: outcomeOf(error),
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      attempts,
    });
    throw error;
  }
}
