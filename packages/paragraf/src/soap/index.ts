export {
  EXCHANGE_NS,
  EXCHANGE_OPERATIONS,
  type ExchangeOperation,
  QUEUE_STATES,
  type QueueState,
  SOAP_ENVELOPE_NS,
} from './contract.js';
export {
  createExchangeClient,
  type ExchangeClient,
  type ExchangeClientOptions,
} from './create-exchange-client.js';
export {
  buildEnvelope,
  type Credentials,
  type ParsedEnvelope,
  parseEnvelope,
  type XmlNode,
} from './envelope.js';
export type { CallOptions } from './exchange-context.js';
export type { PushResult } from './push.js';
export { type PushDataQuery, type PushPupil, pushDataSchema } from './push-data.js';
export type { ZipEntry } from './push-zip.js';
export type { QueueStatus, WaitOptions } from './queue.js';
