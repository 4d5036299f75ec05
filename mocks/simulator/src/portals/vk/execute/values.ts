/**
 * VKScript values and operators: null, booleans, numbers, strings, arrays and objects (object
 * literals have no prototype; fields are read only when own, written with defineProperty, so
 * `__proto__` is just a name). `+` concatenates arrays, as VKScript's `items + result.items` does.
 */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
export type ObjectValue = { [key: string]: Value };

export class RuntimeFailure extends Error {}

export function isObject(value: unknown): value is ObjectValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function newObject(): ObjectValue {
  return Object.create(null) as ObjectValue;
}

export function getField(value: Value, key: string): Value {
  if (isObject(value) && Object.hasOwn(value, key)) {
    return value[key] ?? null;
  }
  return null;
}

export function setField(object: ObjectValue, key: string, value: Value): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

export function truthy(value: Value): boolean {
  return value !== null && value !== false && value !== 0 && value !== '' && !Number.isNaN(value);
}

export function toNumber(value: Value): number {
  if (value === null || value === false) {
    return 0;
  }
  if (value === true) {
    return 1;
  }
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string') {
    return value.trim() === '' ? 0 : Number(value);
  }
  return Number.NaN;
}

/** Text of a scalar for string concatenation; arrays join their scalars with commas. */
export function toText(value: Value): string {
  if (value === null) {
    return '';
  }
  if (Array.isArray(value)) {
    return value.map((item) => (Array.isArray(item) || isObject(item) ? '' : toText(item))).join(',');
  }
  if (isObject(value)) {
    return '[object Object]';
  }
  return String(value);
}

export function looseEquals(a: Value, b: Value): boolean {
  if (a === b) {
    return true;
  }
  if (a === null || b === null) {
    return false;
  }
  const scalar = (value: Value) =>
    typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';
  if (scalar(a) && scalar(b) && typeof a !== typeof b) {
    return toNumber(a) === toNumber(b);
  }
  return false;
}

export function compare(operator: string, a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    return operator === '<' ? a < b : operator === '>' ? a > b : operator === '<=' ? a <= b : a >= b;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (Number.isNaN(x) || Number.isNaN(y)) {
    throw new RuntimeFailure('Comparing values of different or unsupported types');
  }
  return operator === '<' ? x < y : operator === '>' ? x > y : operator === '<=' ? x <= y : x >= y;
}

export function arithmetic(operator: string, a: Value, b: Value): number {
  const x = toNumber(a);
  const y = toNumber(b);
  if ((operator === '/' || operator === '%') && y === 0) {
    throw new RuntimeFailure('Division by zero');
  }
  const result = operator === '-' ? x - y : operator === '*' ? x * y : operator === '/' ? x / y : x % y;
  if (!Number.isFinite(result)) {
    throw new RuntimeFailure(`Invalid operands of ${operator}`);
  }
  return result;
}

/** Deepest nesting of a value, walked without recursion; stops counting past `limit`. */
export function valueDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) {
      continue;
    }
    deepest = Math.max(deepest, depth);
    if (deepest > limit) {
      return deepest;
    }
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
