export {
  type ConnectRedisOptions,
  connectRedis,
  DEFAULT_TIMEOUT_MS,
  type RedisSource,
} from './connection/connect-redis.js';
export type { IoredisClientLike, NodeRedisClientLike } from './connection/driver.js';
export { MAX_KEY_BYTES } from './connection/keys.js';
export {
  isRedisConnection,
  type RedisConnection,
  type RedisReply,
  type SendOptions,
} from './connection/redis-connection.js';
export { defineScript, type RedisScript } from './connection/redis-script.js';
export * from './errors/index.js';
export {
  type AcquireLeaseOptions,
  createLeaseManager,
  type LeaseHolder,
  type LeaseManager,
  type LeaseManagerOptions,
  type LeaseRun,
  type RunWithLeaseOptions,
} from './lease/create-lease-manager.js';
export type { Lease } from './lease/lease.js';
export {
  type SyncLockShape,
  syncLock,
  type TaskLease,
  type TaskLeases,
  taskLeases,
} from './lease/lease-adapters.js';
export {
  createRedisRateLimiter,
  type RedisRateLimiter,
  type RedisRateLimiterOptions,
} from './limiter/create-redis-rate-limiter.js';
export {
  createReplayStore,
  type ReplayStore,
  type ReplayStoreOptions,
} from './replay/create-replay-store.js';
export { RedisStore, type RedisStoreOptions } from './store/redis-store.js';
export { taggedJsonCodec, type ValueCodec } from './store/value-codec.js';
export {
  createSharedTokenProvider,
  type FetchedSharedToken,
  type SharedToken,
  type SharedTokenProvider,
  type SharedTokenProviderOptions,
} from './token/shared-token-provider.js';
