/**
 * Where pushed archives' bytes are kept (EPGU's «TERRABYTE» storage, simulated), within
 * `storageMaxBytes` together with chunked uploads in progress. Keeping a new archive drops the
 * oldest stored ones until it fits; an archive larger than the whole budget is not kept (its files
 * stay listed, downloads answer 204). Uploads in progress are never dropped: a chunk that does not
 * fit beside them is refused.
 */
import type { EpguState } from './state.js';

export function storeArchive(state: EpguState, orderId: number, bytes: Uint8Array, maxBytes: number): void {
  const key = String(orderId);
  releaseArchive(state, orderId);
  if (bytes.byteLength > maxBytes) {
    return;
  }
  for (const [oldest, stored] of state.storage) {
    if (state.storedBytes + bytes.byteLength <= maxBytes) {
      break;
    }
    state.storage.delete(oldest);
    state.storedBytes -= stored.byteLength;
  }
  if (state.storedBytes + bytes.byteLength <= maxBytes) {
    state.storage.set(key, bytes);
    state.storedBytes += bytes.byteLength;
  }
}

export function releaseArchive(state: EpguState, orderId: number): void {
  const key = String(orderId);
  const stored = state.storage.get(key);
  if (stored !== undefined) {
    state.storage.delete(key);
    state.storedBytes -= stored.byteLength;
  }
}

export function storedArchive(state: EpguState, orderId: number): Uint8Array | undefined {
  return state.storage.get(String(orderId));
}

/** Room for `bytes` more upload bytes, dropping stored archives if needed; false when uploads alone fill it. */
export function reserveUploadBytes(state: EpguState, bytes: number, maxBytes: number): boolean {
  for (const [oldest, stored] of state.storage) {
    if (state.storedBytes + bytes <= maxBytes) {
      break;
    }
    state.storage.delete(oldest);
    state.storedBytes -= stored.byteLength;
  }
  if (state.storedBytes + bytes > maxBytes) {
    return false;
  }
  state.storedBytes += bytes;
  return true;
}

/** Gives back the bytes an upload held (finished, failed or cancelled). */
export function releaseUploadBytes(state: EpguState, bytes: number): void {
  state.storedBytes = Math.max(0, state.storedBytes - bytes);
}
