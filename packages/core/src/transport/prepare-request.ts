import type { Options as KyOptions } from 'ky';
import { InvalidOptionsError } from '../errors/invalid-options-error.js';
import type { RequestOptions, ResponseType } from './transport-options.js';

const ACCEPT: Record<ResponseType, string | undefined> = {
  json: 'application/json',
  text: undefined,
  arrayBuffer: undefined,
  stream: undefined,
};

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
      headers[name.toLowerCase()] = value;
    }
  }
  return headers;
}

export function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    out[name.toLowerCase()] = value;
  }
  return out;
}

export interface PreparedBody {
  /** The ky options that carry the body. */
  ky: Pick<KyOptions, 'json' | 'body'>;
  /** False for streams: they cannot be sent twice. */
  replayable: boolean;
  /** For debug logs only (built lazily by the caller when bodies are logged). */
  describe: () => { body: string; contentType: string } | undefined;
}

/** A call without a body (most GETs) shares this one. */
const NO_BODY: PreparedBody = Object.freeze({
  ky: Object.freeze({}),
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
    const json = options.json;
    return {
      ky: { json },
      replayable: true,
      describe: () => ({ body: JSON.stringify(json), contentType: 'application/json' }),
    };
  }
  if (options.form !== undefined) {
    const form = toForm(options.form);
    return {
      ky: { body: form },
      replayable: true,
      describe: () => ({ body: form.toString(), contentType: 'application/x-www-form-urlencoded' }),
    };
  }
  if (options.body !== undefined) {
    const body = options.body;
    return {
      ky: { body },
      replayable: !(typeof ReadableStream !== 'undefined' && body instanceof ReadableStream),
      describe: () => (typeof body === 'string' ? { body, contentType: 'text/plain' } : undefined),
    };
  }
  return NO_BODY;
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
