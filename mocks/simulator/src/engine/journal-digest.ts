/**
 * SHA-256 of a body for the journal, synchronously: the journal keeps a bounded excerpt of each body
 * and the size and hash of the whole, so the hash is taken before the body is let go. Node's own
 * digest when the runtime has one (process.getBuiltinModule, Node ≥ 20.16), a plain implementation
 * of FIPS 180-4 otherwise (browsers running the MSW handlers, where bodies are small). Streamed bodies
 * are hashed piece by piece as they are sent (`createSha256`).
 */

type HashFunction = (bytes: Uint8Array) => string;

interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(encoding: 'hex'): string;
}

interface NodeCrypto {
  createHash(name: 'sha256'): NodeHash;
}

function nodeCrypto(): NodeCrypto | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  return proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
}

function nodeDigest(): HashFunction | undefined {
  const crypto = nodeCrypto();
  return crypto === undefined
    ? undefined
    : (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** An incremental SHA-256: `update` as the bytes come, `digest` once at the end. */
export interface Sha256 {
  update(bytes: Uint8Array): void;
  digest(): string;
}

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** FIPS 180-4 SHA-256, fed in pieces (browsers running the MSW handlers; Node uses its own). */
export class PortableSha256 implements Sha256 {
  readonly #h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  readonly #w = new Uint32Array(64);
  readonly #block = new Uint8Array(64);
  readonly #view = new DataView(this.#block.buffer);
  #filled = 0;
  #length = 0;

  update(bytes: Uint8Array): void {
    this.#length += bytes.length;
    let offset = 0;
    while (offset < bytes.length) {
      const take = Math.min(64 - this.#filled, bytes.length - offset);
      this.#block.set(bytes.subarray(offset, offset + take), this.#filled);
      this.#filled += take;
      offset += take;
      if (this.#filled === 64) {
        this.#compress();
        this.#filled = 0;
      }
    }
  }

  digest(): string {
    const bitLength = this.#length * 8;
    const tail = new Uint8Array(((this.#filled + 9 + 63) >> 6) << 6);
    tail[0] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(tail.length - 8 - this.#filled, Math.floor(bitLength / 0x1_0000_0000));
    view.setUint32(tail.length - 4 - this.#filled, bitLength >>> 0);
    this.#length -= tail.length - this.#filled;
    this.update(tail.subarray(0, tail.length - this.#filled));
    return Array.from(this.#h, (word) => word.toString(16).padStart(8, '0')).join('');
  }

  #compress(): void {
    const w = this.#w;
    const h = this.#h;
    for (let i = 0; i < 16; i += 1) {
      w[i] = this.#view.getUint32(i * 4);
    }
    for (let i = 16; i < 64; i += 1) {
      const a = w[i - 15] as number;
      const b = w[i - 2] as number;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as number[];
    for (let i = 0; i < 64; i += 1) {
      const s1 = rotr(e as number, 6) ^ rotr(e as number, 11) ^ rotr(e as number, 25);
      const ch = ((e as number) & (f as number)) ^ (~(e as number) & (g as number));
      const t1 = ((hh as number) + s1 + ch + (K[i] as number) + (w[i] as number)) >>> 0;
      const s0 = rotr(a as number, 2) ^ rotr(a as number, 13) ^ rotr(a as number, 22);
      const maj =
        ((a as number) & (b as number)) ^ ((a as number) & (c as number)) ^ ((b as number) & (c as number));
      const t2 = (s0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = ((d as number) + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const next = [a, b, c, d, e, f, g, hh] as number[];
    for (let i = 0; i < 8; i += 1) {
      h[i] = ((h[i] as number) + (next[i] as number)) >>> 0;
    }
  }
}

/** FIPS 180-4 SHA-256 over the whole input at once. */
export function sha256HexPortable(bytes: Uint8Array): string {
  const hash = new PortableSha256();
  hash.update(bytes);
  return hash.digest();
}

let chosen: HashFunction | undefined;

/** Hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array): string {
  chosen ??= nodeDigest() ?? sha256HexPortable;
  return chosen(bytes);
}

/** An incremental SHA-256 for a body seen in pieces (a streamed response). */
export function createSha256(): Sha256 {
  const crypto = nodeCrypto();
  if (crypto === undefined) {
    return new PortableSha256();
  }
  const hash = crypto.createHash('sha256');
  return {
    update(bytes) {
      hash.update(bytes);
    },
    digest: () => hash.digest('hex'),
  };
}
