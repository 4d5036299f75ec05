export {
  GoskitRedisError,
  isGoskitRedisError,
  type RedisErrorCode,
  type RedisErrorHint,
} from './goskit-redis-error.js';
export { InvalidKeyError } from './invalid-key-error.js';
export { LeaseLostError } from './lease-lost-error.js';
export { isRedisCommandError, RedisCommandError } from './redis-command-error.js';
export {
  isRedisUnavailableError,
  type RedisUnavailableDetails,
  RedisUnavailableError,
} from './redis-unavailable-error.js';
export {
  isSerializationError,
  SerializationError,
  type SerializationErrorCode,
} from './serialization-error.js';
