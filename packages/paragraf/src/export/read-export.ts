/**
 * `readExport(source)`: a district export streamed record by record. The source is read one chunk
 * at a time (a Node stream, a web ReadableStream, any (async) iterable of bytes or strings); each
 * chunk is scanned, its complete records validated and handed out before the next chunk is read,
 * so memory stays bounded whatever the file's size. Hostile XML stops the read with a typed error.
 */

import { resolveXmlLimits, XmlByteDecoder, type XmlLimits, XmlScanner } from '@goskit/validation/stream';
import { ParagrafError } from '../errors/paragraf-error.js';
import type { ExportIssue } from './export-issues.js';
import { EXPORT_NAMES, ExportReader } from './export-reader.js';
import type { ExportRecord } from './export-records.js';
import { type ExportReport, ExportTally } from './export-tally.js';
import { toParagrafXmlError } from './xml-errors.js';

/** Bytes decoded and scanned at a time (a read chunk larger than this is taken in windows). */
const SCAN_WINDOW_BYTES = 64 * 1024;
const EMPTY: ExportRecord[] = [];

export type ExportSource =
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>
  | ReadableStream<Uint8Array>;

export interface ReadExportOptions {
  /** Bounds on the XML (depth, text, tags, names, attributes); merged over the defaults. */
  limits?: Partial<XmlLimits>;
  /** Called with every issue, in document order (the report keeps only the first `maxReportedIssues`). */
  onIssue?: (issue: ExportIssue) => void;
  /** How many issues the report keeps. Default 1000. */
  maxReportedIssues?: number;
  /** Reject a pupil whose СНИЛС appeared earlier in the export. Default true. */
  deduplicateSnils?: boolean;
  /** Class strings accepted besides "5 А"-style ones. Default ['СОТР', 'РДТЛ']. */
  specialClasses?: readonly string[];
  /** Stops the read; the iterator then throws the signal's reason. */
  signal?: AbortSignal;
}

/** A single-use async iterable of valid records; `report()` describes what was read so far. */
export interface ExportRead extends AsyncIterable<ExportRecord> {
  /** Counts, issues and completeness; `complete` is true once the whole document was read. */
  report(): ExportReport;
}

export function readExport(source: ExportSource, options: ReadExportOptions = {}): ExportRead {
  const limits = resolveXmlLimits(options.limits);
  const maxIssues = options.maxReportedIssues ?? 1000;
  if (!Number.isInteger(maxIssues) || maxIssues < 0) {
    throw new ParagrafError(
      'INVALID_ARGUMENT',
      `maxReportedIssues must be a non-negative integer, got ${maxIssues}`,
    );
  }
  const tally = new ExportTally(maxIssues, options.onIssue);
  const reader = new ExportReader(tally, {
    deduplicateSnils: options.deduplicateSnils ?? true,
    specialClasses: new Set((options.specialClasses ?? ['СОТР', 'РДТЛ']).map((name) => name.toUpperCase())),
    maxTextLength: limits.maxTextLength,
  });
  const scanner = new XmlScanner(reader, limits, EXPORT_NAMES);
  reader.attach(scanner);
  let started = false;

  function takeRecords(): ExportRecord[] {
    if (reader.records.length === 0) {
      return EMPTY;
    }
    const batch = reader.records;
    reader.records = [];
    return batch;
  }

  // The scanner is @goskit/validation's: its FormatErrors become this package's XML errors.
  async function* records(): AsyncGenerator<ExportRecord> {
    try {
      yield* scan();
    } catch (error) {
      throw toParagrafXmlError(error);
    }
  }

  async function* scan(): AsyncGenerator<ExportRecord> {
    const decoder = new XmlByteDecoder();
    const signal = options.signal;
    for await (const chunk of chunksOf(source)) {
      signal?.throwIfAborted();
      if (typeof chunk === 'string') {
        tally.bytes += chunk.length;
        if (chunk.length > 0) {
          scanner.write(chunk);
        }
        yield* takeRecords();
        continue;
      }
      // A large chunk is scanned a window at a time and its records handed out in between, so only a
      // window's records are alive at once: they die young instead of being promoted by the scavenger
      // while the rest of a 1 MB chunk is scanned (peak RSS; docs/decisions/053).
      for (let offset = 0; offset < chunk.byteLength; offset += SCAN_WINDOW_BYTES) {
        const window =
          chunk.byteLength <= SCAN_WINDOW_BYTES ? chunk : chunk.subarray(offset, offset + SCAN_WINDOW_BYTES);
        const text = decoder.decode(window);
        tally.bytes += window.byteLength;
        tally.encoding = decoder.encoding;
        if (text.length > 0) {
          scanner.write(text);
        }
        yield* takeRecords();
      }
    }
    signal?.throwIfAborted();
    const rest = decoder.end();
    tally.encoding ??= decoder.encoding;
    if (rest.length > 0) {
      scanner.write(rest);
    }
    scanner.end();
    tally.lines = scanner.lines;
    tally.complete = true;
    const batch = reader.records;
    reader.records = [];
    yield* batch;
  }

  return {
    [Symbol.asyncIterator]() {
      if (started) {
        throw new ParagrafError('INVALID_ARGUMENT', 'An export read can be iterated only once');
      }
      started = true;
      return records();
    },
    report: () => {
      if (!tally.complete) {
        tally.lines = scanner.lines;
      }
      return tally.report();
    },
  };
}

/** Reads the whole export, keeping no records: the report alone (validation only). */
export async function validateExport(
  source: ExportSource,
  options: ReadExportOptions = {},
): Promise<ExportReport> {
  const read = readExport(source, options);
  for await (const _record of read) {
    // records are counted in the report
  }
  return read.report();
}

function chunksOf(source: ExportSource): AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> {
  if (Symbol.asyncIterator in source || Symbol.iterator in source) {
    return source as AsyncIterable<Uint8Array | string>;
  }
  const stream = source as ReadableStream<Uint8Array>;
  return {
    async *[Symbol.asyncIterator]() {
      const reader = stream.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            return;
          }
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}
