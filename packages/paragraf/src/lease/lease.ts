/**
 * A lease: at most one holder of a key at a time, for a TTL, with a fencing token that grows with
 * every grant (hand it to whatever the holder writes, so a holder that stalled past its TTL is
 * recognised as stale). Small on purpose — acquire, renew, release — so a Redis implementation
 * (@goskit/redis) can replace the store-based one.
 */
export interface Lease {
  readonly key: string;
  /** Grows with every grant of this key. */
  readonly token: number;
  /** Extends the lease; false when it was lost (expired and taken, or released). */
  renew(ttlMs: number): Promise<boolean>;
  release(): Promise<void>;
}

export interface LeaseManager {
  /** The lease, or undefined while someone else holds the key. */
  acquire(key: string, ttlMs: number): Promise<Lease | undefined>;
}
