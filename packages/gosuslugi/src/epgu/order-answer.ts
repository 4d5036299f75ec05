/**
 * Answers of calls that name an order or a stored file. EPGU says «Заявление не найдено» with
 * **204 and no body** (spec, Приложение 4), not with an error status: that 204 becomes
 * `EpguError('EPGU_ERROR')` with `epguCode: 'not_found'` and `status: 204` — the code goskit's
 * clients always used for a missing order, so `epguCode === 'not_found'` checks keep working.
 * A 2xx body that does not fit the schema is core's ResponseValidationError, as for every call.
 */
import { type RawResult, ResponseValidationError, readRequestId } from '@goskit/core';
import type { output, ZodType } from 'zod';
import { EpguError } from '../errors/epgu-error.js';
import { epguCall } from './context.js';

function notFound(what: string, status: number): EpguError<'EPGU_ERROR'> {
  return new EpguError('EPGU_ERROR', `EPGU: ${what} not found (HTTP ${status} without a body)`, {
    epguCode: 'not_found',
    status,
  });
}

/** Runs a raw call; 204 → not_found; otherwise the body (checked against `schema` when given). */
export interface AnswerOf {
  /** What the call names, for the message: `order 1230254874`, `file result.pdf`. */
  what: string;
  method: string;
}

export async function contentOf<T>(call: AnswerOf, run: () => Promise<RawResult<unknown>>): Promise<T>;
export async function contentOf<S extends ZodType>(
  call: AnswerOf,
  run: () => Promise<RawResult<unknown>>,
  schema: S,
): Promise<output<S>>;
export async function contentOf(
  call: AnswerOf,
  run: () => Promise<RawResult<unknown>>,
  schema?: ZodType,
): Promise<unknown> {
  const result = await epguCall(run);
  const { response } = result;
  if (response.status === 204) {
    throw notFound(call.what, 204);
  }
  if (!schema) {
    return result.data;
  }
  const parsed = schema.safeParse(result.data);
  if (!parsed.success) {
    throw new ResponseValidationError({
      issues: parsed.error.issues,
      method: call.method,
      url: response.url,
      status: response.status,
      requestId: readRequestId(response.headers),
    });
  }
  return parsed.data;
}
