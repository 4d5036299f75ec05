/**
 * Polls a sent letter until it reaches a status (default: a legal fact — delivered, read, refused or
 * failed), waiting the portal's Retry-After or `intervalMs` between polls on the client's clock and
 * sleep. A final status other than the target also ends the wait (a refused letter is never read).
 */
import type { GospochtaContext } from '../client/context.js';
import { WaitTimeoutError } from '../errors/wait-timeout-error.js';
import type { OutgoingLetter } from './models.js';
import { getOutgoingLetter } from './outbox.js';
import { FINAL_STATUSES, hasReached, type LetterStatus } from './statuses.js';

export interface WaitForStatusOptions {
  /** Default 'confirmed' (delivered, read, refused or failed). */
  until?: LetterStatus | 'final' | 'confirmed';
  /** Between polls when the portal gives no Retry-After, ms. Default 2 000. */
  intervalMs?: number;
  /** Give up after this long, ms. Default 600 000 (10 min). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function waitForStatus(
  context: GospochtaContext,
  letterId: string,
  options: WaitForStatusOptions = {},
): Promise<OutgoingLetter> {
  const until = options.until ?? 'confirmed';
  const intervalMs = options.intervalMs ?? 2_000;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const deadline = context.clock.now() + timeoutMs;
  let last: LetterStatus | undefined;
  for (;;) {
    const { letter, retryAfterMs } = await getOutgoingLetter(context, letterId, options.signal);
    last = letter.status;
    if (hasReached(letter.status, until) || FINAL_STATUSES.has(letter.status)) {
      return letter;
    }
    const wait = Math.max(0, Math.min(retryAfterMs ?? intervalMs, deadline - context.clock.now()));
    if (context.clock.now() >= deadline) {
      throw new WaitTimeoutError(`letter ${letterId} reaching "${until}"`, timeoutMs, last);
    }
    await context.sleep(wait, options.signal);
  }
}
