import { CryptoError } from '../errors.js';
import { type GostPrivateKey, gostPublicKeyFromPrivate, gostSign } from '../gost/index.js';
import { parseGostPrivateKey } from '../keys/index.js';
import { parseCertificate } from '../x509/index.js';
import type { Signer } from './signer.js';

export interface SoftwareGostSignerOptions {
  /** PKCS#8 PEM text, DER bytes, or an already parsed key. */
  privateKey: string | Uint8Array | GostPrivateKey;
  /** PEM text or DER bytes of the key's certificate. */
  certificate: string | Uint8Array;
}

function isParsedKey(value: SoftwareGostSignerOptions['privateKey']): value is GostPrivateKey {
  return typeof value === 'object' && !(value instanceof Uint8Array) && typeof value.d === 'bigint';
}

/**
 * Signs in-process with the TypeScript GOST R 34.10-2012 code (no OpenSSL, works in browsers).
 * Construction checks that the private key belongs to the certificate, so a mismatched pair fails
 * here rather than as ESIA-007053 later.
 */
export class SoftwareGostSigner implements Signer {
  readonly algorithm = 'GOST3410_2012_256' as const;
  readonly #key: GostPrivateKey;
  readonly #certificate: Uint8Array;

  constructor(options: SoftwareGostSignerOptions) {
    this.#key = isParsedKey(options.privateKey)
      ? options.privateKey
      : parseGostPrivateKey(options.privateKey);
    const certificate = parseCertificate(options.certificate);
    const certKey = certificate.gostPublicKey;
    if (!certKey) {
      throw new CryptoError(
        'UNSUPPORTED_ALGORITHM',
        'Certificate does not hold a GOST R 34.10-2012 public key',
      );
    }
    const derived = gostPublicKeyFromPrivate(this.#key);
    if (derived.paramSet !== certKey.paramSet || derived.x !== certKey.x || derived.y !== certKey.y) {
      throw new CryptoError('SIGNATURE_MISMATCH', 'Private key does not match the certificate public key');
    }
    this.#certificate = certificate.der;
  }

  async sign(data: Uint8Array): Promise<Uint8Array> {
    return gostSign(this.#key, data);
  }

  async certificate(): Promise<Uint8Array> {
    return this.#certificate;
  }
}

export function createSoftwareGostSigner(options: SoftwareGostSignerOptions): SoftwareGostSigner {
  return new SoftwareGostSigner(options);
}
