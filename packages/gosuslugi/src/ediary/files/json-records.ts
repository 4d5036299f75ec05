/**
 * JSON data files: the record reader streams `records` one by one; the header members before it
 * (`format`, `version`, `kind`, `schoolId`, …) name the kind and the school — streaming needs `kind`
 * before `records`, unless the caller says which kind to expect. Each record is checked against its
 * kind's JSON Schema definition as it arrives; the header against the document schema at the end.
 */
import { FormatError, JsonRecordReader } from '@goskit/validation/stream';
import type { FileKind } from '../models.js';
import { checkJsonHeader, checkJsonRecord } from './json-schema-check.js';
import { kindOf } from './kinds.js';
import type { RecordHandler } from './record-handler.js';

export interface JsonDataReader {
  write(text: string): void;
  end(): void;
}

export function jsonRecordReader(handler: RecordHandler, expectedKind: FileKind | undefined): JsonDataReader {
  const members: Record<string, unknown> = Object.create(null);
  let headerLine = 1;
  let kind: FileKind | undefined;
  let started = false;
  const start = (line: number) => {
    if (started) {
      return;
    }
    started = true;
    kind = expectedKind ?? kindOf(members.kind);
    handler.header(
      kindOf(members.kind) ?? expectedKind,
      typeof members.schoolId === 'string' ? members.schoolId : undefined,
      line,
    );
  };
  const reader = new JsonRecordReader(
    {
      member(key, value, line) {
        if (Object.hasOwn(members, key)) {
          throw new FormatError('JSON_SHAPE', `the member "${key.slice(0, 40)}" appears twice`, { line });
        }
        members[key] = value;
        headerLine = Math.min(headerLine, line);
      },
      recordsStart(line) {
        start(line);
      },
      record(value, index, line) {
        const path = `/records/${index}`;
        const deviations = checkJsonRecord(kind as FileKind, value, path, line);
        const raw =
          value !== null && typeof value === 'object' && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : Object.create(null);
        handler.record(raw, { line, path }, deviations);
      },
    },
    { recordsKey: 'records' },
  );
  return {
    write: (text) => reader.write(text),
    end() {
      reader.end();
      if (!started) {
        start(reader.line);
      }
      for (const deviation of checkJsonHeader(members, headerLine)) {
        handler.other(deviation);
      }
    },
  };
}
