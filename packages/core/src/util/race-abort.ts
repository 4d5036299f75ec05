/**
 * Waits for `pending`, or rejects with the signal's reason as soon as it aborts: a wait on code the
 * transport does not own (a token provider) stays inside the call's deadline and the caller's abort.
 * `pending` itself runs on; its outcome is observed, so a late rejection is never unhandled.
 */
export function raceAbort<T>(pending: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) {
    return pending;
  }
  if (signal.aborted) {
    pending.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
