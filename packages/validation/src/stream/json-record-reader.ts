/**
 * Streams a JSON document of the shape `{ …header members…, "<recordsKey>": [ record, record, … ] }`
 * record by record: it finds where each value ends (strings, escapes and nesting tracked across
 * chunks) and hands that slice to JSON.parse, so memory holds one record at a time whatever the file
 * size. Header members are parsed whole (bounded by `maxMemberChars`), each record by
 * `maxRecordChars`; nesting is bounded by `maxDepth`. Lines are counted outside strings (a raw
 * newline cannot be inside one), so every record and member reports the line it starts on.
 */
import { FormatError } from './format-error.js';

export interface JsonRecordEvents {
  /** A top-level member other than the records array. */
  member(key: string, value: unknown, line: number): void;
  /** The records array begins (its key's line). */
  recordsStart?(line: number): void;
  /** One element of the records array, parsed. */
  record(value: unknown, index: number, line: number): void;
}

export interface JsonReaderLimits {
  /** Longest record, in characters. Default 1 048 576. */
  maxRecordChars: number;
  /** Longest header member value, in characters. Default 65 536. */
  maxMemberChars: number;
  /** Deepest nesting inside one value. Default 64. */
  maxDepth: number;
}

export const DEFAULT_JSON_LIMITS: Readonly<JsonReaderLimits> = Object.freeze({
  maxRecordChars: 1_048_576,
  maxMemberChars: 65_536,
  maxDepth: 64,
});

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;
const NEWLINE = 10;

type Stage =
  | 'start' // before '{'
  | 'key' // expecting a key or '}'
  | 'colon'
  | 'member' // expecting a member value
  | 'afterMember' // ',' or '}'
  | 'records' // expecting a record or ']' (first)
  | 'record' // expecting a record (after ',')
  | 'afterRecord' // ',' or ']'
  | 'done';

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export class JsonRecordReader {
  readonly #events: JsonRecordEvents;
  readonly #limits: JsonReaderLimits;
  readonly #recordsKey: string;
  #buffer = '';
  #pos = 0;
  #line = 1;
  #stage: Stage = 'start';
  #key = '';
  #index = 0;
  #recordsSeen = false;
  /** A value in progress: where it starts, its line, how deep, whether inside a string. */
  #valueStart = -1;
  #valueLine = 0;
  #depth = 0;
  #inString = false;
  #scalar = false;

  constructor(events: JsonRecordEvents, options: { recordsKey: string; limits?: Partial<JsonReaderLimits> }) {
    this.#events = events;
    this.#recordsKey = options.recordsKey;
    this.#limits = { ...DEFAULT_JSON_LIMITS, ...options.limits };
  }

  /** Line the reader has reached. */
  get line(): number {
    return this.#line;
  }

  write(chunk: string): void {
    if (this.#valueStart >= 0) {
      const keep = this.#valueStart;
      this.#buffer = this.#buffer.slice(keep) + chunk;
      this.#pos -= keep;
      this.#valueStart = 0;
    } else {
      this.#buffer = this.#buffer.slice(this.#pos) + chunk;
      this.#pos = 0;
    }
    this.#run(false);
  }

  end(): void {
    this.#run(true);
    if (this.#stage !== 'done') {
      throw this.#error('JSON_UNEXPECTED_END', 'The document ends before its closing brace');
    }
    for (let i = this.#pos; i < this.#buffer.length; i++) {
      const c = this.#buffer.charCodeAt(i);
      if (c === NEWLINE) {
        this.#line++;
      } else if (!isSpace(c)) {
        throw this.#error('JSON_MALFORMED', 'Text after the closing brace');
      }
    }
  }

  #run(final: boolean): void {
    const s = this.#buffer;
    while (this.#stage !== 'done') {
      if (this.#valueStart >= 0) {
        if (!this.#continueValue(s, final)) {
          return;
        }
        continue;
      }
      // Skip whitespace between tokens.
      let i = this.#pos;
      while (i < s.length) {
        const c = s.charCodeAt(i);
        if (c === NEWLINE) {
          this.#line++;
        } else if (!isSpace(c)) {
          break;
        }
        i++;
      }
      this.#pos = i;
      if (i >= s.length) {
        return;
      }
      const c = s.charCodeAt(i);
      switch (this.#stage) {
        case 'start':
          if (c !== OPEN_BRACE) {
            throw this.#error('JSON_SHAPE', 'The document must start with "{"');
          }
          this.#pos++;
          this.#stage = 'key';
          break;
        case 'key':
        case 'afterMember':
          if (c === CLOSE_BRACE) {
            if (this.#expectKeyNext) {
              throw this.#error('JSON_MALFORMED', 'A "," before "}"');
            }
            this.#pos++;
            this.#stage = 'done';
          } else if (this.#stage === 'afterMember') {
            if (c !== COMMA) {
              throw this.#error('JSON_MALFORMED', 'Expected "," or "}" after a member');
            }
            this.#pos++;
            this.#stage = 'key';
            this.#expectKeyNext = true;
          } else if (c === QUOTE) {
            this.#expectKeyNext = false;
            this.#beginValue(i, 'member');
          } else {
            throw this.#error('JSON_MALFORMED', 'Expected a member name in double quotes');
          }
          break;
        case 'colon':
          if (c !== COLON) {
            throw this.#error('JSON_MALFORMED', 'Expected ":" after a member name');
          }
          this.#pos++;
          this.#stage = 'member';
          break;
        case 'member':
          if (this.#key === this.#recordsKey) {
            if (c !== OPEN_BRACKET) {
              throw this.#error('JSON_SHAPE', `"${this.#recordsKey}" must be an array`);
            }
            if (this.#recordsSeen) {
              throw this.#error('JSON_SHAPE', `"${this.#recordsKey}" appears twice`);
            }
            this.#recordsSeen = true;
            this.#events.recordsStart?.(this.#line);
            this.#pos++;
            this.#stage = 'records';
          } else {
            this.#beginValue(i, 'member');
          }
          break;
        case 'records':
        case 'afterRecord':
          if (c === CLOSE_BRACKET) {
            this.#pos++;
            this.#stage = 'afterMember';
          } else if (this.#stage === 'afterRecord') {
            if (c !== COMMA) {
              throw this.#error('JSON_MALFORMED', 'Expected "," or "]" after a record');
            }
            this.#pos++;
            this.#stage = 'record';
          } else {
            this.#beginValue(i, 'record');
          }
          break;
        case 'record':
          this.#beginValue(i, 'record');
          break;
      }
    }
  }

  /** After a ',' the next token must be a key: '{"a":1,}' is not JSON. */
  #expectKeyNext = false;
  #valueKind: 'member' | 'record' = 'member';

  #beginValue(at: number, kind: 'member' | 'record'): void {
    this.#valueStart = at;
    this.#valueLine = this.#line;
    this.#valueKind = kind;
    this.#depth = 0;
    this.#inString = false;
    const c = this.#buffer.charCodeAt(at);
    this.#scalar = c !== OPEN_BRACE && c !== OPEN_BRACKET && c !== QUOTE;
    this.#pos = at;
  }

  /** Scans the value in progress; returns false when it needs more input. */
  #continueValue(s: string, final: boolean): boolean {
    let i = this.#pos;
    const length = s.length;
    const limit = this.#valueKind === 'record' ? this.#limits.maxRecordChars : this.#limits.maxMemberChars;
    let end = -1;
    if (this.#scalar) {
      while (i < length) {
        const c = s.charCodeAt(i);
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) {
          end = i;
          break;
        }
        i++;
      }
      if (end === -1 && final) {
        end = length;
      }
    } else {
      while (i < length) {
        if (this.#inString) {
          let quote = s.indexOf('"', i);
          while (quote !== -1) {
            let slashes = 0;
            for (let k = quote - 1; s.charCodeAt(k) === BACKSLASH; k--) {
              slashes++;
            }
            if (slashes % 2 === 0) {
              break;
            }
            quote = s.indexOf('"', quote + 1);
          }
          if (quote === -1) {
            i = length;
            break;
          }
          this.#inString = false;
          i = quote + 1;
          if (this.#depth === 0) {
            end = i;
            break;
          }
          continue;
        }
        const c = s.charCodeAt(i);
        if (c === QUOTE) {
          this.#inString = true;
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          this.#depth++;
          if (this.#depth > this.#limits.maxDepth) {
            throw this.#error(
              'JSON_DEPTH_LIMIT',
              'A value is nested deeper than allowed',
              this.#limits.maxDepth,
            );
          }
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          this.#depth--;
          if (this.#depth === 0) {
            end = i + 1;
            break;
          }
        } else if (c === NEWLINE) {
          this.#line++;
        }
        i++;
      }
    }
    if (end === -1) {
      this.#pos = i;
      if (i - this.#valueStart > limit) {
        throw this.#error('JSON_VALUE_LIMIT', `A ${this.#valueKind} is longer than allowed`, limit);
      }
      if (final) {
        throw this.#error('JSON_UNEXPECTED_END', 'The document ends inside a value');
      }
      return false;
    }
    if (end - this.#valueStart > limit) {
      throw this.#error('JSON_VALUE_LIMIT', `A ${this.#valueKind} is longer than allowed`, limit);
    }
    const text = s.slice(this.#valueStart, end);
    this.#valueStart = -1;
    this.#pos = end;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new FormatError('JSON_MALFORMED', `A ${this.#valueKind} is not valid JSON`, {
        line: this.#valueLine,
      });
    }
    this.#deliver(value);
    return true;
  }

  #deliver(value: unknown): void {
    if (this.#valueKind === 'record') {
      this.#events.record(value, this.#index, this.#valueLine);
      this.#index++;
      this.#stage = 'afterRecord';
    } else if (this.#stage === 'key') {
      this.#key = value as string;
      this.#stage = 'colon';
    } else {
      this.#events.member(this.#key, value, this.#valueLine);
      this.#stage = 'afterMember';
    }
  }

  #error(
    code: 'JSON_MALFORMED' | 'JSON_UNEXPECTED_END' | 'JSON_SHAPE' | 'JSON_DEPTH_LIMIT' | 'JSON_VALUE_LIMIT',
    message: string,
    limit?: number,
  ): FormatError {
    return new FormatError(
      code,
      message,
      limit === undefined ? { line: this.#line } : { line: this.#line, limit },
    );
  }
}
