export { type ParseDerOptions, parseDer } from './decode.js';
export { der, tlv } from './encode.js';
export { type Asn1Node, TAG } from './node.js';
export { base64ToBytes, bytesToBase64, derToPem, pemBlocks, pemToDer } from './pem.js';
export {
  expectContext,
  expectSequence,
  expectUniversal,
  isUniversal,
  oidToString,
  readBitString,
  readBoolean,
  readInteger,
  readIntegerHex,
  readOctetString,
  readString,
  readTime,
} from './read.js';
