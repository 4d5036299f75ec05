/**
 * Compares the `X-Max-Bot-Api-Secret` header with the configured secret in constant time: every
 * character of the secret is compared, whatever the header holds and wherever it first differs (a
 * shorter header is padded, a longer one fails on the length), and the differences are OR-ed without
 * an early exit. The time depends only on the configured secret's length, never on its content.
 * Synchronous on purpose: the check sits on every delivery's hot path.
 */
export interface SecretCheck {
  matches(header: string | null | undefined): boolean;
}

export function createSecretCheck(secret: string): SecretCheck {
  const length = secret.length;
  return {
    matches(header) {
      const given = header ?? '';
      let difference = given.length ^ length;
      for (let i = 0; i < length; i += 1) {
        // Past the end charCodeAt is NaN, and NaN | 0 is 0: the loop runs the same either way.
        difference |= (given.charCodeAt(i) | 0) ^ secret.charCodeAt(i);
      }
      return difference === 0 && header !== null && header !== undefined;
    },
  };
}
