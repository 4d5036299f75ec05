/**
 * Streamed response bodies (`SimResponse.bodyStream`) in one shape for every adapter: a pull-based web
 * ReadableStream of byte chunks, plus the steps the engine puts in its way (a cut for the truncate
 * fault, seeded corruption, the journal's meter). The rule of every step: nothing is read ahead of the
 * consumer (each `pull` reads one chunk from the source, and only when asked), cancelling the result
 * cancels the source, and a chunk that is not a Uint8Array fails the stream with a SimulatorError.
 */
import { SimulatorError } from './errors.js';
import type { SimBodyStream } from './types.js';

/** What a step does with each chunk on its way; `end` runs once, with how the stream ended. */
export interface StreamStep {
  /** The bytes to pass on (the chunk itself, a part, or changed bytes); throwing fails the stream. */
  chunk(bytes: Uint8Array): Uint8Array;
  /** After the chunk just passed, end the stream with this error (a cut). */
  failAfter?(): Error | undefined;
  end?(how: 'complete' | 'cancelled' | 'failed'): void;
}

export function isBodyStream(value: unknown): value is SimBodyStream {
  return (
    value instanceof ReadableStream ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function')
  );
}

function checkedChunk(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) {
    return value;
  }
  throw new SimulatorError(
    'INVALID_DATA',
    `a streamed body must yield Uint8Array chunks, got ${value === null ? 'null' : typeof value}`,
  );
}

/** The body as a ReadableStream (an async iterable is pulled one chunk per read, never ahead). */
export function toByteStream(body: SimBodyStream): ReadableStream<Uint8Array> {
  if (body instanceof ReadableStream) {
    return body;
  }
  const iterator = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
        } else {
          controller.enqueue(checkedChunk(next.value));
        }
      },
      async cancel(reason) {
        await iterator.return?.(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Lets a body go unread (HEAD, an emptied body): the producer stops. Never throws. */
export function discardBodyStream(body: SimBodyStream): void {
  const stopped =
    body instanceof ReadableStream
      ? body.locked
        ? undefined
        : body.cancel()
      : body[Symbol.asyncIterator]().return?.(undefined);
  Promise.resolve(stopped).catch(() => {});
}

/** `source` passed through `step`, one chunk per read. */
export function throughStep(
  source: ReadableStream<Uint8Array>,
  step: StreamStep,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let ended = false;
  const end = (how: 'complete' | 'cancelled' | 'failed') => {
    if (!ended) {
      ended = true;
      step.end?.(how);
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
          if (next.done) {
            end('complete');
            controller.close();
            return;
          }
          const passed = step.chunk(checkedChunk(next.value));
          if (passed.byteLength > 0) {
            controller.enqueue(passed);
          }
          const failure = step.failAfter?.();
          if (failure !== undefined) {
            end('failed');
            reader.cancel(failure).catch(() => {});
            controller.error(failure);
          }
        } catch (error) {
          end('failed');
          reader.cancel(error).catch(() => {});
          controller.error(error);
        }
      },
      async cancel(reason) {
        end('cancelled');
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** The stream cut after `at` bytes: the reader gets them, then an error, as with a dropped connection. */
export function cutByteStream(source: ReadableStream<Uint8Array>, at: number): ReadableStream<Uint8Array> {
  const limit = Math.max(0, Math.floor(at));
  let sent = 0;
  let cut = false;
  return throughStep(source, {
    chunk(bytes) {
      const room = limit - sent;
      const passed = bytes.byteLength > room ? bytes.subarray(0, room) : bytes;
      sent += passed.byteLength;
      cut = sent >= limit;
      return passed;
    },
    failAfter: () =>
      cut ? new TypeError('terminated: connection closed mid-body (goskit truncate fault)') : undefined,
  });
}

/**
 * The stream with every byte from a chosen offset replaced by 0x80–0xFF (alone, invalid UTF-8 starts
 * and continuations): a parser fails, the length stays. `offset` is counted over the whole stream.
 */
export function corruptByteStream(
  source: ReadableStream<Uint8Array>,
  offset: (firstChunk: Uint8Array) => number,
  garbage: () => number,
): ReadableStream<Uint8Array> {
  let from: number | undefined;
  let seen = 0;
  return throughStep(source, {
    chunk(bytes) {
      from ??= offset(bytes);
      const start = seen;
      seen += bytes.byteLength;
      if (seen <= from) {
        return bytes;
      }
      const out = new Uint8Array(bytes);
      for (let i = Math.max(0, from - start); i < out.length; i += 1) {
        out[i] = garbage();
      }
      return out;
    },
  });
}
