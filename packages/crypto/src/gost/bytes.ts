/** Byte ↔ integer conversions. GOST mixes both orders, so every call site names the one it needs. */

export function bigintFromLittleEndian(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) {
    value = (value << 8n) | BigInt(bytes[i] as number);
  }
  return value;
}

export function bigintFromBigEndian(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = 0; i < bytes.length; i++) {
    value = (value << 8n) | BigInt(bytes[i] as number);
  }
  return value;
}

export function bigintToBigEndian(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

export function bigintToLittleEndian(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = value;
  for (let i = 0; i < length; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Uniform-enough random integer in [1, n − 1]: 64 random bytes reduced mod n − 1 (bias < 2^-250). */
export function randomScalar(n: bigint): bigint {
  const source = globalThis.crypto;
  const bytes = new Uint8Array(64);
  source.getRandomValues(bytes);
  return (bigintFromBigEndian(bytes) % (n - 1n)) + 1n;
}
