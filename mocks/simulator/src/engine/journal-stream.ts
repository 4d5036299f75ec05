/**
 * The journal's view of a streamed response body, taken as the bytes go by and never by buffering
 * the stream: the size so far (updated on the entry with every chunk), the first MAX_RAW_BYTES
 * copied as the excerpt, and an incremental SHA-256 of everything sent. When the stream ends the
 * entry gets its redacted excerpt, the hash (only when complete) and how it ended.
 */
import type { StreamStep } from './body-stream.js';
import { createSha256, type Sha256 } from './journal-digest.js';
import { MAX_RAW_BYTES, redactedExcerpt } from './journal-excerpt.js';
import type { JournalEntry } from './types.js';

export class StreamMeter implements StreamStep {
  #excerpt: Uint8Array | undefined;
  #kept = 0;
  size = 0;
  readonly #hash: Sha256 | undefined;

  /** `keepBody`: the journal keeps bodies (`journalBodies: 'redacted'`); else only the size is counted. */
  constructor(
    private readonly entry: JournalEntry,
    keepBody: boolean,
    private readonly contentType: string,
  ) {
    entry.responseBodyStream = 'open';
    entry.responseBodyBytes = 0;
    this.#hash = keepBody ? createSha256() : undefined;
  }

  get excerpt(): Uint8Array {
    return this.#excerpt?.subarray(0, this.#kept) ?? new Uint8Array(0);
  }

  chunk(bytes: Uint8Array): Uint8Array {
    this.size += bytes.byteLength;
    this.entry.responseBodyBytes = this.size;
    if (this.#hash !== undefined) {
      this.#hash.update(bytes);
      if (this.#kept < MAX_RAW_BYTES) {
        // A copy: the producer may reuse its chunk, and a view would pin the chunk's whole buffer.
        this.#excerpt ??= new Uint8Array(MAX_RAW_BYTES);
        const take = Math.min(MAX_RAW_BYTES - this.#kept, bytes.byteLength);
        this.#excerpt.set(bytes.subarray(0, take), this.#kept);
        this.#kept += take;
      }
    }
    return bytes;
  }

  end(how: 'complete' | 'cancelled' | 'failed'): void {
    const entry = this.entry;
    entry.responseBodyStream = how;
    if (this.#hash === undefined) {
      return;
    }
    const excerpt = redactedExcerpt(this, this.contentType);
    if (excerpt !== undefined) {
      entry.responseBody = excerpt;
    }
    if (how === 'complete') {
      entry.responseBodySha256 = this.#hash.digest();
    }
    this.#excerpt = undefined;
  }
}
