export {
  concatBytes,
  fromBase64Any,
  fromBase64Url,
  fromHex,
  fromUtf8,
  reverseBytes,
  timingSafeEqual,
  toBase64,
  toBase64Url,
  toHex,
  utf8,
} from './bytes.js';
export { canonicalJson, canonicalJsonBytes } from './canonical-json.js';
export {
  decryptField,
  decryptFieldBytes,
  encryptField,
  type FieldCipherOptions,
  type FieldKey,
  importFieldKey,
} from './field-encryption.js';
export { createIntegrityTag, type HmacSecret, hmacSha256, verifyIntegrityTag } from './hmac.js';
export {
  createWebhookVerifier,
  type SignWebhookOptions,
  signWebhook,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
} from './webhook.js';
export { parseWebhookHeader, type WebhookSignatureHeader } from './webhook-header.js';
