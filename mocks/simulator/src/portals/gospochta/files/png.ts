/**
 * Scanned letters as real PNG files: an A4-proportioned grey page with paper noise, a letterhead,
 * a stamp and lines of "text", drawn from a seed (the same seed, the same bytes). The image data is
 * zlib with stored (uncompressed) blocks — valid for every decoder, and no compression library.
 */

const WIDTH = 210;
const HEIGHT = 297;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(parts: readonly Uint8Array[]): number {
  let crc = 0xffffffff;
  for (const bytes of parts) {
    for (const byte of bytes) {
      crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function uint32(value: number): Uint8Array {
  return Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

function chunk(type: string, data: Uint8Array): Uint8Array[] {
  const name = new TextEncoder().encode(type);
  return [uint32(data.length), name, data, uint32(crc32([name, data]))];
}

/** zlib stream of stored deflate blocks (RFC 1950/1951 BTYPE=00). */
function storedZlib(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65_535));
  const out = new Uint8Array(2 + raw.length + blocks * 5 + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let at = 2;
  for (let block = 0; block < blocks; block += 1) {
    const start = block * 65_535;
    const part = raw.subarray(start, Math.min(raw.length, start + 65_535));
    out[at] = block === blocks - 1 ? 1 : 0;
    out[at + 1] = part.length & 0xff;
    out[at + 2] = part.length >>> 8;
    out[at + 3] = ~part.length & 0xff;
    out[at + 4] = (~part.length >>> 8) & 0xff;
    out.set(part, at + 5);
    at += 5 + part.length;
  }
  out.set(uint32(adler32(raw)), at);
  return out;
}

/** xorshift32 from a string seed: the noise and layout of one scan. */
function seededNoise(seed: string): () => number {
  let state = 2166136261;
  for (let index = 0; index < seed.length; index += 1) {
    state = Math.imul(state ^ seed.charCodeAt(index), 16777619) >>> 0;
  }
  state ||= 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

/** A grayscale 8-bit PNG of a scanned page. */
export function writeScanPng(seed: string): Uint8Array {
  const random = seededNoise(seed);
  const pixels = new Uint8Array(WIDTH * HEIGHT);
  for (let index = 0; index < pixels.length; index += 1) {
    pixels[index] = 232 + Math.floor(random() * 18);
  }
  const fill = (x0: number, y0: number, w: number, h: number, shade: number) => {
    for (let y = Math.max(0, y0); y < Math.min(HEIGHT, y0 + h); y += 1) {
      for (let x = Math.max(0, x0); x < Math.min(WIDTH, x0 + w); x += 1) {
        pixels[y * WIDTH + x] = Math.min(pixels[y * WIDTH + x] as number, shade + Math.floor(random() * 30));
      }
    }
  };
  // Letterhead, then lines of text of varying length, then a round stamp and a signature stroke.
  fill(20, 16, 110, 6, 40);
  fill(20, 26, 80, 3, 70);
  for (let line = 0; line < 24; line += 1) {
    const y = 48 + line * 8;
    let x = 20;
    const end = 20 + 120 + Math.floor(random() * 50);
    while (x < end) {
      const word = 4 + Math.floor(random() * 14);
      fill(x, y, Math.min(word, end - x), 3, 60);
      x += word + 3;
    }
  }
  const cx = 60;
  const cy = 255;
  for (let y = cy - 20; y <= cy + 20; y += 1) {
    for (let x = cx - 20; x <= cx + 20; x += 1) {
      const r = Math.hypot(x - cx, y - cy);
      if ((r > 17 && r < 20) || (r > 9 && r < 11)) {
        fill(x, y, 1, 1, 90);
      }
    }
  }
  for (let x = 120; x < 180; x += 1) {
    fill(x, 250 + Math.round(6 * Math.sin(x / 5)), 1, 2, 30);
  }
  const raw = new Uint8Array(HEIGHT * (WIDTH + 1));
  for (let y = 0; y < HEIGHT; y += 1) {
    raw[y * (WIDTH + 1)] = 0;
    raw.set(pixels.subarray(y * WIDTH, (y + 1) * WIDTH), y * (WIDTH + 1) + 1);
  }
  const header = new Uint8Array(13);
  header.set(uint32(WIDTH), 0);
  header.set(uint32(HEIGHT), 4);
  header[8] = 8;
  header[9] = 0;
  const parts = [
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    ...chunk('IHDR', header),
    ...chunk('IDAT', storedZlib(raw)),
    ...chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
