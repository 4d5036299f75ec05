/**
 * What a data file may come as — a string, bytes, a web ReadableStream, a Node stream or any
 * (async) iterable of chunks — turned into one async iterable of chunks, and which format it is:
 * the caller's word, else the file name's extension, else the first character ('<' or '{').
 */
export type FileSource =
  | string
  | Uint8Array
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>;

export async function* chunksOf(source: FileSource): AsyncGenerator<Uint8Array | string> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          return;
        }
        yield value;
      }
    } finally {
      // Stopping early (a fatal deviation) cancels the rest of the stream.
      await reader.cancel().catch(() => {});
      reader.releaseLock();
    }
  }
  yield* source as AsyncIterable<Uint8Array | string>;
}

export function formatFromName(fileName: string): 'xml' | 'json' | undefined {
  const lower = fileName.toLowerCase();
  return lower.endsWith('.xml') ? 'xml' : lower.endsWith('.json') ? 'json' : undefined;
}

/** '<' → xml, '{' → json, from the first non-blank character (a UTF-8 BOM skipped). */
export function sniffFormat(chunk: Uint8Array | string): 'xml' | 'json' | undefined {
  const text =
    typeof chunk === 'string' ? chunk.slice(0, 256) : new TextDecoder().decode(chunk.subarray(0, 256));
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '<' ? 'xml' : first === '{' ? 'json' : undefined;
}
