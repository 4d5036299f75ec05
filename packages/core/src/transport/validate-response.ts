import type { ZodType } from 'zod';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import { readRequestId } from '../http/request-id.js';
import type { ReadResult } from './read-response.js';

/**
 * Returns the data to hand out: schema output when validating, the parsed body otherwise.
 * `schema` is undefined when the call or the transport turned validation off. The request id is
 * read from `response` only on failure: a header lookup is not free on the hot path.
 */
export function validateResponse(
  read: ReadResult,
  schema: ZodType | undefined,
  call: { method: string; url: string },
  response: Response,
): unknown {
  const { method, url } = call;
  const { status } = response;
  if (!read.parsed) {
    // JSON was expected and the 2xx body is not JSON: a contract failure, not a transport one.
    const issues = [
      { code: 'custom' as const, path: [], message: 'response body is not valid JSON', input: undefined },
    ];
    throw new ResponseValidationError({
      issues,
      method,
      url,
      status,
      requestId: readRequestId(response.headers),
    });
  }
  if (!schema) {
    return read.data;
  }
  const result = schema.safeParse(read.data);
  if (!result.success) {
    throw new ResponseValidationError({
      issues: result.error.issues,
      method,
      url,
      status,
      requestId: readRequestId(response.headers),
    });
  }
  return result.data;
}
