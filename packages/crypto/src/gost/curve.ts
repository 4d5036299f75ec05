import { invert, invertAll, mod } from './modular.js';
import type { CurveParams } from './params.js';

/** Affine point; `null` stands for the point at infinity where a function may return it. */
export interface AffinePoint {
  readonly x: bigint;
  readonly y: bigint;
}

/** Jacobian coordinates: (X, Y, Z) ↔ (X/Z², Y/Z³); Z = 0 is the point at infinity. */
interface JacobianPoint {
  x: bigint;
  y: bigint;
  z: bigint;
}

/** Bits per window of the fixed-base table: 8 → 32 windows × 255 points, 32 additions per k·G. */
const FIXED_WINDOW = 8;
/**
 * The generator's table costs ≈ 8 000 additions, as much as some 60 wNAF multiplications: the first
 * FIXED_TABLE_AFTER uses of G go through wNAF, so a process that derives one key or makes one
 * certificate (a CLI start) never pays for it; a signer or verifier builds it on its next use.
 */
const FIXED_TABLE_AFTER = 16;
/** wNAF width for the variable-base multiplication (odd multiples 1·Q…15·Q). */
const WNAF_WIDTH = 5;
/** Bits per window of a cached public-key table: 64 windows × 15 points. */
const PUBLIC_WINDOW = 4;
/** A public key gets its own table from its third verification on. */
const PUBLIC_TABLE_AFTER = 3;
/** Public-key tables kept per curve (least recently used dropped first). */
const PUBLIC_TABLE_CACHE = 16;

const INFINITY = (): JacobianPoint => ({ x: 1n, y: 1n, z: 0n });

/**
 * Arithmetic on one curve: Jacobian doubling/addition with few BigInt allocations, a lazily built
 * fixed-base table for the generator, and wNAF for other points.
 */
export class Curve {
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly q: bigint;
  readonly g: AffinePoint;
  readonly #aIsMinus3: boolean;
  #fixedTable: AffinePoint[][] | undefined;
  #baseUses = 0;
  readonly #publicTables = new Map<string, { uses: number; table?: AffinePoint[][] }>();

  constructor(readonly params: CurveParams) {
    this.p = params.p;
    this.a = params.a;
    this.b = params.b;
    this.q = params.q;
    this.g = { x: params.x, y: params.y };
    this.#aIsMinus3 = params.a === params.p - 3n;
  }

  isOnCurve(point: AffinePoint): boolean {
    const { p } = this;
    if (point.x < 0n || point.x >= p || point.y < 0n || point.y >= p) {
      return false;
    }
    const lhs = (point.y * point.y) % p;
    const rhs = (((point.x * point.x) % p) * point.x + this.a * point.x + this.b) % p;
    return lhs === rhs;
  }

  /** k·G: the precomputed table (no doublings) once G is in regular use, wNAF before. Null for infinity. */
  multiplyBase(k: bigint): AffinePoint | null {
    const acc = INFINITY();
    this.#addBase(acc, mod(k, this.q));
    return this.#toAffine(acc);
  }

  /** k·P for an arbitrary point P (wNAF). */
  multiply(point: AffinePoint, k: bigint): AffinePoint | null {
    return this.#toAffine(this.#multiplyJacobian(point, mod(k, this.q)));
  }

  /**
   * u1·G + u2·Q. G uses its fixed-base table once built (FIXED_TABLE_AFTER). Q uses wNAF (256
   * doublings), unless Q was seen PUBLIC_TABLE_AFTER times recently: then a 4-bit fixed-base table for
   * Q is built once (≈ the cost of six verifications) and later verifications with that key need no
   * doublings at all — the common case of a server checking many signatures from the same few
   * certificates.
   */
  multiplyTwo(u1: bigint, q: AffinePoint, u2: bigint): AffinePoint | null {
    const table = this.#publicKeyTable(q);
    let acc: JacobianPoint;
    if (table) {
      acc = INFINITY();
      this.#addFixed(acc, table, PUBLIC_WINDOW, mod(u2, this.q));
    } else {
      acc = this.#multiplyJacobian(q, mod(u2, this.q));
    }
    this.#addBase(acc, mod(u1, this.q));
    return this.#toAffine(acc);
  }

  /** acc += scalar·G, by the fixed-base table when it exists or is due, else by wNAF. */
  #addBase(acc: JacobianPoint, scalar: bigint): void {
    if (this.#fixedTable === undefined && ++this.#baseUses <= FIXED_TABLE_AFTER) {
      const product = this.#toAffine(this.#multiplyJacobian(this.g, scalar));
      if (product) {
        this.#addAffine(acc, product);
      }
      return;
    }
    this.#addFixed(acc, this.#baseTable(), FIXED_WINDOW, scalar);
  }

  /** acc += scalar·B where table[w][d − 1] = d·2^(bits·w)·B. */
  #addFixed(acc: JacobianPoint, table: AffinePoint[][], bits: number, scalar: bigint): void {
    const mask = BigInt((1 << bits) - 1);
    const shift = BigInt(bits);
    let rest = scalar;
    for (let window = 0; rest > 0n; window++) {
      const digit = Number(rest & mask);
      rest >>= shift;
      if (digit !== 0) {
        this.#addAffine(acc, (table[window] as AffinePoint[])[digit - 1] as AffinePoint);
      }
    }
  }

  #publicKeyTable(q: AffinePoint): AffinePoint[][] | undefined {
    const id = `${q.x.toString(36)}:${q.y.toString(36)}`;
    const entry = this.#publicTables.get(id);
    if (entry) {
      // move to the end: the map's insertion order doubles as LRU order
      this.#publicTables.delete(id);
      this.#publicTables.set(id, entry);
      entry.uses++;
      if (!entry.table && entry.uses >= PUBLIC_TABLE_AFTER) {
        entry.table = this.#buildTable(q, PUBLIC_WINDOW);
      }
      return entry.table;
    }
    this.#publicTables.set(id, { uses: 1 });
    if (this.#publicTables.size > PUBLIC_TABLE_CACHE) {
      const oldest = this.#publicTables.keys().next().value;
      if (oldest !== undefined) {
        this.#publicTables.delete(oldest);
      }
    }
    return undefined;
  }

  #multiplyJacobian(point: AffinePoint, k: bigint): JacobianPoint {
    const acc = INFINITY();
    if (k === 0n) {
      return acc;
    }
    const odd = this.#oddMultiples(point);
    const negated = odd.map((pt) => ({ x: pt.x, y: pt.y === 0n ? 0n : this.p - pt.y }));
    const digits = wnaf(k, WNAF_WIDTH);
    for (let i = digits.length - 1; i >= 0; i--) {
      this.#double(acc);
      const digit = digits[i] as number;
      if (digit > 0) {
        this.#addAffine(acc, odd[(digit - 1) >> 1] as AffinePoint);
      } else if (digit < 0) {
        this.#addAffine(acc, negated[(-digit - 1) >> 1] as AffinePoint);
      }
    }
    return acc;
  }

  /** P, 3P, 5P, …, (2^(w−1) − 1)P in affine form with a single inversion. */
  #oddMultiples(point: AffinePoint): AffinePoint[] {
    const count = 1 << (WNAF_WIDTH - 2);
    const twice: JacobianPoint = { x: point.x, y: point.y, z: 1n };
    this.#double(twice);
    const twiceAffine = this.#toAffine(twice);
    const jacobian: JacobianPoint[] = [{ x: point.x, y: point.y, z: 1n }];
    for (let i = 1; i < count; i++) {
      const prev = jacobian[i - 1] as JacobianPoint;
      const next = { x: prev.x, y: prev.y, z: prev.z };
      if (twiceAffine) {
        this.#addAffine(next, twiceAffine);
      }
      jacobian.push(next);
    }
    return this.#normalizeAll(jacobian);
  }

  #baseTable(): AffinePoint[][] {
    this.#fixedTable ??= this.#buildTable(this.g, FIXED_WINDOW);
    return this.#fixedTable;
  }

  /** table[w][d − 1] = d·2^(bits·w)·base for every window w of a scalar below q. */
  #buildTable(base: AffinePoint, bits: number): AffinePoint[][] {
    const windows = Math.ceil(this.q.toString(2).length / bits);
    const size = (1 << bits) - 1;
    const table: AffinePoint[][] = [];
    let windowBase: AffinePoint = base;
    for (let w = 0; w < windows; w++) {
      const row: JacobianPoint[] = [];
      const acc: JacobianPoint = { x: windowBase.x, y: windowBase.y, z: 1n };
      row.push({ ...acc });
      for (let d = 2; d <= size; d++) {
        this.#addAffine(acc, windowBase);
        row.push({ ...acc });
      }
      table.push(this.#normalizeAll(row));
      // next window base = 2^bits · windowBase = (size · windowBase) + windowBase
      const next: JacobianPoint = { ...(row[size - 1] as JacobianPoint) };
      this.#addAffine(next, windowBase);
      const normalized = this.#toAffine(next);
      if (!normalized) {
        break;
      }
      windowBase = normalized;
    }
    return table;
  }

  #normalizeAll(points: JacobianPoint[]): AffinePoint[] {
    const { p } = this;
    const inverses = invertAll(
      points.map((pt) => pt.z),
      p,
    );
    return points.map((pt, i) => {
      const zInv = inverses[i] as bigint;
      const zInv2 = (zInv * zInv) % p;
      return { x: (pt.x * zInv2) % p, y: (((pt.y * zInv2) % p) * zInv) % p };
    });
  }

  #toAffine(pt: JacobianPoint): AffinePoint | null {
    if (pt.z === 0n) {
      return null;
    }
    const { p } = this;
    const zInv = invert(pt.z, p);
    const zInv2 = (zInv * zInv) % p;
    return { x: (pt.x * zInv2) % p, y: (((pt.y * zInv2) % p) * zInv) % p };
  }

  /**
   * In-place doubling (dbl-2001-b for a = −3, dbl-2007-bl otherwise). Intermediate values may be
   * negative or a few multiples of p; only what feeds a product or the result gets reduced, and
   * 2yz replaces (y + z)² − y² − z² because a BigInt product is cheaper than a square plus two subtractions.
   */
  #double(pt: JacobianPoint): void {
    if (pt.z === 0n) {
      return;
    }
    const { p } = this;
    const { x, y, z } = pt;
    if (y === 0n) {
      pt.z = 0n;
      return;
    }
    let x3: bigint;
    let y3: bigint;
    if (this.#aIsMinus3) {
      const delta = (z * z) % p;
      const gamma = (y * y) % p;
      const beta = (x * gamma) % p;
      const alpha = (3n * (x - delta) * (x + delta)) % p;
      x3 = (alpha * alpha - (beta << 3n)) % p;
      if (x3 < 0n) {
        x3 += p;
      }
      y3 = (alpha * ((beta << 2n) - x3) - ((gamma * gamma) << 3n)) % p;
    } else {
      const xx = (x * x) % p;
      const yy = (y * y) % p;
      const yyyy = (yy * yy) % p;
      const zz = (z * z) % p;
      const s = (((x * yy) % p) << 2n) % p;
      const m = (3n * xx + this.a * ((zz * zz) % p)) % p;
      x3 = (m * m - (s << 1n)) % p;
      if (x3 < 0n) {
        x3 += p;
      }
      y3 = (m * (s - x3) - (yyyy << 3n)) % p;
    }
    if (y3 < 0n) {
      y3 += p;
    }
    pt.x = x3;
    pt.y = y3;
    pt.z = ((y * z) << 1n) % p;
  }

  /** In-place mixed addition pt += (x2, y2) (madd-2007-bl), handling doubling and infinity. */
  #addAffine(pt: JacobianPoint, other: AffinePoint): void {
    const { p } = this;
    if (pt.z === 0n) {
      pt.x = other.x;
      pt.y = other.y;
      pt.z = 1n;
      return;
    }
    const { x: x1, y: y1, z: z1 } = pt;
    const z1z1 = (z1 * z1) % p;
    const u2 = (other.x * z1z1) % p;
    const s2 = (((other.y * z1) % p) * z1z1) % p;
    // both differences lie in (−p, p): zero exactly when the coordinates match
    const h = u2 - x1;
    const r = (s2 - y1) << 1n;
    if (h === 0n) {
      if (r === 0n) {
        this.#double(pt);
      } else {
        pt.z = 0n;
      }
      return;
    }
    const hh = (h * h) % p;
    const i = hh << 2n;
    const j = (h * i) % p;
    const v = (x1 * i) % p;
    let x3 = (r * r - j - (v << 1n)) % p;
    if (x3 < 0n) {
      x3 += p;
    }
    let y3 = (r * (v - x3) - ((y1 * j) << 1n)) % p;
    if (y3 < 0n) {
      y3 += p;
    }
    let z3 = ((z1 * h) << 1n) % p;
    if (z3 < 0n) {
      z3 += p;
    }
    pt.x = x3;
    pt.y = y3;
    pt.z = z3;
  }
}

/** Width-w non-adjacent form, least significant digit first; digits are odd and |d| < 2^(w−1). */
function wnaf(k: bigint, width: number): number[] {
  const digits: number[] = [];
  const full = 1 << width;
  const half = full >> 1;
  const mask = BigInt(full - 1);
  let n = k;
  while (n > 0n) {
    let digit = 0;
    if (n & 1n) {
      digit = Number(n & mask);
      if (digit >= half) {
        digit -= full;
      }
      n -= BigInt(digit);
    }
    digits.push(digit);
    n >>= 1n;
  }
  return digits;
}

const curves = new Map<CurveParams, Curve>();

/** One cached Curve (and so one fixed-base table) per parameter object. */
export function curveFor(params: CurveParams): Curve {
  let curve = curves.get(params);
  if (!curve) {
    curve = new Curve(params);
    curves.set(params, curve);
  }
  return curve;
}
