/**
 * Exchange outcomes that are not SOAP faults: an answer that is not the contract's shape, a push the
 * service declined (`result=false`), a queue item that failed or did not finish in time.
 * `queueId` and the service's `errors` (code + text, bounded) say which and why.
 */
import { ParagrafError } from './paragraf-error.js';

export type ExchangeErrorCode = 'SOAP_RESPONSE_INVALID' | 'PUSH_REJECTED' | 'QUEUE_FAILED' | 'QUEUE_TIMEOUT';

export interface QueueErrorEntry {
  code: string;
  text: string;
}

export class ExchangeError extends ParagrafError<ExchangeErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'ExchangeError';

  readonly queueId: string | undefined;
  readonly errors: readonly QueueErrorEntry[];

  constructor(
    code: ExchangeErrorCode,
    message: string,
    details: { queueId?: string; errors?: readonly QueueErrorEntry[]; cause?: unknown } = {},
  ) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.queueId = details.queueId;
    this.errors = details.errors ?? [];
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), queueId: this.queueId, errors: this.errors };
  }
}
