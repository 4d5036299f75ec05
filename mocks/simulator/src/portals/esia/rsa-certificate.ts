import { der } from '@goskit/crypto/asn1';

/**
 * A self-signed X.509 certificate for the simulator's RSA token key, so the JWKS can publish x5c
 * like the GOST key does. DER comes from @goskit/crypto's encoder.
 */
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const COMMON_NAME = '2.5.4.3';

/** DER certificate over the SPKI, signed with the same RSA key (RSASSA-PKCS1-v1_5 / SHA-256). */
export async function createRsaCertificate(options: {
  privateKey: CryptoKey;
  spkiDer: Uint8Array;
  commonName: string;
  notBefore: Date;
  days: number;
}): Promise<Uint8Array> {
  const name = der.sequence(der.set(der.sequence(der.oid(COMMON_NAME), der.utf8String(options.commonName))));
  const algorithm = der.sequence(der.oid(SHA256_WITH_RSA), der.null());
  const notAfter = new Date(options.notBefore.getTime() + options.days * 86_400_000);
  const tbs = der.sequence(
    der.contextSpecific(0, der.integer(2n)),
    der.integer(1n),
    algorithm,
    name,
    der.sequence(der.utcTime(options.notBefore), der.utcTime(notAfter)),
    name,
    options.spkiDer,
  );
  const signature = new Uint8Array(
    await crypto.subtle.sign('RSASSA-PKCS1-v1_5', options.privateKey, tbs as Uint8Array<ArrayBuffer>),
  );
  return der.sequence(tbs, algorithm, der.bitString(signature));
}
