/**
 * In-process token buckets, one per key, with a FIFO queue per key. When a token is free and nobody
 * waits, `acquire` answers with an already-resolved promise: no store round trips, no drain loop.
 * Measured on the loopback bench: core's store-backed limiter cost this client about a third of a
 * raw call at 16 concurrent calls, this path about 3% (bench/sferum-client.mjs). Used when the
 * buckets need not be shared between instances; with a shared store core's limiter takes over.
 */
import { AbortError, type LimitConfig, type Release, type TimerClock } from '@goskit/core';

interface Waiter {
  cost: number;
  resolve: (release: Release) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  queue: Waiter[];
  timer: unknown;
  config: { ratePerSecond: number; burst: number };
}

const RELEASE: Release = () => {};
const GRANTED = Promise.resolve(RELEASE);
/** Idle, full buckets are dropped once this many keys are held. */
const PRUNE_AT = 10_000;

export interface LocalBuckets {
  acquire(
    key: string,
    config: Required<Pick<LimitConfig, 'ratePerSecond' | 'burst'>>,
    cost: number,
    signal: AbortSignal | undefined,
  ): Promise<Release>;
  readonly queued: number;
}

export function createLocalBuckets(clock: TimerClock): LocalBuckets {
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, now: number) => {
    const elapsed = now - bucket.updatedAt;
    if (elapsed > 0) {
      bucket.tokens = Math.min(
        bucket.config.burst,
        bucket.tokens + (elapsed * bucket.config.ratePerSecond) / 1000,
      );
      bucket.updatedAt = now;
    }
  };

  const drain = (bucket: Bucket) => {
    bucket.timer = undefined;
    refill(bucket, clock.now());
    while (bucket.queue.length > 0) {
      const head = bucket.queue[0] as Waiter;
      if (bucket.tokens < head.cost) {
        const waitMs = Math.ceil(((head.cost - bucket.tokens) * 1000) / bucket.config.ratePerSecond);
        bucket.timer = clock.setTimeout(() => drain(bucket), waitMs);
        return;
      }
      bucket.tokens -= head.cost;
      bucket.queue.shift();
      if (head.onAbort) {
        head.signal?.removeEventListener('abort', head.onAbort);
      }
      head.resolve(RELEASE);
    }
  };

  const prune = () => {
    const now = clock.now();
    for (const [key, bucket] of buckets) {
      refill(bucket, now);
      if (bucket.queue.length === 0 && bucket.tokens >= bucket.config.burst) {
        buckets.delete(key);
      }
    }
  };

  return {
    acquire(key, config, cost, signal) {
      if (signal?.aborted) {
        return Promise.reject(
          new AbortError('Waiting for the VK rate limiter was aborted', { cause: signal.reason }),
        );
      }
      let bucket = buckets.get(key);
      const now = clock.now();
      if (!bucket) {
        if (buckets.size >= PRUNE_AT) {
          prune();
        }
        bucket = { tokens: config.burst, updatedAt: now, queue: [], timer: undefined, config };
        buckets.set(key, bucket);
      } else {
        refill(bucket, now);
      }
      if (bucket.queue.length === 0 && bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return GRANTED;
      }
      const target = bucket;
      return new Promise<Release>((resolve, reject) => {
        const waiter: Waiter = { cost, resolve, reject, signal, onAbort: undefined };
        if (signal) {
          waiter.onAbort = () => {
            const index = target.queue.indexOf(waiter);
            if (index >= 0) {
              target.queue.splice(index, 1);
              reject(new AbortError('Waiting for the VK rate limiter was aborted', { cause: signal.reason }));
            }
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        target.queue.push(waiter);
        if (target.timer === undefined) {
          drain(target);
        }
      });
    },
    get queued() {
      let total = 0;
      for (const bucket of buckets.values()) {
        total += bucket.queue.length;
      }
      return total;
    },
  };
}
