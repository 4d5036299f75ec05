import { CryptoError } from '../errors.js';
import { A_MATRIX, ITERATION_CONSTANTS, PI } from './streebog-constants.js';

/*
 * GOST R 34.11-2012 "Streebog" (RFC 6986) with precomputed LPS tables.
 *
 * The 512-bit state lives in an Int32Array of 16 limbs: limb 2w is the low and 2w+1 the high half of
 * 64-bit word w, words little-endian. That is the byte order OpenSSL's GOST engine uses: message
 * byte 0 is the least significant byte of the first block, and the digest is the state's bytes
 * 0…63 (512) or 32…63 (256) in memory order — exactly what `openssl dgst -md_gost12_*` prints.
 * One LPS step then is 8 × 8 lookups into tables T[j][byte] = l(π(byte) placed at byte j).
 */

const TABLE_LO = new Int32Array(8 * 256);
const TABLE_HI = new Int32Array(8 * 256);
const C_LIMBS: Int32Array[] = [];

function buildTables(): void {
  const rowsLo = A_MATRIX.map((hex) => Number.parseInt(hex.slice(8), 16) | 0);
  const rowsHi = A_MATRIX.map((hex) => Number.parseInt(hex.slice(0, 8), 16) | 0);
  for (let j = 0; j < 8; j++) {
    for (let b = 0; b < 256; b++) {
      const s = PI[b] as number;
      let lo = 0;
      let hi = 0;
      for (let bit = 0; bit < 8; bit++) {
        if ((s >>> bit) & 1) {
          // bit position 8j+bit counted from the least significant end ↔ row 63 − position
          const row = 63 - (8 * j + bit);
          lo ^= rowsLo[row] as number;
          hi ^= rowsHi[row] as number;
        }
      }
      TABLE_LO[(j << 8) | b] = lo;
      TABLE_HI[(j << 8) | b] = hi;
    }
  }
  for (const hex of ITERATION_CONSTANTS) {
    // printed big-endian: the last hex byte is the least significant byte (byte 0)
    const bytes = new Uint8Array(64);
    for (let i = 0; i < 64; i++) {
      bytes[63 - i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    }
    const limbs = new Int32Array(16);
    loadBlock(bytes, 0, limbs);
    C_LIMBS.push(limbs);
  }
}

function loadBlock(src: Uint8Array, offset: number, out: Int32Array): void {
  for (let i = 0; i < 16; i++) {
    const o = offset + 4 * i;
    out[i] =
      (src[o] as number) |
      ((src[o + 1] as number) << 8) |
      ((src[o + 2] as number) << 16) |
      ((src[o + 3] as number) << 24);
  }
}

/** out = LPS(a ⊕ b); out may alias a or b. Unrolled: this is the hot loop of the hash. */
function xlps(a: Int32Array, b: Int32Array, out: Int32Array): void {
  const TL = TABLE_LO;
  const TH = TABLE_HI;
  const r0 = (a[0] as number) ^ (b[0] as number);
  const r1 = (a[1] as number) ^ (b[1] as number);
  const r2 = (a[2] as number) ^ (b[2] as number);
  const r3 = (a[3] as number) ^ (b[3] as number);
  const r4 = (a[4] as number) ^ (b[4] as number);
  const r5 = (a[5] as number) ^ (b[5] as number);
  const r6 = (a[6] as number) ^ (b[6] as number);
  const r7 = (a[7] as number) ^ (b[7] as number);
  const r8 = (a[8] as number) ^ (b[8] as number);
  const r9 = (a[9] as number) ^ (b[9] as number);
  const r10 = (a[10] as number) ^ (b[10] as number);
  const r11 = (a[11] as number) ^ (b[11] as number);
  const r12 = (a[12] as number) ^ (b[12] as number);
  const r13 = (a[13] as number) ^ (b[13] as number);
  const r14 = (a[14] as number) ^ (b[14] as number);
  const r15 = (a[15] as number) ^ (b[15] as number);
  {
    const i0 = r0 & 255;
    const i1 = 256 | (r2 & 255);
    const i2 = 512 | (r4 & 255);
    const i3 = 768 | (r6 & 255);
    const i4 = 1024 | (r8 & 255);
    const i5 = 1280 | (r10 & 255);
    const i6 = 1536 | (r12 & 255);
    const i7 = 1792 | (r14 & 255);
    out[0] =
      (TL[i0] as number) ^
      (TL[i1] as number) ^
      (TL[i2] as number) ^
      (TL[i3] as number) ^
      (TL[i4] as number) ^
      (TL[i5] as number) ^
      (TL[i6] as number) ^
      (TL[i7] as number);
    out[1] =
      (TH[i0] as number) ^
      (TH[i1] as number) ^
      (TH[i2] as number) ^
      (TH[i3] as number) ^
      (TH[i4] as number) ^
      (TH[i5] as number) ^
      (TH[i6] as number) ^
      (TH[i7] as number);
  }
  {
    const i0 = (r0 >>> 8) & 255;
    const i1 = 256 | ((r2 >>> 8) & 255);
    const i2 = 512 | ((r4 >>> 8) & 255);
    const i3 = 768 | ((r6 >>> 8) & 255);
    const i4 = 1024 | ((r8 >>> 8) & 255);
    const i5 = 1280 | ((r10 >>> 8) & 255);
    const i6 = 1536 | ((r12 >>> 8) & 255);
    const i7 = 1792 | ((r14 >>> 8) & 255);
    out[2] =
      (TL[i0] as number) ^
      (TL[i1] as number) ^
      (TL[i2] as number) ^
      (TL[i3] as number) ^
      (TL[i4] as number) ^
      (TL[i5] as number) ^
      (TL[i6] as number) ^
      (TL[i7] as number);
    out[3] =
      (TH[i0] as number) ^
      (TH[i1] as number) ^
      (TH[i2] as number) ^
      (TH[i3] as number) ^
      (TH[i4] as number) ^
      (TH[i5] as number) ^
      (TH[i6] as number) ^
      (TH[i7] as number);
  }
  {
    const i0 = (r0 >>> 16) & 255;
    const i1 = 256 | ((r2 >>> 16) & 255);
    const i2 = 512 | ((r4 >>> 16) & 255);
    const i3 = 768 | ((r6 >>> 16) & 255);
    const i4 = 1024 | ((r8 >>> 16) & 255);
    const i5 = 1280 | ((r10 >>> 16) & 255);
    const i6 = 1536 | ((r12 >>> 16) & 255);
    const i7 = 1792 | ((r14 >>> 16) & 255);
    out[4] =
      (TL[i0] as number) ^
      (TL[i1] as number) ^
      (TL[i2] as number) ^
      (TL[i3] as number) ^
      (TL[i4] as number) ^
      (TL[i5] as number) ^
      (TL[i6] as number) ^
      (TL[i7] as number);
    out[5] =
      (TH[i0] as number) ^
      (TH[i1] as number) ^
      (TH[i2] as number) ^
      (TH[i3] as number) ^
      (TH[i4] as number) ^
      (TH[i5] as number) ^
      (TH[i6] as number) ^
      (TH[i7] as number);
  }
  {
    const i0 = r0 >>> 24;
    const i1 = 256 | (r2 >>> 24);
    const i2 = 512 | (r4 >>> 24);
    const i3 = 768 | (r6 >>> 24);
    const i4 = 1024 | (r8 >>> 24);
    const i5 = 1280 | (r10 >>> 24);
    const i6 = 1536 | (r12 >>> 24);
    const i7 = 1792 | (r14 >>> 24);
    out[6] =
      (TL[i0] as number) ^
      (TL[i1] as number) ^
      (TL[i2] as number) ^
      (TL[i3] as number) ^
      (TL[i4] as number) ^
      (TL[i5] as number) ^
      (TL[i6] as number) ^
      (TL[i7] as number);
    out[7] =
      (TH[i0] as number) ^
      (TH[i1] as number) ^
      (TH[i2] as number) ^
      (TH[i3] as number) ^
      (TH[i4] as number) ^
      (TH[i5] as number) ^
      (TH[i6] as number) ^
      (TH[i7] as number);
  }
  {
    const i0 = r1 & 255;
    const i1 = 256 | (r3 & 255);
    const i2 = 512 | (r5 & 255);
    const i3 = 768 | (r7 & 255);
    const i4 = 1024 | (r9 & 255);
    const i5 = 1280 | (r11 & 255);
    const i6 = 1536 | (r13 & 255);
    const i7 = 1792 | (r15 & 255);
    out[8] =
      (TL[i0] as number) ^
      (TL[i1] as number) ^
      (TL[i2] as number) ^
      (TL[i3] as number) ^
      (TL[i4] as number) ^
      (TL[i5] as number) ^
      (TL[i6] as number) ^
      (TL[i7] as number);
    out[9] =
      (TH[i0] as number) ^
      (TH[i1] as number) ^
      (TH[i2] as number) ^
      (TH[i3] as number) ^
      (TH[i4] as number) ^
      (TH[i5] as number) ^
      (TH[i6] as number) ^
      (TH[i7] as number);
  }
  {
    const i0 = (r1 >>> 8) & 255;
    const i1 = 256 | ((r3 >>> 8) & 255);
    const i2 = 512 | ((r5 >>> 8) & 255);
    const i3 = 768 | ((r7 >>> 8) & 255);
    const i4 = 1024 | ((r9 >>> 8) & 255);
    const i5 = 1280 | ((r11 >>> 8) & 255);
    const i6 = 1536 | ((r13 >>> 8) & 255);
    const i7 = 1792 | ((r15 >>> 8) & 255);
    out[10] =
      (TL[i0] as number) ^
      (TL[i1] as number) ^
      (TL[i2] as number) ^
      (TL[i3] as number) ^
      (TL[i4] as number) ^
      (TL[i5] as number) ^
      (TL[i6] as number) ^
      (TL[i7] as number);
    out[11] =
      (TH[i0] as number) ^
      (TH[i1] as number) ^
      (TH[i2] as number) ^
      (TH[i3] as number) ^
      (TH[i4] as number) ^
      (TH[i5] as number) ^
      (TH[i6] as number) ^
      (TH[i7] as number);
  }
  {
    const i0 = (r1 >>> 16) & 255;
    const i1 = 256 | ((r3 >>> 16) & 255);
    const i2 = 512 | ((r5 >>> 16) & 255);
    const i3 = 768 | ((r7 >>> 16) & 255);
    const i4 = 1024 | ((r9 >>> 16) & 255);
    const i5 = 1280 | ((r11 >>> 16) & 255);
    const i6 = 1536 | ((r13 >>> 16) & 255);
    const i7 = 1792 | ((r15 >>> 16) & 255);
    out[12] =
      (TL[i0] as number) ^
      (TL[i1] as number) ^
      (TL[i2] as number) ^
      (TL[i3] as number) ^
      (TL[i4] as number) ^
      (TL[i5] as number) ^
      (TL[i6] as number) ^
      (TL[i7] as number);
    out[13] =
      (TH[i0] as number) ^
      (TH[i1] as number) ^
      (TH[i2] as number) ^
      (TH[i3] as number) ^
      (TH[i4] as number) ^
      (TH[i5] as number) ^
      (TH[i6] as number) ^
      (TH[i7] as number);
  }
  {
    const i0 = r1 >>> 24;
    const i1 = 256 | (r3 >>> 24);
    const i2 = 512 | (r5 >>> 24);
    const i3 = 768 | (r7 >>> 24);
    const i4 = 1024 | (r9 >>> 24);
    const i5 = 1280 | (r11 >>> 24);
    const i6 = 1536 | (r13 >>> 24);
    const i7 = 1792 | (r15 >>> 24);
    out[14] =
      (TL[i0] as number) ^
      (TL[i1] as number) ^
      (TL[i2] as number) ^
      (TL[i3] as number) ^
      (TL[i4] as number) ^
      (TL[i5] as number) ^
      (TL[i6] as number) ^
      (TL[i7] as number);
    out[15] =
      (TH[i0] as number) ^
      (TH[i1] as number) ^
      (TH[i2] as number) ^
      (TH[i3] as number) ^
      (TH[i4] as number) ^
      (TH[i5] as number) ^
      (TH[i6] as number) ^
      (TH[i7] as number);
  }
}

const key = new Int32Array(16);
const tmp = new Int32Array(16);

/** Compression g_N(h, m) = E(LPS(h ⊕ N), m) ⊕ h ⊕ m, written into h. */
function compress(h: Int32Array, n: Int32Array, m: Int32Array): void {
  xlps(h, n, key);
  xlps(key, m, tmp);
  for (let i = 0; i < 11; i++) {
    xlps(key, C_LIMBS[i] as Int32Array, key);
    xlps(key, tmp, tmp);
  }
  xlps(key, C_LIMBS[11] as Int32Array, key);
  for (let i = 0; i < 16; i++) {
    h[i] = (h[i] as number) ^ (tmp[i] as number) ^ (key[i] as number) ^ (m[i] as number);
  }
}

/** acc += value (mod 2^512), both as 16 little-endian 32-bit limbs. */
function add512(acc: Int32Array, value: Int32Array): void {
  let carry = 0;
  for (let i = 0; i < 16; i++) {
    const sum = ((acc[i] as number) >>> 0) + ((value[i] as number) >>> 0) + carry;
    acc[i] = sum | 0;
    carry = sum > 0xffffffff ? 1 : 0;
  }
}

function addSmall(acc: Int32Array, value: number): void {
  let carry = value;
  for (let i = 0; i < 16 && carry !== 0; i++) {
    const sum = ((acc[i] as number) >>> 0) + carry;
    acc[i] = sum | 0;
    carry = sum > 0xffffffff ? 1 : 0;
  }
}

const ZERO = new Int32Array(16);
buildTables();

/** Incremental Streebog: `new Streebog(256).update(a).update(b).digest()`. */
export class Streebog {
  readonly bits: 256 | 512;
  readonly #h = new Int32Array(16);
  readonly #n = new Int32Array(16);
  readonly #sigma = new Int32Array(16);
  readonly #block = new Int32Array(16);
  readonly #buffer = new Uint8Array(64);
  #buffered = 0;
  #finished = false;

  constructor(bits: 256 | 512 = 256) {
    if (bits !== 256 && bits !== 512) {
      throw new CryptoError('INVALID_INPUT', 'Streebog output size must be 256 or 512 bits');
    }
    this.bits = bits;
    // IV: 0x01 in every byte for 256, zero for 512
    if (bits === 256) {
      this.#h.fill(0x01010101);
    }
  }

  update(chunk: Uint8Array): this {
    if (this.#finished) {
      throw new CryptoError('INVALID_INPUT', 'Streebog.update() called after digest()');
    }
    if (!(chunk instanceof Uint8Array)) {
      throw new CryptoError('INVALID_INPUT', 'Streebog.update() expects a Uint8Array');
    }
    let offset = 0;
    const length = chunk.length;
    if (this.#buffered > 0) {
      const take = Math.min(64 - this.#buffered, length);
      this.#buffer.set(chunk.subarray(0, take), this.#buffered);
      this.#buffered += take;
      offset = take;
      if (this.#buffered < 64) {
        return this;
      }
      this.#processBlock(this.#buffer, 0);
      this.#buffered = 0;
    }
    while (length - offset >= 64) {
      this.#processBlock(chunk, offset);
      offset += 64;
    }
    if (offset < length) {
      this.#buffer.set(chunk.subarray(offset), 0);
      this.#buffered = length - offset;
    }
    return this;
  }

  digest(): Uint8Array {
    if (this.#finished) {
      throw new CryptoError('INVALID_INPUT', 'Streebog.digest() called twice');
    }
    this.#finished = true;
    const padded = this.#buffer;
    padded.fill(0, this.#buffered);
    padded[this.#buffered] = 0x01;
    loadBlock(padded, 0, this.#block);
    compress(this.#h, this.#n, this.#block);
    addSmall(this.#n, this.#buffered * 8);
    add512(this.#sigma, this.#block);
    compress(this.#h, ZERO, this.#n);
    compress(this.#h, ZERO, this.#sigma);
    const full = new Uint8Array(64);
    for (let i = 0; i < 16; i++) {
      const v = this.#h[i] as number;
      full[4 * i] = v & 255;
      full[4 * i + 1] = (v >>> 8) & 255;
      full[4 * i + 2] = (v >>> 16) & 255;
      full[4 * i + 3] = (v >>> 24) & 255;
    }
    padded.fill(0);
    return this.bits === 512 ? full : full.slice(32);
  }

  #processBlock(source: Uint8Array, offset: number): void {
    loadBlock(source, offset, this.#block);
    compress(this.#h, this.#n, this.#block);
    addSmall(this.#n, 512);
    add512(this.#sigma, this.#block);
  }
}

/** Streebog-256 digest, the same bytes as `openssl dgst -engine gost -md_gost12_256 -binary`. */
export function streebog256(data: Uint8Array): Uint8Array {
  return new Streebog(256).update(data).digest();
}

/** Streebog-512 digest, the same bytes as `openssl dgst -engine gost -md_gost12_512 -binary`. */
export function streebog512(data: Uint8Array): Uint8Array {
  return new Streebog(512).update(data).digest();
}
