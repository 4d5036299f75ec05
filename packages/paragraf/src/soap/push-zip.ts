/**
 * The `pushZipFile` payload: files packed into one zip (fflate, deflate) and sent base64 in
 * `<ex:file>`. Names must be plain relative file names — no directories climbing out, no absolute
 * paths — and the packed size is bounded, because the service receives it in one SOAP message.
 */
import { toBase64 } from '@goskit/crypto';
import { zipSync } from 'fflate';
import { ParagrafError } from '../errors/paragraf-error.js';

export interface ZipEntry {
  name: string;
  content: Uint8Array | string;
}

const SAFE_NAME = /^[\p{L}\p{N}_.() -]{1,128}$/u;

/** Zips `files` (or takes ready zip bytes) and returns base64, checking names and the size bound. */
export function zipPayload(files: readonly ZipEntry[] | Uint8Array, maxBytes: number): string {
  let zip: Uint8Array;
  if (files instanceof Uint8Array) {
    if (files.length < 4 || files[0] !== 0x50 || files[1] !== 0x4b) {
      throw new ParagrafError(
        'INVALID_ARGUMENT',
        'pushZipFile: the bytes are not a zip archive (no PK signature)',
      );
    }
    zip = files;
  } else {
    if (files.length === 0) {
      throw new ParagrafError('INVALID_ARGUMENT', 'pushZipFile: at least one file is required');
    }
    const entries = new Map<string, Uint8Array>();
    const encoder = new TextEncoder();
    for (const file of files) {
      if (!SAFE_NAME.test(file.name) || file.name.startsWith('.') || file.name.includes('..')) {
        throw new ParagrafError(
          'INVALID_ARGUMENT',
          'pushZipFile: a file name must be a plain name (letters, digits, "_", ".", "-", spaces), no paths',
        );
      }
      if (entries.has(file.name)) {
        throw new ParagrafError('INVALID_ARGUMENT', `pushZipFile: file "${file.name}" is given twice`);
      }
      entries.set(file.name, typeof file.content === 'string' ? encoder.encode(file.content) : file.content);
    }
    zip = zipSync(Object.fromEntries(entries), { level: 6 });
  }
  if (zip.length > maxBytes) {
    throw new ParagrafError(
      'INVALID_ARGUMENT',
      `pushZipFile: the zip has ${zip.length} bytes, more than the ${maxBytes} allowed`,
    );
  }
  return toBase64(zip);
}
