import { CryptoError } from '../errors.js';
import { utf8 } from './bytes.js';

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers as ECMAScript
 * prints them — the same bytes as RFC 8785 (JCS) for strings, finite numbers, booleans, null,
 * arrays and plain objects. Properties whose value is `undefined` are left out (as JSON.stringify
 * does); anything JSON cannot carry (NaN, Infinity, bigint, functions, symbols, cycles, `undefined`
 * inside arrays) is rejected rather than silently changed, because both sides must hash the same bytes.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}

function write(value: unknown, seen: Set<object>): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new CryptoError('INVALID_INPUT', 'Canonical JSON cannot carry NaN or Infinity');
    }
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') {
    throw new CryptoError('INVALID_INPUT', `Canonical JSON cannot carry a ${typeof value}`);
  }
  if (seen.has(value)) {
    throw new CryptoError('INVALID_INPUT', 'Canonical JSON cannot carry a cycle');
  }
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item) => {
        if (item === undefined) {
          throw new CryptoError('INVALID_INPUT', 'Canonical JSON cannot carry undefined in an array');
        }
        return write(item, seen);
      })}]`;
    }
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') {
      return write(withToJson.toJSON(), seen);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key], seen)}`).join(',')}}`;
  } finally {
    seen.delete(value);
  }
}
