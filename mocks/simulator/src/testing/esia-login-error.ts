/**
 * Why `completeEsiaLogin` could not get back to the app: what the simulated ESIA page said, as a
 * typed reason a test can branch on (`error.reason === 'locked'`) and the page's own message.
 */
import { SimulatorError } from '../engine/errors.js';

/**
 * - `wrong-password`: «Неверный логин или пароль» (attempts remain);
 * - `locked`: the third wrong password in a row, or a try while the lock lasts (advance the clock);
 * - `wrong-code`: the SMS code was refused;
 * - `check-failed`: the extra check after a lock was answered wrongly;
 * - `expired`: the pending request is unknown or older than the login timeout;
 * - `error-page`: ESIA answered a page without a form (400 «Ошибка авторизации», 503 maintenance…);
 * - `no-redirect`: the walk never reached the app's redirect URI.
 */
export type EsiaLoginFailure =
  | 'wrong-password'
  | 'locked'
  | 'wrong-code'
  | 'check-failed'
  | 'expired'
  | 'error-page'
  | 'no-redirect';

/** Longest page message kept (the pages' own messages are one sentence). */
const MAX_MESSAGE = 300;

export class EsiaLoginError extends SimulatorError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'EsiaLoginError';

  readonly reason: EsiaLoginFailure;
  /** The message the page showed (its `role="alert"` or error paragraph), if any. */
  readonly pageMessage: string | undefined;
  /** HTTP status of the page that ended the walk (0 when none). */
  readonly status: number;
  /** The page's URL without its query (no `rid`, no signed parameters). */
  readonly url: string;

  constructor(
    reason: EsiaLoginFailure,
    details: { pageMessage?: string | undefined; status: number; url: string },
  ) {
    const pageMessage = details.pageMessage?.slice(0, MAX_MESSAGE);
    const said = pageMessage === undefined ? `HTTP ${details.status}, no message on the page` : pageMessage;
    super('LOGIN_FAILED', `ESIA login failed (${reason}) at ${details.url}: ${said}`);
    this.reason = reason;
    this.pageMessage = pageMessage;
    this.status = details.status;
    this.url = details.url;
  }
}

/** The reason behind a message of the login page (texts of src/portals/esia/login.ts). */
export function failureOf(message: string | undefined): EsiaLoginFailure {
  if (message === undefined) {
    return 'error-page';
  }
  if (/заблокирован/i.test(message)) {
    return 'locked';
  }
  if (/Неверный логин или пароль/i.test(message)) {
    return 'wrong-password';
  }
  if (/код подтверждения/i.test(message)) {
    return 'wrong-code';
  }
  if (/проверочный вопрос/i.test(message)) {
    return 'check-failed';
  }
  if (/устарел/i.test(message)) {
    return 'expired';
  }
  return 'error-page';
}
