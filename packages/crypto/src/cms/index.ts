export { type CreateSignedDataOptions, createDetachedSignedData } from './create-signed-data.js';
export { CMS_OIDS, type CmsFamily } from './oids.js';
export { type ParsedSignedData, type ParsedSignerInfo, parseSignedData } from './parse-signed-data.js';
export {
  type SignedDataFailure,
  type SignedDataVerification,
  type VerifySignedDataOptions,
  verifyDetachedSignedData,
} from './verify-signed-data.js';
