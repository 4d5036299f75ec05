/**
 * The parameters of a VK API call, as VK reads them: the query string and the body
 * (application/x-www-form-urlencoded or multipart/form-data; a JSON body is not read, as VK does
 * not read one), body values winning; `name[]` repeated or `name[0]` indexed collapse into a comma
 * list. The token comes from `access_token` or `Authorization: Bearer`. Parsed once per request.
 */
import { bodyText } from '../../engine/responses.js';
import type { SimRequest } from '../../engine/types.js';
import { invalidParam, missingParam } from './errors.js';
import { multipartBoundary, readMultipartFields } from './multipart.js';

/** Parameters kept per call; a request with more keeps the first ones. */
const MAX_PARAMS = 500;

export interface VkCall {
  /** Every parameter (the token included), in the order sent. */
  params: Map<string, string>;
  /** From `Authorization: Bearer` or `access_token`; undefined when absent. */
  token: string | undefined;
}

const calls = new WeakMap<SimRequest, VkCall>();

/** The call's parameters (cached per request: the rate limiter's key reads them first). */
export function readCall(request: SimRequest): VkCall {
  let call = calls.get(request);
  if (call === undefined) {
    call = parseCall(request);
    calls.set(request, call);
  }
  return call;
}

function parseCall(request: SimRequest): VkCall {
  const params = new Map<string, string>();
  const add = (rawName: string, value: string) => {
    if (params.size >= MAX_PARAMS) {
      return;
    }
    const list = /^([^[\]]+)\[\d*\]$/.exec(rawName);
    if (list?.[1] !== undefined) {
      const name = list[1];
      const previous = params.get(name);
      params.set(name, previous === undefined || previous === '' ? value : `${previous},${value}`);
      return;
    }
    params.set(rawName, value);
  };
  for (const [name, value] of request.query) {
    add(name, value);
  }
  const type = request.headers['content-type'] ?? '';
  if (request.body !== undefined && request.body.byteLength > 0) {
    if (/application\/x-www-form-urlencoded/i.test(type)) {
      for (const [name, value] of new URLSearchParams(bodyText(request.body))) {
        add(name, value);
      }
    } else {
      const boundary = multipartBoundary(type);
      if (boundary !== undefined) {
        for (const [name, value] of readMultipartFields(request.body, boundary)) {
          add(name, value);
        }
      }
    }
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  const token = bearer ?? nonEmpty(params.get('access_token'));
  return { params, token };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

const INTEGER = /^-?\d{1,19}$/;

/** A typed view of one call's parameters; every reader throws VK's error 100 naming the parameter. */
export class Params {
  readonly #params: Map<string, string>;

  constructor(params: Map<string, string>) {
    this.#params = params;
  }

  has(name: string): boolean {
    return nonEmpty(this.#params.get(name)) !== undefined;
  }

  string(name: string): string | undefined {
    return nonEmpty(this.#params.get(name));
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) {
      throw missingParam(name);
    }
    return value;
  }

  /** An integer (ids, counts); `__proto__`, `1.5`, `1e3` → 100 `<name> not integer`. */
  int(name: string, range: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) {
      return undefined;
    }
    return checkInteger(name, raw, range);
  }

  requiredInt(name: string, range: { min?: number; max?: number } = {}): number {
    const value = this.int(name, range);
    if (value === undefined) {
      throw missingParam(name);
    }
    return value;
  }

  /** A comma list of integers ('1,2,3'); `max` bounds its length. */
  ints(name: string, max = 1000): number[] | undefined {
    const raw = this.string(name);
    if (raw === undefined) {
      return undefined;
    }
    const items = raw.split(',').filter((item) => item.trim() !== '');
    if (items.length > max) {
      throw invalidParam(name, `should contain at most ${max} items`);
    }
    return items.map((item) => checkInteger(name, item.trim(), {}));
  }

  /** A comma list of words (fields). */
  list(name: string): string[] {
    return (this.string(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** VK booleans: 1/0, true/false. */
  bool(name: string): boolean {
    const raw = this.string(name);
    return raw === '1' || raw?.toLowerCase() === 'true';
  }

  /** The random_id as a canonical decimal string (int64 range), or undefined. */
  randomId(name = 'random_id'): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) {
      return undefined;
    }
    if (!INTEGER.test(raw)) {
      throw invalidParam(name, 'not integer');
    }
    return BigInt(raw).toString();
  }
}

function checkInteger(name: string, raw: string, range: { min?: number; max?: number }): number {
  if (!INTEGER.test(raw)) {
    throw invalidParam(name, 'not integer');
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) {
    throw invalidParam(name, 'not integer');
  }
  if (range.min !== undefined && value < range.min) {
    throw invalidParam(name, `should be greater or equal to ${range.min}`);
  }
  if (range.max !== undefined && value > range.max) {
    throw invalidParam(name, `should be less or equal to ${range.max}`);
  }
  return value;
}
