import { describe, expect, it } from 'vitest';
import { type AffinePoint, Curve } from '../src/gost/curve.js';
import { paramSetInfo, TEST_CURVE } from '../src/gost/params.js';

// k·G goes through wNAF for a curve's first uses and through the fixed-base table after it is built
// (a one-off key derivation does not pay for the table): both paths must give the same points.

/** 20 scalars spread over [1, q): enough uses to cross the point where the table is built. */
function scalars(q: bigint): bigint[] {
  return Array.from({ length: 20 }, (_, i) => ((q / 21n) * BigInt(i + 1) + BigInt(i * 7919)) % q);
}

const same = (a: AffinePoint | null, b: AffinePoint | null): boolean =>
  a === null || b === null ? a === b : a.x === b.x && a.y === b.y;

describe('GOST curve: k·G before and after the fixed-base table', () => {
  it('a fresh curve derives the published key of Appendix A.1 on its first use', () => {
    const curve = new Curve(TEST_CURVE);
    const q = curve.multiplyBase(0x7a929ade789bb9be10ed359dd39a72c11b60961f49397eee1d19ce9891ec3b28n);
    expect(q?.x).toBe(0x7f2b49e270db6d90d8595bec458b50c58585ba1d4e9b788f6689dbd8e56fd80bn);
    expect(q?.y).toBe(0x26f1b489d6701dd185c8413a977b3cbbaf64d1c593d26627dffb101a87ff77dan);
  });

  it.each([
    ['A.1 test curve', TEST_CURVE],
    ['tc26-256-A', paramSetInfo('tc26-256-A').curve],
  ])('%s: multiplyBase equals the generic k·P on every use, across the switch', (_name, params) => {
    const curve = new Curve(params);
    for (const k of scalars(params.q)) {
      const viaBase = curve.multiplyBase(k);
      expect(viaBase).not.toBeNull();
      expect(same(viaBase, curve.multiply(curve.g, k))).toBe(true);
    }
    expect(curve.multiplyBase(0n)).toBeNull();
    expect(curve.multiplyBase(params.q)).toBeNull();
  });

  it('multiplyTwo gives the same sums on a fresh curve and on one whose table is built', () => {
    const fresh = new Curve(TEST_CURVE);
    const warm = new Curve(TEST_CURVE);
    const ks = scalars(TEST_CURVE.q);
    for (const k of ks) {
      warm.multiplyBase(k);
    }
    const point = warm.multiplyBase(ks[3] as bigint) as AffinePoint;
    const cases: [bigint, bigint][] = [
      [ks[0] as bigint, ks[1] as bigint],
      [0n, ks[2] as bigint],
      [ks[4] as bigint, 0n],
      // u1·G + u2·P = O when P = k3·G and u1 = −u2·k3
      [
        (TEST_CURVE.q - (((ks[5] as bigint) * (ks[3] as bigint)) % TEST_CURVE.q)) % TEST_CURVE.q,
        ks[5] as bigint,
      ],
    ];
    for (const [u1, u2] of cases) {
      expect(same(fresh.multiplyTwo(u1, point, u2), warm.multiplyTwo(u1, point, u2))).toBe(true);
    }
    expect(fresh.multiplyTwo(cases[3]?.[0] as bigint, point, cases[3]?.[1] as bigint)).toBeNull();
  });
});
