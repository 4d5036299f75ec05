/** Modular arithmetic on BigInt, shared by the field (mod p) and the scalar ring (mod q). */

export function mod(value: bigint, m: bigint): bigint {
  const r = value % m;
  return r < 0n ? r + m : r;
}

/** Inverse of value modulo an odd prime m by the extended Euclidean algorithm (faster than Fermat on BigInt). */
export function invert(value: bigint, m: bigint): bigint {
  let a = mod(value, m);
  if (a === 0n) {
    throw new RangeError('no inverse of zero');
  }
  let b = m;
  let x0 = 1n;
  let x1 = 0n;
  while (b !== 0n) {
    const quotient = a / b;
    const nextB = a - quotient * b;
    a = b;
    b = nextB;
    const nextX = x0 - quotient * x1;
    x0 = x1;
    x1 = nextX;
  }
  return x0 < 0n ? x0 + m : x0;
}

/** Inverts every element of values modulo m with one inversion (Montgomery's trick). */
export function invertAll(values: readonly bigint[], m: bigint): bigint[] {
  const prefix: bigint[] = new Array(values.length);
  let acc = 1n;
  for (let i = 0; i < values.length; i++) {
    prefix[i] = acc;
    acc = (acc * (values[i] as bigint)) % m;
  }
  let inv = invert(acc, m);
  const out: bigint[] = new Array(values.length);
  for (let i = values.length - 1; i >= 0; i--) {
    out[i] = (inv * (prefix[i] as bigint)) % m;
    inv = (inv * (values[i] as bigint)) % m;
  }
  return out;
}
