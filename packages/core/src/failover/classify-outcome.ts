/**
 * What a failed attempt says about the server that made it: a server failure (and which kind), or a
 * refusal that is the caller's business (4xx, a 429 throttle, an abort). TLS failures are told from
 * other network failures by the OpenSSL / Node error code in the cause chain.
 */
import { AbortError } from '../errors/abort-error.js';
import { HttpError } from '../errors/http-error.js';
import { NetworkError } from '../errors/network-error.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { FailureReason } from './failover-options.js';

/** OpenSSL verification codes and Node's TLS / SSL error codes. */
const TLS_CODE =
  /^(?:CERT_|UNABLE_TO_(?:GET|VERIFY|DECRYPT)|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_TLS_|ERR_SSL_|EPROTO$)/;

/** The first `code` string in an error's cause chain that looks like a TLS failure. */
export function tlsCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string' && TLS_CODE.test(code)) {
      return code;
    }
    current = current.cause;
  }
  return undefined;
}

export type AttemptVerdict =
  /** The server failed; `retryable` when core's retry policy would repeat the attempt. */
  | {
      failure: FailureReason;
      status: number | undefined;
      retryable: 'network' | 'timeout' | 'status' | 'damaged';
    }
  /** Not the server's fault, but the policy may repeat it on the same server (a 429, a listed 4xx). */
  | { failure: undefined; status: number; retryable: 'status' }
  /** Final: the caller's mistake, an abort, the total deadline, a user hook's error. */
  | { failure: undefined; status: number | undefined; retryable: false };

/** Sorts what one attempt on one server threw. */
export function classifyAttempt(
  error: unknown,
  failoverStatuses: ReadonlySet<number>,
  retryStatuses: ReadonlySet<number>,
  damagedBodies: boolean,
): AttemptVerdict {
  if (error instanceof AbortError) {
    return { failure: undefined, status: undefined, retryable: false };
  }
  if (error instanceof TimeoutError) {
    return error.kind === 'attempt'
      ? { failure: 'timeout', status: undefined, retryable: 'timeout' }
      : { failure: undefined, status: undefined, retryable: false };
  }
  if (error instanceof NetworkError) {
    return {
      failure: tlsCodeOf(error) === undefined ? 'network' : 'tls',
      status: undefined,
      retryable: 'network',
    };
  }
  if (error instanceof HttpError) {
    if (failoverStatuses.has(error.status)) {
      return { failure: 'status', status: error.status, retryable: 'status' };
    }
    return retryStatuses.has(error.status)
      ? { failure: undefined, status: error.status, retryable: 'status' }
      : { failure: undefined, status: error.status, retryable: false };
  }
  if (error instanceof ResponseValidationError && damagedBodies) {
    return { failure: 'damaged', status: error.status, retryable: 'damaged' };
  }
  return { failure: undefined, status: undefined, retryable: false };
}
