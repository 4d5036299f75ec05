import type { ZodType } from 'zod';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import type { ReadResult } from './read-response.js';

export interface ValidationTarget {
  schema: ZodType | undefined;
  /** False when the call or the transport turned validation off. */
  enabled: boolean;
  method: string;
  url: string;
  status: number;
  requestId: string | undefined;
}

/** Returns the data to hand out: schema output when validating, the parsed body otherwise. */
export function validateResponse(read: ReadResult, target: ValidationTarget): unknown {
  const { method, url, status, requestId } = target;
  if (!read.parsed) {
    // JSON was expected and the 2xx body is not JSON: a contract failure, not a transport one.
    const issues = [
      { code: 'custom' as const, path: [], message: 'response body is not valid JSON', input: undefined },
    ];
    throw new ResponseValidationError({ issues, method, url, status, requestId });
  }
  if (!target.schema || !target.enabled) {
    return read.data;
  }
  const result = target.schema.safeParse(read.data);
  if (!result.success) {
    throw new ResponseValidationError({ issues: result.error.issues, method, url, status, requestId });
  }
  return result.data;
}
