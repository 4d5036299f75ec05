import { GoskitRedisError } from './goskit-redis-error.js';

/**
 * A lease is no longer ours: it expired (the process stalled longer than its ttl) or another owner
 * took it. Stop the work it guarded; a newer owner holds a higher fencing token.
 */
export class LeaseLostError extends GoskitRedisError<'LEASE_LOST'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'LeaseLostError';

  readonly leaseName: string;
  readonly fencingToken: number;

  constructor(leaseName: string, fencingToken: number, operation: 'renew' | 'release' | 'check') {
    super(
      'LEASE_LOST',
      `Lease "${leaseName.slice(0, 120)}" (token ${fencingToken}) was lost before ${operation}`,
      {
        hint: {
          ru: 'Аренда истекла или перешла к другому экземпляру: прекратите защищённую ею работу.',
          en: 'The lease expired or passed to another instance: stop the work it guarded.',
        },
      },
    );
    this.leaseName = leaseName;
    this.fencingToken = fencingToken;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), leaseName: this.leaseName, fencingToken: this.fencingToken };
  }
}
