/**
 * `@goskit/crypto/asn1` — the DER reader and writer, PEM and base64 codecs that goskit's X.509, CMS
 * and key code is built on. A subpath of its own: for code that builds or reads ASN.1 structures by
 * hand (a test CA, a custom certificate extension); most users need only the root entry.
 */
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
