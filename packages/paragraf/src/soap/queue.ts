/**
 * The service's queue: `getQueueStatus(queueId)` reads one item's state (queued → processing →
 * done | failed, with processed/total counts and the service's errors); `waitForQueue` polls it at
 * an interval until a final state, and turns `failed` into `ExchangeError('QUEUE_FAILED')` and a
 * deadline into `QUEUE_TIMEOUT`. Status reads are idempotent, so the transport may retry them.
 */
import { ExchangeError, type QueueErrorEntry } from '../errors/exchange-error.js';
import { QUEUE_STATES, type QueueState } from './contract.js';
import { children, text } from './envelope.js';
import { type CallOptions, call, type ExchangeContext } from './exchange-context.js';

export interface QueueStatus {
  queueId: string;
  state: QueueState;
  processed?: number;
  total?: number;
  errors: QueueErrorEntry[];
}

export async function getQueueStatus(
  context: ExchangeContext,
  queueId: string,
  options: CallOptions = {},
): Promise<QueueStatus> {
  const answer = await call(context, 'getQueueStatus', { 'ex:queueId': queueId }, 'queueStatusResponse', {
    ...options,
    idempotent: true,
  });
  const state = text(answer.status)?.trim() as QueueState | undefined;
  if (state === undefined || !QUEUE_STATES.includes(state)) {
    throw new ExchangeError(
      'SOAP_RESPONSE_INVALID',
      `getQueueStatus: unknown queue state (expected one of ${QUEUE_STATES.join(', ')})`,
      { queueId },
    );
  }
  const count = (value: string | undefined): number | undefined => {
    const n = value === undefined ? Number.NaN : Number(value);
    return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
  };
  const processed = count(text(answer.processed));
  const total = count(text(answer.total));
  const errors = children(answer, 'error')
    .slice(0, 100)
    .map((entry) => ({
      code: String(entry['@_code'] ?? '').slice(0, 64),
      text: (text(entry) ?? '').slice(0, 500),
    }));
  return {
    queueId,
    state,
    ...(processed === undefined ? {} : { processed }),
    ...(total === undefined ? {} : { total }),
    errors,
  };
}

export interface WaitOptions extends CallOptions {
  /** Between polls, ms. Default: the client's `poll.intervalMs`. */
  intervalMs?: number;
  /** Give up after, ms. Default: the client's `poll.timeoutMs`. */
  timeoutMs?: number;
  /** Called with every status read (progress). */
  onStatus?: (status: QueueStatus) => void;
}

export async function waitForQueue(
  context: ExchangeContext,
  queueId: string,
  options: WaitOptions = {},
): Promise<QueueStatus> {
  const interval = options.intervalMs ?? context.poll.intervalMs;
  const timeout = options.timeoutMs ?? context.poll.timeoutMs;
  const deadline = context.now() + timeout;
  for (;;) {
    const status = await getQueueStatus(context, queueId, options);
    options.onStatus?.(status);
    if (status.state === 'done') {
      return status;
    }
    if (status.state === 'failed') {
      const first = status.errors[0];
      throw new ExchangeError(
        'QUEUE_FAILED',
        `Queue item ${queueId} failed${first ? `: ${first.code} ${first.text}` : ''}`,
        {
          queueId,
          errors: status.errors,
        },
      );
    }
    if (context.now() + interval > deadline) {
      throw new ExchangeError(
        'QUEUE_TIMEOUT',
        `Queue item ${queueId} is still ${status.state} after ${timeout} ms`,
        { queueId },
      );
    }
    await context.sleep(interval, options.signal);
  }
}
