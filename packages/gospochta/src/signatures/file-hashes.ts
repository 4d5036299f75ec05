/**
 * The two hashes every file carries in this contract: SHA-256 and GOST R 34.11-2012 (256 bits,
 * Streebog, @goskit/crypto), both lowercase hex as `openssl dgst` prints them.
 */
import { streebog256, toHex } from '@goskit/crypto';

export interface FileHashes {
  sha256: string;
  streebog256: string;
}

export async function hashFile(bytes: Uint8Array): Promise<FileHashes> {
  const sha = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
  return { sha256: toHex(sha), streebog256: toHex(streebog256(bytes)) };
}

/** Which of the expected hashes differ from the bytes' own (empty when both match). */
export async function mismatchedHashes(
  bytes: Uint8Array,
  expected: FileHashes,
): Promise<('sha256' | 'streebog256')[]> {
  const actual = await hashFile(bytes);
  const out: ('sha256' | 'streebog256')[] = [];
  if (actual.sha256 !== expected.sha256.toLowerCase()) {
    out.push('sha256');
  }
  if (actual.streebog256 !== expected.streebog256.toLowerCase()) {
    out.push('streebog256');
  }
  return out;
}
