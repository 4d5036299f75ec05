import { CryptoError } from '../errors.js';

/** Parameter sets of GOST R 34.10-2012 with a 256-bit modulus that real certificates use. */
export type GostParamSet =
  | 'tc26-256-A'
  | 'tc26-256-B'
  | 'tc26-256-C'
  | 'tc26-256-D'
  | 'cryptopro-A'
  | 'cryptopro-B'
  | 'cryptopro-C'
  | 'cryptopro-XchA'
  | 'cryptopro-XchB';

/** Short Weierstrass curve y² = x³ + ax + b over GF(p) with a base point of prime order q. */
export interface CurveParams {
  readonly name: string;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly q: bigint;
  readonly x: bigint;
  readonly y: bigint;
  readonly cofactor: bigint;
}

/** OIDs of algorithms, digests and parameter sets (RFC 4357, RFC 7836, R 1323565.1.024-2019). */
export const GOST_OIDS = {
  gost3410_2012_256: '1.2.643.7.1.1.1.1',
  gost3410_2012_512: '1.2.643.7.1.1.1.2',
  gost3411_2012_256: '1.2.643.7.1.1.2.2',
  gost3411_2012_512: '1.2.643.7.1.1.2.3',
  signWithDigestGost3411_2012_256: '1.2.643.7.1.1.3.2',
  signWithDigestGost3411_2012_512: '1.2.643.7.1.1.3.3',
  hmacGost3411_2012_256: '1.2.643.7.1.1.4.1',
  gost3410_2001: '1.2.643.2.2.19',
  gost3411_94: '1.2.643.2.2.9',
  gost3410_2001_TestParamSet: '1.2.643.2.2.35.0',
  cryptoproA: '1.2.643.2.2.35.1',
  cryptoproB: '1.2.643.2.2.35.2',
  cryptoproC: '1.2.643.2.2.35.3',
  cryptoproXchA: '1.2.643.2.2.36.0',
  cryptoproXchB: '1.2.643.2.2.36.1',
  tc26_256_A: '1.2.643.7.1.2.1.1.1',
  tc26_256_B: '1.2.643.7.1.2.1.1.2',
  tc26_256_C: '1.2.643.7.1.2.1.1.3',
  tc26_256_D: '1.2.643.7.1.2.1.1.4',
} as const satisfies { readonly [name: string]: string };

const h = (hex: string): bigint => BigInt(`0x${hex}`);

// Values as in RFC 4357 §11.4 (CryptoPro) and RFC 7836 / R 1323565.1.024-2019 (tc26 A, given by
// TC 26 in Weierstrass form next to its twisted Edwards form). tc26 B/C/D reuse CryptoPro A/B/C.
const CRYPTOPRO_A: CurveParams = {
  name: 'CryptoPro-A',
  p: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97'),
  a: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD94'),
  b: 0xa6n,
  q: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF6C611070995AD10045841B09B761B893'),
  x: 1n,
  y: h('8D91E471E0989CDA27DF505A453F2B7635294F2DDF23E3B122ACC99C9E9F1E14'),
  cofactor: 1n,
};
const CRYPTOPRO_B: CurveParams = {
  name: 'CryptoPro-B',
  p: h('8000000000000000000000000000000000000000000000000000000000000C99'),
  a: h('8000000000000000000000000000000000000000000000000000000000000C96'),
  b: h('3E1AF419A269A5F866A7D3C25C3DF80AE979259373FF2B182F49D4CE7E1BBC8B'),
  q: h('800000000000000000000000000000015F700CFFF1A624E5E497161BCC8A198F'),
  x: 1n,
  y: h('3FA8124359F96680B83D1C3EB2C070E5C545C9858D03ECFB744BF8D717717EFC'),
  cofactor: 1n,
};
const CRYPTOPRO_C: CurveParams = {
  name: 'CryptoPro-C',
  p: h('9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D759B'),
  a: h('9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D7598'),
  b: 0x805an,
  q: h('9B9F605F5A858107AB1EC85E6B41C8AA582CA3511EDDFB74F02F3A6598980BB9'),
  x: 0n,
  y: h('41ECE55743711A8C3CBF3783CD08C0EE4D4DC440D4641A8F366E550DFDB3BB67'),
  cofactor: 1n,
};
const TC26_A: CurveParams = {
  name: 'tc26-256-A',
  p: h('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97'),
  a: h('C2173F1513981673AF4892C23035A27CE25E2013BF95AA33B22C656F277E7335'),
  b: h('295F9BAE7428ED9CCC20E7C359A9D41A22FCCD9108E17BF7BA9337A6F8AE9513'),
  q: h('400000000000000000000000000000000FD8CDDFC87B6635C115AF556C360C67'),
  x: h('91E38443A5E82C0D880923425712B2BB658B9196932E02C78B2582FE742DAA28'),
  y: h('32879423AB1A0375895786C4BB46E9565FDE0B5344766740AF268ADB32322E5C'),
  cofactor: 4n,
};

/** The test curve of GOST R 34.10-2012 Appendix A.1 (also id-GostR3410-2001-TestParamSet). */
export const TEST_CURVE: CurveParams = {
  name: 'GOST R 34.10-2012 A.1 test curve',
  p: h('8000000000000000000000000000000000000000000000000000000000000431'),
  a: 7n,
  b: h('5FBFF498AA938CE739B8E022FBAFEF40563F6E6A3472FC2A514C0CE9DAE23B7E'),
  q: h('8000000000000000000000000000000150FE8A1892976154C59CFC193ACCF5B3'),
  x: 2n,
  y: h('08E2A8A0E65147D4BD6316030E16D19C85C97F0A9CA267122B96ABBCEA7E8FC8'),
  cofactor: 1n,
};

export interface ParamSetInfo {
  readonly paramSet: GostParamSet;
  readonly oid: string;
  readonly curve: CurveParams;
  /**
   * Whether OpenSSL's GOST engine writes the digest OID (1.2.643.7.1.1.2.2) into the key's
   * parameters. It does for the CryptoPro OIDs and omits it for the tc26 OIDs
   * (R 1323565.1.024-2019 makes it optional for 256-bit keys).
   */
  readonly digestParamInKey: boolean;
}

export const PARAM_SETS: readonly ParamSetInfo[] = [
  { paramSet: 'tc26-256-A', oid: GOST_OIDS.tc26_256_A, curve: TC26_A, digestParamInKey: false },
  { paramSet: 'tc26-256-B', oid: GOST_OIDS.tc26_256_B, curve: CRYPTOPRO_A, digestParamInKey: false },
  { paramSet: 'tc26-256-C', oid: GOST_OIDS.tc26_256_C, curve: CRYPTOPRO_B, digestParamInKey: false },
  { paramSet: 'tc26-256-D', oid: GOST_OIDS.tc26_256_D, curve: CRYPTOPRO_C, digestParamInKey: false },
  { paramSet: 'cryptopro-A', oid: GOST_OIDS.cryptoproA, curve: CRYPTOPRO_A, digestParamInKey: true },
  { paramSet: 'cryptopro-B', oid: GOST_OIDS.cryptoproB, curve: CRYPTOPRO_B, digestParamInKey: true },
  { paramSet: 'cryptopro-C', oid: GOST_OIDS.cryptoproC, curve: CRYPTOPRO_C, digestParamInKey: true },
  { paramSet: 'cryptopro-XchA', oid: GOST_OIDS.cryptoproXchA, curve: CRYPTOPRO_A, digestParamInKey: true },
  { paramSet: 'cryptopro-XchB', oid: GOST_OIDS.cryptoproXchB, curve: CRYPTOPRO_C, digestParamInKey: true },
];

/** All supported parameter set names, in a stable order. */
export const GOST_PARAM_SETS: readonly GostParamSet[] = PARAM_SETS.map((info) => info.paramSet);

export function paramSetInfo(paramSet: GostParamSet): ParamSetInfo {
  const info = PARAM_SETS.find((candidate) => candidate.paramSet === paramSet);
  if (!info) {
    throw new CryptoError('UNSUPPORTED_PARAM_SET', `Unknown GOST parameter set "${String(paramSet)}"`);
  }
  return info;
}

export function paramSetFromOid(oid: string): GostParamSet {
  const info = PARAM_SETS.find((candidate) => candidate.oid === oid);
  if (!info) {
    throw new CryptoError(
      'UNSUPPORTED_PARAM_SET',
      `Unsupported GOST R 34.10-2012 256-bit parameter set OID ${oid}`,
    );
  }
  return info.paramSet;
}

export function isGostParamSet(value: unknown): value is GostParamSet {
  return typeof value === 'string' && GOST_PARAM_SETS.includes(value as GostParamSet);
}
