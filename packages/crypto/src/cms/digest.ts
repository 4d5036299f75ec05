import { CryptoError } from '../errors.js';
import { streebog256 } from '../gost/index.js';
import { toArrayBufferView } from '../integrity/bytes.js';
import { CMS_OIDS } from './oids.js';

/** Digest by algorithm OID: Streebog-256 in software, SHA-256 through WebCrypto. */
export async function digestByOid(oid: string, data: Uint8Array): Promise<Uint8Array> {
  if (oid === CMS_OIDS.streebog256) {
    return streebog256(data);
  }
  if (oid === CMS_OIDS.sha256) {
    return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', toArrayBufferView(data)));
  }
  throw new CryptoError('UNSUPPORTED_ALGORITHM', `Unsupported CMS digest algorithm ${oid}`);
}
