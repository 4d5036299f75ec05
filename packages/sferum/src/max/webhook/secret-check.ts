/**
 * Compares the `X-Max-Bot-Api-Secret` header with the configured secret in constant time: both sides
 * are hashed with SHA-256 first, so neither the content nor the length of the secret leaks through
 * timing, and the two 32-byte digests are compared without an early exit.
 */
const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

export interface SecretCheck {
  matches(header: string | null | undefined): Promise<boolean>;
}

export function createSecretCheck(secret: string): SecretCheck {
  const expected = sha256(secret);
  return {
    async matches(header) {
      // A missing header is hashed too, so a request without it takes the same time as a wrong one.
      const [want, got] = await Promise.all([expected, sha256(header ?? '')]);
      let difference = header === null || header === undefined ? 1 : 0;
      for (let i = 0; i < want.length; i += 1) {
        difference |= (want[i] ?? 0) ^ (got[i] ?? 0);
      }
      return difference === 0;
    },
  };
}
