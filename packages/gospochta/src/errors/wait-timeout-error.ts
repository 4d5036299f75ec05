import { GospochtaError } from './gospochta-error.js';

/** A poll did not reach the wanted state before its deadline; `lastState` is what it saw last. */
export class WaitTimeoutError extends GospochtaError<'WAIT_TIMEOUT'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'WaitTimeoutError';

  readonly lastState: string | undefined;

  constructor(what: string, timeoutMs: number, lastState: string | undefined) {
    super(
      'WAIT_TIMEOUT',
      `${what} did not finish within ${timeoutMs} ms (last state: ${lastState ?? 'none'})`,
    );
    this.lastState = lastState;
  }
}
