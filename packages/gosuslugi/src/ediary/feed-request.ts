/**
 * One call to the e-diary feed through the failover transport: a Bearer token (the parent's, or the
 * system's — refreshed once after a 401), the feed's `{ code, message }` refusals as EdiaryError,
 * and the server that answered.
 */
import { type FailoverTransport, HttpError, type TokenProvider } from '@goskit/core';
import type { ZodType } from 'zod';
import { EdiaryError } from './ediary-error.js';

export type FeedAuth = { token: string } | { system: TokenProvider };

export interface FeedCall<T> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  auth: FeedAuth;
  json?: unknown;
  schema?: ZodType<T>;
  idempotencyKey?: string;
  /** Statuses that are answers, not failures (e.g. 404 on an idempotent delete). */
  accept?: readonly number[];
}

export interface FeedAnswer<T> {
  data: T;
  status: number;
  /** The feed server that answered ('primary', 'backup-1'…). */
  server: string;
}

function refusal(error: HttpError): EdiaryError | undefined {
  const body = error.data as { code?: unknown; message?: unknown } | undefined;
  if (body !== null && typeof body === 'object' && typeof body.code === 'string') {
    return EdiaryError.fromBody(
      { code: body.code, message: typeof body.message === 'string' ? body.message : null },
      error.status,
      error,
    );
  }
  return undefined;
}

export async function feedRequest<T>(
  transport: FailoverTransport,
  call: FeedCall<T>,
): Promise<FeedAnswer<T>> {
  const send = async (token: string) =>
    transport.raw({
      path: call.path,
      method: call.method,
      headers: { authorization: `Bearer ${token}` },
      ...(call.json === undefined ? {} : { json: call.json }),
      ...(call.schema === undefined ? {} : { schema: call.schema }),
      ...(call.idempotencyKey === undefined ? {} : { idempotencyKey: call.idempotencyKey }),
    });
  try {
    let token = 'token' in call.auth ? call.auth.token : await call.auth.system.getToken();
    try {
      const result = await send(token);
      return { data: result.data as T, status: result.response.status, server: result.server.name };
    } catch (error) {
      if (error instanceof HttpError && error.status === 401 && 'system' in call.auth) {
        token = await call.auth.system.forceRefresh(token);
        const result = await send(token);
        return { data: result.data as T, status: result.response.status, server: result.server.name };
      }
      throw error;
    }
  } catch (error) {
    if (error instanceof HttpError) {
      if (call.accept?.includes(error.status)) {
        return { data: undefined as T, status: error.status, server: '' };
      }
      throw refusal(error) ?? error;
    }
    throw error;
  }
}
