import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Streebog, streebog256, streebog512 } from '../src/gost/index.js';
import { openssl, skipOpenSsl, withTempDir } from './helpers/openssl.js';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const LENGTHS = [0, 1, 31, 32, 63, 64, 65, 127, 128, 129, 1000, 4096, 100_000];

function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 65_536) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65_536)));
  }
  return out;
}

/** Random chunk sizes, biased towards the 64-byte block boundary. */
function randomChunks(length: number): number[] {
  const sizes: number[] = [];
  let left = length;
  while (left > 0) {
    const pick = Math.random();
    const size = pick < 0.3 ? 64 : pick < 0.5 ? 1 : Math.floor(Math.random() * 300);
    sizes.push(Math.min(left, size));
    left -= Math.min(left, size);
  }
  return sizes;
}

describe.skipIf(skipOpenSsl)('Streebog against openssl dgst -engine gost', () => {
  it('256 and 512 bit, one-shot and streamed, on random inputs of many lengths', async () => {
    await withTempDir(async (dir) => {
      for (const length of LENGTHS) {
        const data = randomBytes(length);
        const file = join(dir, `in-${length}.bin`);
        await writeFile(file, data);
        for (const bits of [256, 512] as const) {
          const expected = hex(
            await openssl(['dgst', '-engine', 'gost', `-md_gost12_${bits}`, '-binary', file]),
          );
          expect(
            hex(bits === 256 ? streebog256(data) : streebog512(data)),
            `${bits}-bit, ${length} bytes`,
          ).toBe(expected);
          const hash = new Streebog(bits);
          let offset = 0;
          for (const size of randomChunks(length)) {
            hash.update(data.subarray(offset, offset + size));
            offset += size;
          }
          expect(hex(hash.digest()), `${bits}-bit streamed, ${length} bytes`).toBe(expected);
        }
      }
    });
  });
});
