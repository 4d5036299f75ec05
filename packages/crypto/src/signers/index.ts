export { CryptoProCspSigner, type CryptoProCspSignerOptions } from './cryptopro-csp-signer.js';
export { OpenSslGostSigner, type OpenSslGostSignerOptions } from './openssl-gost-signer.js';
export type { SignatureAlgorithm, Signer, SignerStep } from './signer.js';
export { SignerError } from './signer-error.js';
export {
  createSoftwareGostSigner,
  SoftwareGostSigner,
  type SoftwareGostSignerOptions,
} from './software-gost-signer.js';
export { WebCryptoSigner, type WebCryptoSignerOptions } from './webcrypto-signer.js';
