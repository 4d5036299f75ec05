/**
 * How values become Redis strings. The default codec is JSON with a format tag (`gk1:`) and typed
 * nodes for what JSON loses — Date, bigint, Uint8Array, undefined, NaN, ±Infinity, -0, objects
 * without a prototype — so what you store reads back equal. Anything else (functions, symbols,
 * class instances, Map/Set, Buffer, cycles) is refused with the path of the offending part.
 */
import { SerializationError } from '../errors/serialization-error.js';

export interface ValueCodec<V = unknown> {
  encode(value: V): string;
  /** Throws SerializationError('VALUE_CORRUPT') for text it did not write. */
  decode(text: string): V;
}

const TAG = 'gk1:';
const MAX_DEPTH = 64;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function typeName(value: unknown): string {
  if (typeof value !== 'object' || value === null) {
    return typeof value;
  }
  const name = Object.getPrototypeOf(value)?.constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'object';
}

function refuse(path: string, what: string): never {
  const where = path.length > 200 ? `${path.slice(0, 200)}…` : path;
  throw new SerializationError('VALUE_NOT_SERIALIZABLE', `Cannot store ${what} at ${where}`, where);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

function encodeNode(value: unknown, path: string, depth: number, seen: Set<object>): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value) && !Object.is(value, -0)) {
        return value;
      }
      return { $: 'num', v: Object.is(value, -0) ? '-0' : String(value) };
    case 'undefined':
      return { $: 'undef' };
    case 'bigint':
      return { $: 'big', v: value.toString() };
    case 'object':
      break;
    default:
      return refuse(path, `a ${typeof value}`);
  }
  if (value === null) {
    return null;
  }
  if (depth >= MAX_DEPTH) {
    refuse(path, `a value nested deeper than ${MAX_DEPTH} levels`);
  }
  if (seen.has(value)) {
    refuse(path, 'a circular reference');
  }
  const proto = Object.getPrototypeOf(value);
  if (value instanceof Date && proto === Date.prototype) {
    const time = value.getTime();
    return { $: 'date', v: Number.isNaN(time) ? null : time };
  }
  if (value instanceof Uint8Array && proto === Uint8Array.prototype) {
    return { $: 'bytes', v: toBase64(value) };
  }
  seen.add(value);
  try {
    if (Array.isArray(value) && proto === Array.prototype) {
      const items: Json[] = new Array(value.length);
      for (let i = 0; i < value.length; i += 1) {
        items[i] = encodeNode(value[i], `${path}[${i}]`, depth + 1, seen);
      }
      return items;
    }
    if (proto !== Object.prototype && proto !== null) {
      return refuse(path, `a ${typeName(value)} (only plain objects, arrays, Date, Uint8Array)`);
    }
    if (Object.getOwnPropertySymbols(value).length > 0) {
      refuse(path, 'an object with symbol keys');
    }
    const entries: { [key: string]: Json } = {};
    let tagged = false;
    for (const key of Object.keys(value)) {
      const encoded = encodeNode((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1, seen);
      // defineProperty: a "__proto__" key must stay a key, not become the prototype.
      Object.defineProperty(entries, key, {
        value: encoded,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      tagged ||= key === '$';
    }
    if (proto === null) {
      return { $: 'null-proto', v: entries };
    }
    // A plain object that has a "$" key of its own is wrapped, so it is never read as a tag.
    return tagged ? { $: 'obj', v: entries } : entries;
  } finally {
    seen.delete(value);
  }
}

function corrupt(message: string, path: string, cause?: unknown): never {
  throw new SerializationError('VALUE_CORRUPT', message, path, cause);
}

function decodeEntries(raw: unknown, target: Record<string, unknown>, path: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    corrupt(`Stored value has a malformed object node at ${path}`, path);
  }
  for (const key of Object.keys(raw)) {
    Object.defineProperty(target, key, {
      value: decodeNode((raw as Record<string, unknown>)[key], `${path}.${key}`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return target;
}

function decodeNode(node: unknown, path: string): unknown {
  if (typeof node !== 'object' || node === null) {
    return node;
  }
  if (Array.isArray(node)) {
    return node.map((item, index) => decodeNode(item, `${path}[${index}]`));
  }
  const record = node as Record<string, unknown>;
  if (!Object.hasOwn(record, '$')) {
    return decodeEntries(record, {}, path);
  }
  const v = record.v;
  switch (record.$) {
    case 'undef':
      return undefined;
    case 'num':
      if (v === '-0') {
        return -0;
      }
      if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') {
        return Number(v);
      }
      break;
    case 'big':
      if (typeof v === 'string' && /^-?\d+$/.test(v)) {
        return BigInt(v);
      }
      break;
    case 'date':
      if (v === null || typeof v === 'number') {
        return new Date(v ?? Number.NaN);
      }
      break;
    case 'bytes':
      if (typeof v === 'string') {
        try {
          return fromBase64(v);
        } catch (error) {
          corrupt(`Stored value has malformed bytes at ${path}`, path, error);
        }
      }
      break;
    case 'obj':
      return decodeEntries(v, {}, path);
    case 'null-proto':
      return decodeEntries(v, Object.create(null) as Record<string, unknown>, path);
  }
  return corrupt(`Stored value has an unknown or malformed tag at ${path}`, path);
}

/** The default codec: `gk1:` + JSON of the tagged tree. */
export const taggedJsonCodec: ValueCodec<unknown> = {
  encode(value) {
    return TAG + JSON.stringify(encodeNode(value, '$', 0, new Set()));
  },
  decode(text) {
    if (!text.startsWith(TAG)) {
      corrupt('Stored value was not written by @goskit/redis (no gk1: format tag)', '$');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.slice(TAG.length));
    } catch (error) {
      corrupt('Stored value is not valid JSON after its gk1: tag', '$', error);
    }
    return decodeNode(parsed, '$');
  },
};
