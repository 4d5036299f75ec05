export { certificateKeys } from './certificate-keys.js';
export { applyByteOrder, type GostSignatureByteOrder } from './gost-byte-order.js';
export {
  GOST_JWT_ALGORITHM,
  type SignGostJwtOptions,
  signGostJwt,
  verifyGostJwsSignature,
} from './gost-jwt.js';
export { toCryptoError } from './jose-errors.js';
export type { FlattenedJwsInput, JsonWebKeySet, JwsHeader } from './jose-types.js';
export { type SignedJsonRequest, signJsonRequest } from './json-request.js';
export {
  decryptFields,
  type EncryptFieldsOptions,
  encryptFields,
  type FieldKeyManagement,
} from './jwe-fields.js';
export {
  type DetachedMode,
  type JoseKey,
  type JwsAlgorithm,
  type SignJwsOptions,
  signDetachedJws,
  signJws,
  type VerifyJwsOptions,
  verifyDetachedJws,
  verifyJws,
} from './jws.js';
export {
  type JwtKeyCandidate,
  type JwtKeyResolver,
  jwksKeys,
  type RemoteJwksOptions,
  remoteJwksKeys,
  staticKeys,
} from './key-resolvers.js';
export { type JwsParts, parseCompactJws } from './token-parts.js';
export { type ClaimsPolicy, validateClaims } from './validate-claims.js';
export {
  decodeJwtUnverified,
  type JwtAlgorithm,
  type VerifiedJwt,
  type VerifyJwtOptions,
  verifyJwt,
} from './verify-jwt.js';
