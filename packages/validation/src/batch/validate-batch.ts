/**
 * Batch validation over arrays, iterables and async iterables (e.g. a streamed CSV or an export
 * page iterator). Every record is validated; the report keeps counts, the first `maxIssues` issues and
 * duplicate groups, but never the records — memory does not grow with valid input beyond one
 * number per duplicate key.
 */
import type { z } from 'zod';
import { BatchValidator } from './batch-validator.js';
import type { AnySchema, BatchIssue, BatchOptions, BatchReport } from './types.js';

/** Input accepted by the batch functions. */
export type BatchSource<T> = Iterable<T> | AsyncIterable<T>;

function isAsyncIterable<T>(source: BatchSource<T>): source is AsyncIterable<T> {
  return typeof (source as AsyncIterable<T>)[Symbol.asyncIterator] === 'function';
}

/** Validates every record and returns the report. */
export async function validateBatch<S extends AnySchema, In = z.input<S>>(
  items: BatchSource<In>,
  schema: S,
  options: BatchOptions<In, z.output<S>> = {},
): Promise<BatchReport> {
  const validator = new BatchValidator<S, In>(schema, options);
  if (isAsyncIterable(items)) {
    for await (const item of items) {
      const pending = validator.accept(item);
      if (pending instanceof Promise) {
        await pending;
      }
    }
  } else {
    // Sync sources stay on a plain loop: no await per record unless the schema itself is async.
    for (const item of items) {
      const pending = validator.accept(item);
      if (pending instanceof Promise) {
        await pending;
      }
    }
  }
  return validator.result();
}

/**
 * Streaming form: yields each issue as soon as its record is validated, and returns the final report
 * (`const it = validateStream(...); for await (const issue of it) …`). Options are the same as
 * validateBatch's; `maxIssues` only caps what the returned report stores, every issue is yielded.
 */
export async function* validateStream<S extends AnySchema, In = z.input<S>>(
  items: BatchSource<In>,
  schema: S,
  options: BatchOptions<In, z.output<S>> = {},
): AsyncGenerator<BatchIssue, BatchReport, undefined> {
  const validator = new BatchValidator<S, In>(schema, options);
  for await (const item of items) {
    const found = await validator.accept(item);
    yield* found;
  }
  return validator.result();
}
