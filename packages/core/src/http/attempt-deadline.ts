/** Thrown when an attempt's own deadline passes, before the headers or while the body arrives. */
export class AttemptDeadlineExceeded extends Error {
  override readonly name = 'AttemptDeadlineExceeded';
  constructor(phase: 'headers' | 'body', options?: ErrorOptions) {
    super(
      phase === 'headers'
        ? 'the response headers did not arrive before the attempt deadline'
        : 'the response body did not arrive before the attempt deadline',
      options,
    );
  }
}
