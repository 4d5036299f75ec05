export { EPGU_MAX_RESPONSE_BYTES } from './context.js';
export { createEpguClient, type EpguClient } from './create-epgu-client.js';
export { EPGU_PRODUCTION_URL, EPGU_TEST_URL, type EpguEnvironment } from './environment.js';
export { type EpguFileAddress, parseEpguFileLink } from './file-link.js';
export type { DictionaryFilter, DownloadFileInput } from './files.js';
export { createEpguRateLimiter, type EpguLimits, windowBucket } from './limiter.js';
export type {
  EpguDictionary,
  EpguOrder,
  EpguOrderDetails,
  EpguOrderFile,
  EpguOrderStatusItem,
} from './models.js';
export type { EpguClientOptions } from './options.js';
export type { CancelOptions, CreateOrderInput } from './orders.js';
export {
  CHUNK_WINDOW_MS,
  chunkFileName,
  type EpguFile,
  MAX_CHUNK_BYTES,
  MAX_PUSH_BYTES,
  MIN_CHUNK_BYTES,
  type PushChunkedInput,
  type PushInput,
} from './push.js';
export type { UpdatedAfterOptions } from './statuses.js';
export { formatEpguTime, parseEpguTime } from './time-format.js';
export type { OrderStatusEvent, WatchOrdersOptions } from './watch-orders.js';
