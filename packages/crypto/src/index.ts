/**
 * @goskit/crypto — GOST R 34.10/34.11-2012 in TypeScript, signers (software, OpenSSL-GOST, CryptoPro),
 * ESIA client_secret helpers, CMS/PKCS#7, JOSE on jose, and integrity helpers. The DER reader/writer
 * lives on the `@goskit/crypto/asn1` subpath; PEM ↔ DER stays here.
 */
export { derToPem, pemBlocks, pemToDer } from './asn1/pem.js';
export * from './asn1-moved.js';
export * from './cms/index.js';
export { CryptoError, type CryptoErrorCode, isCryptoError } from './errors.js';
export * from './esia/index.js';
export * from './gost/index.js';
export * from './integrity/index.js';
export * from './jose/index.js';
export * from './keys/index.js';
export * from './signers/index.js';
export * from './x509/index.js';
