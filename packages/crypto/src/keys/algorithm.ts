import { type Asn1Node, der, expectSequence, oidToString } from '../asn1/index.js';
import { CryptoError } from '../errors.js';
import { GOST_OIDS, type GostParamSet, paramSetFromOid, paramSetInfo } from '../gost/params.js';

/*
 * AlgorithmIdentifier of a GOST R 34.10-2012 256-bit key, shared by PKCS#8 and SubjectPublicKeyInfo:
 *   SEQUENCE { OID 1.2.643.7.1.1.1.1, SEQUENCE { paramSetOID, [digestOID], [encryptionParamSetOID] } }
 * OpenSSL's GOST engine writes the digest OID 1.2.643.7.1.1.2.2 for CryptoPro param sets and omits
 * it for tc26 ones; we write the same and accept both forms when reading.
 */

export function encodeGostKeyAlgorithm(paramSet: GostParamSet): Uint8Array {
  const info = paramSetInfo(paramSet);
  const params = info.digestParamInKey
    ? der.sequence(der.oid(info.oid), der.oid(GOST_OIDS.gost3411_2012_256))
    : der.sequence(der.oid(info.oid));
  return der.sequence(der.oid(GOST_OIDS.gost3410_2012_256), params);
}

export function decodeGostKeyAlgorithm(node: Asn1Node | undefined): GostParamSet {
  const algorithm = expectSequence(node, 'key AlgorithmIdentifier', 1);
  const oid = oidToString(algorithm.children[0] as Asn1Node);
  if (oid === GOST_OIDS.gost3410_2012_512) {
    throw new CryptoError(
      'UNSUPPORTED_ALGORITHM',
      'GOST R 34.10-2012 512-bit keys are not supported (256-bit only)',
    );
  }
  if (oid === GOST_OIDS.gost3410_2001) {
    throw new CryptoError(
      'UNSUPPORTED_ALGORITHM',
      'GOST R 34.10-2001 keys are not supported (GOST R 34.10-2012 256-bit only)',
    );
  }
  if (oid !== GOST_OIDS.gost3410_2012_256) {
    throw new CryptoError('UNSUPPORTED_ALGORITHM', `Key algorithm ${oid} is not GOST R 34.10-2012 256-bit`);
  }
  const params = expectSequence(algorithm.children[1], 'GOST key parameters', 1);
  return paramSetFromOid(oidToString(params.children[0] as Asn1Node));
}
