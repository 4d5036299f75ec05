export {
  type ClientSecretEncoding,
  createClientSecret,
  decodeClientSecret,
  type EsiaClientSecret,
} from './client-secret.js';
export {
  createPkcs7ClientSecret,
  type EsiaPkcs7ClientSecret,
  verifyPkcs7ClientSecret,
} from './pkcs7-client-secret.js';
export {
  type EsiaFlow,
  type EsiaRefreshVariant,
  type EsiaSignedFields,
  esiaSignedString,
} from './signed-string.js';
export {
  type EsiaTimestampOptions,
  esiaTimestamp,
  MOSCOW_OFFSET_MINUTES,
  type ParsedEsiaTimestamp,
  parseEsiaTimestamp,
} from './timestamp.js';
export {
  type ClientSecretFailure,
  type ClientSecretVerification,
  type VerifyClientSecretOptions,
  verifyClientSecret,
} from './verify-client-secret.js';
