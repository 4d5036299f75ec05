export {
  GOST_OIDS,
  GOST_PARAM_SETS,
  type GostParamSet,
  isGostParamSet,
  paramSetFromOid,
} from './params.js';
export {
  assertValidPublicKey,
  DEFAULT_GOST_PARAM_SET,
  type GostPrivateKey,
  type GostPublicKey,
  type GostSignOptions,
  generateGostKeyPair,
  gostPublicKeyFromPrivate,
  gostSign,
  gostSignDigest,
  gostVerify,
  gostVerifyDigest,
} from './sign.js';
export { Streebog, streebog256, streebog512 } from './streebog.js';
