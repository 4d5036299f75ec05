import { base64ToBytes, pemBlocks } from '../asn1/index.js';
import { CryptoError } from '../errors.js';

const PEM_PREFIX = '-----BEGIN';

function looksLikePemBytes(bytes: Uint8Array): boolean {
  // skip a UTF-8 BOM and leading whitespace, then look for "-----BEGIN"
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  ) {
    i++;
  }
  for (let j = 0; j < PEM_PREFIX.length; j++) {
    if (bytes[i + j] !== PEM_PREFIX.charCodeAt(j)) {
      return false;
    }
  }
  return true;
}

/**
 * DER bytes of a certificate given as PEM text, bare base64 text or DER bytes. PEM passed as bytes
 * (a .pem file read without an encoding) is refused with PEM_NOT_DER: hashing those bytes is the
 * classic wrong client_certificate_hash (ESIA-007053).
 */
export function loadCertificateDer(input: Uint8Array | string): Uint8Array {
  if (typeof input === 'string') {
    if (input.includes(PEM_PREFIX)) {
      const blocks = pemBlocks(input);
      const cert = blocks.find((b) => b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE');
      if (!cert) {
        throw new CryptoError('MALFORMED_PEM', 'No "CERTIFICATE" PEM block found');
      }
      return cert.der;
    }
    const body = input.trim();
    if (body === '' || !/^[A-Za-z0-9+/=\s]+$/.test(body)) {
      throw new CryptoError('MALFORMED_PEM', 'Certificate text is neither PEM nor base64 DER');
    }
    return base64ToBytes(body);
  }
  if (!(input instanceof Uint8Array)) {
    throw new CryptoError('INVALID_INPUT', 'Certificate must be PEM text or DER bytes');
  }
  if (looksLikePemBytes(input)) {
    throw new CryptoError(
      'PEM_NOT_DER',
      'Got the bytes of a PEM file where DER was expected; pass the PEM as a string (readFile(path, "utf8")) or convert with openssl x509 -outform DER',
    );
  }
  if (input.length === 0 || input[0] !== 0x30) {
    throw new CryptoError('INVALID_CERTIFICATE', 'Certificate DER must start with a SEQUENCE');
  }
  return input;
}
