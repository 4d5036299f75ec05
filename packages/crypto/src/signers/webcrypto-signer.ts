import { CryptoError } from '../errors.js';
import { toArrayBufferView } from '../integrity/bytes.js';
import { loadCertificateDer } from '../x509/index.js';
import type { Signer } from './signer.js';

export interface WebCryptoSignerOptions {
  algorithm: 'RS256' | 'PS256' | 'ES256';
  /** A private CryptoKey with usage 'sign' (import PKCS#8 with crypto.subtle.importKey or jose's importPKCS8). */
  privateKey: CryptoKey;
  certificate: string | Uint8Array;
}

function params(
  algorithm: WebCryptoSignerOptions['algorithm'],
): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  switch (algorithm) {
    case 'RS256':
      return { name: 'RSASSA-PKCS1-v1_5' };
    case 'PS256':
      return { name: 'RSA-PSS', saltLength: 32 };
    case 'ES256':
      return { name: 'ECDSA', hash: 'SHA-256' };
  }
}

/**
 * RSA / ECDSA Signer on WebCrypto (Node 20 and browsers): for CMS with RSA certificates and
 * other non-GOST uses. Signatures are WebCrypto's (ES256: raw r||s, 64 bytes).
 */
export class WebCryptoSigner implements Signer {
  readonly algorithm: WebCryptoSignerOptions['algorithm'];
  readonly #key: CryptoKey;
  readonly #certificate: Uint8Array;

  constructor(options: WebCryptoSignerOptions) {
    if (options.privateKey.type !== 'private' || !options.privateKey.usages.includes('sign')) {
      throw new CryptoError('INVALID_PRIVATE_KEY', 'WebCryptoSigner needs a private key with usage "sign"');
    }
    this.algorithm = options.algorithm;
    this.#key = options.privateKey;
    this.#certificate = loadCertificateDer(options.certificate);
  }

  async sign(data: Uint8Array): Promise<Uint8Array> {
    const signature = await globalThis.crypto.subtle.sign(
      params(this.algorithm),
      this.#key,
      toArrayBufferView(data),
    );
    return new Uint8Array(signature);
  }

  async certificate(): Promise<Uint8Array> {
    return this.#certificate;
  }
}
