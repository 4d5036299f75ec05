/**
 * Certificates a verifier trusts (the portal's signing certificates, agencies that sign documents),
 * parsed once, each with its SHA-256 thumbprint (`x5t#S256`) and a lazily imported RSA key.
 */
import { InvalidOptionsError } from '@goskit/core';
import { type Certificate, parseCertificate, toBase64Url } from '@goskit/crypto';

export interface TrustedCertificate {
  readonly certificate: Certificate;
  /** base64url SHA-256 of the DER, as `x5t#S256` carries it. */
  readonly thumbprint: Promise<string>;
  /** The RSA public key for RS256 (undefined for GOST certificates). */
  rsaKey(): Promise<CryptoKey | undefined>;
}

export function trustCertificates(
  input: ReadonlyArray<string | Uint8Array> | undefined,
  what: string,
): TrustedCertificate[] {
  if (input === undefined) {
    return [];
  }
  if (!Array.isArray(input)) {
    throw new InvalidOptionsError(`${what} must be a list of PEM or DER certificates`);
  }
  return input.map((item, index) => {
    let certificate: Certificate;
    try {
      certificate = parseCertificate(item);
    } catch (cause) {
      throw new InvalidOptionsError(`${what}[${index}] is not a certificate (PEM or DER)`, { cause });
    }
    let rsa: Promise<CryptoKey | undefined> | undefined;
    return {
      certificate,
      thumbprint: globalThis.crypto.subtle
        .digest('SHA-256', new Uint8Array(certificate.der))
        .then((digest) => toBase64Url(new Uint8Array(digest))),
      rsaKey() {
        if (certificate.gostPublicKey) {
          return Promise.resolve(undefined);
        }
        rsa ??= globalThis.crypto.subtle
          .importKey(
            'spki',
            new Uint8Array(certificate.spki),
            { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
            false,
            ['verify'],
          )
          .catch(() => undefined);
        return rsa;
      },
    };
  });
}
