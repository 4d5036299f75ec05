import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { RequestOptions, ResponseType } from './transport-options.js';

const ACCEPT: Record<ResponseType, string | undefined> = {
  json: 'application/json',
  text: undefined,
  arrayBuffer: undefined,
  stream: undefined,
};

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// fetch refuses NUL, CR, LF and anything outside Latin-1 (header values are ByteStrings).
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters fetch refuses
const BAD_HEADER_VALUE = /[\0\r\n]|[^\u0000-\u00ff]/;
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * Refuses what fetch would refuse, before sending: otherwise a bad header surfaces as a rejected
 * fetch that looks like a network failure and would be retried. The value is never echoed (it may
 * be a token).
 */
export function checkHeader(name: string, value: string): void {
  if (!HEADER_NAME.test(name)) {
    throw new InvalidOptionsError(`header name ${JSON.stringify(name)} is not a valid HTTP token`);
  }
  // fetch trims leading and trailing whitespace first (a token read from a file ends in a newline).
  if (
    typeof value !== 'string' ||
    (BAD_HEADER_VALUE.test(value) && BAD_HEADER_VALUE.test(value.replace(EDGE_WHITESPACE, '')))
  ) {
    throw new InvalidOptionsError(
      `header ${name} has an invalid value: it must be a string without CR, LF, NUL or characters beyond Latin-1`,
    );
  }
}

/** Merges transport headers, per-call headers and Accept into one lower-cased record. */
export function mergeHeaders(
  base: Readonly<Record<string, string>>,
  own: Record<string, string> | undefined,
  responseType: ResponseType,
): Record<string, string> {
  const headers: Record<string, string> = { ...base };
  const accept = ACCEPT[responseType];
  if (accept !== undefined && headers.accept === undefined) {
    headers.accept = accept;
  }
  if (own) {
    for (const [name, value] of Object.entries(own)) {
      checkHeader(name, value);
      headers[name.toLowerCase()] = value;
    }
  }
  return headers;
}

export function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    checkHeader(name, value);
    out[name.toLowerCase()] = value;
  }
  return out;
}

export interface PreparedBody {
  /** What goes on the wire, built once per call and reused by every attempt. */
  init: BodyInit | undefined;
  /** Content-Type the body implies (JSON only; fetch derives the others), unless the caller set one. */
  contentType: string | undefined;
  /** False for streams: they cannot be sent twice. */
  replayable: boolean;
  /** For debug logs only (built lazily by the caller when bodies are logged). */
  describe: () => { body: string; contentType: string } | undefined;
}

/** A call without a body (most GETs) shares this one. */
const NO_BODY: PreparedBody = Object.freeze({
  init: undefined,
  contentType: undefined,
  replayable: true,
  describe: () => undefined,
});

export function prepareBody(options: Pick<RequestOptions, 'json' | 'form' | 'body'>): PreparedBody {
  const given =
    Number(options.json !== undefined) +
    Number(options.form !== undefined) +
    Number(options.body !== undefined);
  if (given === 0) {
    return NO_BODY;
  }
  if (given > 1) {
    throw new InvalidOptionsError('pass at most one of json, form and body');
  }
  if (options.json !== undefined) {
    const text = serialise(options.json);
    if (text === undefined) {
      throw new InvalidOptionsError(
        'json must be serialisable to JSON (got a function, symbol or undefined)',
      );
    }
    return {
      init: text,
      contentType: 'application/json',
      replayable: true,
      describe: () => ({ body: text, contentType: 'application/json' }),
    };
  }
  if (options.form !== undefined) {
    const form = toForm(options.form);
    return {
      init: form,
      contentType: undefined,
      replayable: true,
      describe: () => ({ body: form.toString(), contentType: 'application/x-www-form-urlencoded' }),
    };
  }
  if (options.body !== undefined) {
    const body = options.body;
    return {
      init: body,
      contentType: undefined,
      replayable: !(typeof ReadableStream !== 'undefined' && body instanceof ReadableStream),
      describe: () => (typeof body === 'string' ? { body, contentType: 'text/plain' } : undefined),
    };
  }
  return NO_BODY;
}

function serialise(json: unknown): string | undefined {
  try {
    return JSON.stringify(json);
  } catch (error) {
    // A cycle or a BigInt: the caller's mistake, reported before anything is sent.
    throw new InvalidOptionsError('json could not be serialised (a circular reference or a BigInt?)', {
      cause: error,
    });
  }
}

function toForm(form: NonNullable<RequestOptions['form']>): URLSearchParams {
  if (form instanceof URLSearchParams) {
    return form;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (value !== undefined) {
      params.append(key, String(value));
    }
  }
  return params;
}
