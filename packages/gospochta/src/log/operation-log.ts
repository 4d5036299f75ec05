/**
 * The client-side operation log (issue 16 §2): one record per operation — request id, time, operation,
 * path template, final status, outcome, duration, attempts — and never a body, a query value, a token
 * or personal data. Records go to `operationLog.record` when given, and to the client's logger (info,
 * through core's redacting logger) otherwise. A failing sink never fails the operation: it is logged.
 */
import type { RedactingLogger } from '@goskit/core';

export interface OperationRecord {
  /** Start of the operation, ISO 8601 on the client's clock. */
  at: string;
  operation: string;
  /** `X-Request-Id` of the call (undefined when it failed before sending). */
  requestId: string | undefined;
  method: string;
  /** The contract's path template, e.g. `/v1/outbox/{letterId}` — never ids or query values. */
  path: string;
  /** HTTP status of the last response, undefined when none arrived. */
  status: number | undefined;
  /** `ok`, or the error code (`API_ERROR:NOT_FOUND`, `PACKET_REJECTED:mac`, `NETWORK_ERROR`, …). */
  outcome: string;
  durationMs: number;
  attempts: number | undefined;
  /** True when the portal replayed a stored answer for the Idempotency-Key. */
  replayed?: boolean;
}

export interface OperationLog {
  record(entry: OperationRecord): void | Promise<void>;
}

export function createOperationRecorder(
  sink: OperationLog | undefined,
  logger: RedactingLogger,
): (entry: OperationRecord) => Promise<void> {
  return async (entry) => {
    if (!sink) {
      logger.info('gospochta operation', { ...entry });
      return;
    }
    try {
      await sink.record(entry);
    } catch (error) {
      logger.warn('gospochta operation log sink failed', {
        operation: entry.operation,
        requestId: entry.requestId,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  };
}
