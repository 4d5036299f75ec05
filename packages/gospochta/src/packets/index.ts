export { CONTENT_DIGEST_HEADER, contentDigest } from './content-digest.js';
export type { TreeLimits } from './field-cipher.js';
export type { HeaderSource } from './header-reader.js';
export {
  type BuildRequestInput,
  type BuildResponseInput,
  type BuildWebhookInput,
  type BuiltPacket,
  createPacketCodec,
  DELIVERY_ID_HEADER,
  IDEMPOTENCY_HEADER,
  JWS_HEADER,
  type PacketCodec,
  type PacketCodecOptions,
  type PacketJwsOptions,
  REQUEST_ID_HEADER,
  type VerifiedPacket,
  type VerifiedRequest,
  type VerifiedWebhook,
  WEBHOOK_ID_HEADER,
} from './packet-codec.js';
export {
  formatPacketHeader,
  PACKET_HEADER,
  PACKET_VERSION,
  type PacketHeaderFields,
  parsePacketHeader,
} from './packet-header.js';
export {
  createPacketKeyRing,
  DEFAULT_MAX_ENCRYPTIONS,
  derivePacketKey,
  type PacketKey,
  type PacketKeyRing,
  type PacketKeyRingOptions,
} from './packet-keys.js';
export { fieldAad, PII_FIELD_NAMES } from './pii-fields.js';
export type {
  Binding,
  PacketDirection,
  RequestBinding,
  ResponseBinding,
  WebhookBinding,
} from './protected-header.js';
