import { GospochtaError } from './gospochta-error.js';

/**
 * An AES-GCM key reached its invocation limit. With random 96-bit IVs, NIST SP 800-38D §8.3 caps a key
 * at 2^32 encryptions so the chance of a repeated IV stays negligible; past it the key must be rotated.
 */
export class KeyUsageExceededError extends GospochtaError<'KEY_USAGE_EXCEEDED'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'KeyUsageExceededError';

  readonly kid: string;
  readonly limit: number;

  constructor(kid: string, limit: number) {
    super('KEY_USAGE_EXCEEDED', `Packet key "${kid}" reached its limit of ${limit} field encryptions`, {
      hint: {
        ru: 'Смените ключ: добавьте новый kid в keys и сделайте его текущим (currentKid).',
        en: 'Rotate the key: add a new kid to keys and make it currentKid.',
      },
    });
    this.kid = kid;
    this.limit = limit;
  }
}
