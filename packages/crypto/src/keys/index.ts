export { decodeGostKeyAlgorithm, encodeGostKeyAlgorithm } from './algorithm.js';
export { exportGostPrivateKey, parseGostPrivateKey } from './private-key.js';
export {
  decodeSubjectPublicKeyInfo,
  encodeSubjectPublicKeyInfo,
  exportGostPublicKey,
  parseGostPublicKey,
} from './public-key.js';
