/**
 * Files the portal keeps (attachments, scans, originals): bytes drawn from their recipe on first use
 * and both hashes of the contract — SHA-256 and GOST R 34.11-2012 (Streebog-256), lowercase hex —
 * computed once and kept with the file.
 */
import { streebog256, toHex } from '@goskit/crypto';
import { sha256Hex } from '../../../engine/journal-digest.js';
import type { FileRecord } from '../state.js';
import { writePdf } from './pdf.js';
import { writeScanPng } from './png.js';

export interface FileHashes {
  sha256: string;
  streebog256: string;
}

export function hashBytes(bytes: Uint8Array): FileHashes {
  return { sha256: sha256Hex(bytes), streebog256: toHex(streebog256(bytes)) };
}

/** The file's bytes, drawing them from the recipe the first time. */
export function fileContent(file: FileRecord, createdAt: number): Uint8Array {
  if (file.content === undefined) {
    const recipe = file.recipe;
    file.content =
      recipe === undefined
        ? new Uint8Array(0)
        : recipe.draw === 'scan'
          ? writeScanPng(recipe.seed)
          : writePdf({ title: recipe.title, lines: recipe.lines, createdAt });
  }
  return file.content;
}

/** The file's hashes, computed once. */
export function fileHashes(file: FileRecord, createdAt: number): FileHashes {
  if (file.sha256 === undefined || file.streebog256 === undefined) {
    const hashes = hashBytes(fileContent(file, createdAt));
    file.sha256 = hashes.sha256;
    file.streebog256 = hashes.streebog256;
  }
  return { sha256: file.sha256, streebog256: file.streebog256 };
}
