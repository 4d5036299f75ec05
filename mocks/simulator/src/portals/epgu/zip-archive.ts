/**
 * A small zip reader (PKWARE APPNOTE: end of central directory, zip64 locator, central directory,
 * local headers) for the archives EPGU receives: it lists the files and extracts one on demand
 * (stored or deflated, through the platform's DecompressionStream — the browser entry has no zlib).
 * Bounded: at most MAX_ENTRIES files, names up to 1 KiB, output never past the entry's declared size.
 * Unreadable input → a reason string, never an exception.
 */

export interface ZipEntry {
  /** Path inside the archive, '/'-separated. */
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be extracted. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
  directory: boolean;
  encrypted: boolean;
}

export const MAX_ENTRIES = 10_000;
/** Largest file extracted (a declared size past it is refused before any allocation). */
export const MAX_EXTRACT_BYTES = 256 * 1024 * 1024;
const MAX_NAME_BYTES = 1024;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const decoder = new TextDecoder();

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(data: DataView, at: number): number {
  return data.getUint32(at, true) + data.getUint32(at + 4, true) * 2 ** 32;
}

function findEndOfDirectory(data: DataView): number {
  const last = data.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at -= 1) {
    if (data.getUint32(at, true) === EOCD) {
      return at;
    }
  }
  return -1;
}

/** Zip64 fields of a central header's extra block (0x0001), in the order the header left them out. */
function zip64Extra(
  data: DataView,
  start: number,
  length: number,
  wanted: { size: boolean; compressed: boolean; offset: boolean },
): { size?: number; compressed?: number; offset?: number } {
  for (let at = start; at + 4 <= start + length; ) {
    const id = data.getUint16(at, true);
    const size = data.getUint16(at + 2, true);
    if (id === 0x0001) {
      let cursor = at + 4;
      const out: { size?: number; compressed?: number; offset?: number } = {};
      for (const field of ['size', 'compressed', 'offset'] as const) {
        if (wanted[field] && cursor + 8 <= at + 4 + size) {
          out[field] = u64(data, cursor);
          cursor += 8;
        }
      }
      return out;
    }
    at += 4 + size;
  }
  return {};
}

/** The archive's entries, or the reason it is not a readable zip. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | string {
  if (bytes.byteLength < 22) {
    return 'too short to be a zip archive';
  }
  const data = view(bytes);
  const end = findEndOfDirectory(data);
  if (end === -1) {
    return 'the end of central directory record is missing (truncated or not a zip)';
  }
  let count = data.getUint16(end + 10, true);
  let directoryOffset = data.getUint32(end + 16, true);
  if ((count === 0xffff || directoryOffset === 0xffffffff) && end >= 20) {
    if (data.getUint32(end - 20, true) === ZIP64_LOCATOR) {
      const record = u64(data, end - 12);
      if (record + 56 <= bytes.byteLength && data.getUint32(record, true) === ZIP64_EOCD) {
        count = u64(data, record + 32);
        directoryOffset = u64(data, record + 48);
      }
    }
  }
  if (count > MAX_ENTRIES) {
    return `more than ${MAX_ENTRIES} files`;
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.byteLength || data.getUint32(at, true) !== CENTRAL) {
      return `central directory entry #${index + 1} is missing or damaged`;
    }
    const flags = data.getUint16(at + 8, true);
    const method = data.getUint16(at + 10, true);
    let compressedSize = data.getUint32(at + 20, true);
    let size = data.getUint32(at + 24, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    let headerOffset = data.getUint32(at + 42, true);
    if (nameLength === 0 || nameLength > MAX_NAME_BYTES || at + 46 + nameLength > bytes.byteLength) {
      return `central directory entry #${index + 1} has a bad name length`;
    }
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const wide = zip64Extra(data, at + 46 + nameLength, extraLength, {
      size: size === 0xffffffff,
      compressed: compressedSize === 0xffffffff,
      offset: headerOffset === 0xffffffff,
    });
    size = wide.size ?? size;
    compressedSize = wide.compressed ?? compressedSize;
    headerOffset = wide.offset ?? headerOffset;
    entries.push({
      name,
      method,
      compressedSize,
      size,
      headerOffset,
      directory: name.endsWith('/'),
      encrypted: (flags & 1) === 1,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where the entry's data starts, read from its local header; -1 when the header is damaged. */
function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const data = view(bytes);
  const at = entry.headerOffset;
  if (at + 30 > bytes.byteLength || data.getUint32(at, true) !== LOCAL) {
    return -1;
  }
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  return start + entry.compressedSize <= bytes.byteLength ? start : -1;
}

/** The entry's content, or a reason it cannot be extracted. */
export async function extractEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array | string> {
  if (entry.encrypted) {
    return 'the file is encrypted';
  }
  const start = dataStart(bytes, entry);
  if (start === -1) {
    return 'the local header is damaged';
  }
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    return raw.slice();
  }
  if (entry.size > MAX_EXTRACT_BYTES) {
    return `the file declares ${entry.size} bytes, more than the ${MAX_EXTRACT_BYTES} the simulator extracts`;
  }
  if (entry.method !== 8) {
    return `compression method ${entry.method} is not supported (stored or deflate only)`;
  }
  try {
    const stream = new Blob([raw as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'));
    const out = new Uint8Array(entry.size);
    let filled = 0;
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      if (filled + value.byteLength > entry.size) {
        await reader.cancel();
        return 'the file inflates past its declared size';
      }
      out.set(value, filled);
      filled += value.byteLength;
    }
    return filled === entry.size ? out : 'the file is shorter than its declared size';
  } catch {
    return 'the deflated data is damaged';
  }
}
