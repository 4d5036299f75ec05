/**
 * Validator for the JSON Schema subset OpenAPI 3.0/3.1 documents use: type (also arrays and
 * `nullable`), properties, required, additionalProperties, items, enum, const, oneOf/anyOf/allOf,
 * pattern, minimum/maximum (and exclusive), min/maxLength, min/maxItems and local $ref. `format` and
 * annotations are not checked. Any other keyword throws UNSUPPORTED_KEYWORD: a contract that says
 * more than this checker understands must fail loudly, never pass silently.
 * Small on purpose: no dependency, works in a browser, error paths like '$.items[0].id'.
 */
import { SimulatorError } from '../errors.js';
export type JsonSchema = boolean | { [keyword: string]: unknown };

export interface SchemaContext {
  /** Resolves '#/components/schemas/X' against the whole document. */
  root: unknown;
  /** Regex cache shared across checks. */
  patterns: Map<string, RegExp>;
}

type Errors = string[];

/** Keywords the checker enforces. */
const CHECKED = new Set([
  'type',
  'nullable',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'oneOf',
  'anyOf',
  'allOf',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  '$ref',
]);

/** Keywords that describe without constraining (or, like `format`, that goskit chooses not to check). */
const ANNOTATIONS = new Set([
  'format',
  'title',
  'description',
  'default',
  'example',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  '$schema',
  '$id',
  'discriminator',
  'xml',
  'externalDocs',
  'contentMediaType',
  'contentEncoding',
]);

/** Schema objects already vetted: a contract is walked once, not on every response. */
const vetted = new WeakSet<object>();

/** Throws UNSUPPORTED_KEYWORD naming the keyword and where it sits; `x-` extensions are allowed. */
export function assertSupportedKeywords(schema: JsonSchema, at: string): void {
  if (typeof schema !== 'object' || schema === null || vetted.has(schema)) {
    return;
  }
  for (const keyword of Object.keys(schema)) {
    if (!CHECKED.has(keyword) && !ANNOTATIONS.has(keyword) && !keyword.startsWith('x-')) {
      throw new SimulatorError(
        'INVALID_CONTRACT',
        `${at}: the contract checker does not support the JSON Schema keyword "${keyword}"; supported: ${[...CHECKED].join(', ')}`,
      );
    }
  }
  vetted.add(schema);
}

const MAX_ERRORS = 20;

export function validateSchema(
  schema: JsonSchema,
  value: unknown,
  context: SchemaContext,
  at = '$',
): string[] {
  const errors: Errors = [];
  check(schema, value, context, at, errors, 0);
  return errors.slice(0, MAX_ERRORS);
}

function resolveRef(ref: string, context: SchemaContext): JsonSchema {
  if (!ref.startsWith('#/')) {
    throw new SimulatorError('INVALID_CONTRACT', `only local $ref is supported, got ${ref}`);
  }
  let node: unknown = context.root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (node === undefined) {
    throw new SimulatorError('INVALID_CONTRACT', `unresolved $ref ${ref}`);
  }
  return node as JsonSchema;
}

function typeOf(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  return typeof value;
}

function typeMatches(expected: string, value: unknown): boolean {
  const actual = typeOf(value);
  if (expected === 'integer') {
    return typeof value === 'number' && Number.isInteger(value);
  }
  return expected === actual;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function check(
  schema: JsonSchema,
  value: unknown,
  context: SchemaContext,
  at: string,
  errors: Errors,
  depth: number,
): void {
  if (errors.length >= MAX_ERRORS || schema === true) {
    return;
  }
  if (schema === false) {
    errors.push(`${at}: no value is allowed here`);
    return;
  }
  if (depth > 64) {
    errors.push(`${at}: schema nesting too deep (recursive $ref?)`);
    return;
  }
  assertSupportedKeywords(schema, at);
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') {
    check(resolveRef(s.$ref, context), value, context, at, errors, depth + 1);
    return;
  }
  if (!checkType(s, value, at, errors)) {
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.some((option) => deepEqual(option, value))) {
    errors.push(
      `${at}: must be one of ${JSON.stringify(s.enum).slice(0, 120)}, got ${JSON.stringify(value)?.slice(0, 60)}`,
    );
  }
  if ('const' in s && !deepEqual(s.const, value)) {
    errors.push(`${at}: must equal ${JSON.stringify(s.const)}`);
  }
  checkCombinators(s, value, context, at, errors, depth);
  if (typeof value === 'string') {
    checkString(s, value, context, at, errors);
  } else if (typeof value === 'number') {
    checkNumber(s, value, at, errors);
  } else if (Array.isArray(value)) {
    checkArray(s, value, context, at, errors, depth);
  } else if (value !== null && typeof value === 'object') {
    checkObject(s, value as Record<string, unknown>, context, at, errors, depth);
  }
}

function checkType(s: Record<string, unknown>, value: unknown, at: string, errors: Errors): boolean {
  if (s.type === undefined) {
    return true;
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  if (s.nullable === true) {
    types.push('null');
  }
  if (types.some((type) => typeMatches(type, value))) {
    return true;
  }
  errors.push(`${at}: expected ${types.join(' | ')}, got ${typeOf(value)}`);
  return false;
}

function checkCombinators(
  s: Record<string, unknown>,
  value: unknown,
  context: SchemaContext,
  at: string,
  errors: Errors,
  depth: number,
): void {
  if (Array.isArray(s.allOf)) {
    for (const part of s.allOf as JsonSchema[]) {
      check(part, value, context, at, errors, depth + 1);
    }
  }
  const passing = (options: JsonSchema[]) =>
    options.filter((option) => {
      const sub: Errors = [];
      check(option, value, context, at, sub, depth + 1);
      return sub.length === 0;
    }).length;
  if (Array.isArray(s.anyOf) && passing(s.anyOf as JsonSchema[]) === 0) {
    errors.push(`${at}: matches none of anyOf`);
  }
  if (Array.isArray(s.oneOf)) {
    const count = passing(s.oneOf as JsonSchema[]);
    if (count !== 1) {
      errors.push(`${at}: must match exactly one of oneOf, matches ${count}`);
    }
  }
}

function checkString(
  s: Record<string, unknown>,
  value: string,
  context: SchemaContext,
  at: string,
  errors: Errors,
) {
  if (typeof s.minLength === 'number' && value.length < s.minLength) {
    errors.push(`${at}: shorter than ${s.minLength}`);
  }
  if (typeof s.maxLength === 'number' && value.length > s.maxLength) {
    errors.push(`${at}: longer than ${s.maxLength}`);
  }
  if (typeof s.pattern === 'string') {
    let regex = context.patterns.get(s.pattern);
    if (!regex) {
      regex = new RegExp(s.pattern, 'u');
      context.patterns.set(s.pattern, regex);
    }
    if (!regex.test(value)) {
      errors.push(`${at}: does not match pattern ${s.pattern}`);
    }
  }
}

function checkNumber(s: Record<string, unknown>, value: number, at: string, errors: Errors) {
  if (typeof s.minimum === 'number' && value < s.minimum) {
    errors.push(`${at}: below minimum ${s.minimum}`);
  }
  if (typeof s.maximum === 'number' && value > s.maximum) {
    errors.push(`${at}: above maximum ${s.maximum}`);
  }
  if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) {
    errors.push(`${at}: must be above ${s.exclusiveMinimum}`);
  }
  if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) {
    errors.push(`${at}: must be below ${s.exclusiveMaximum}`);
  }
}

function checkArray(
  s: Record<string, unknown>,
  value: unknown[],
  context: SchemaContext,
  at: string,
  errors: Errors,
  depth: number,
) {
  if (typeof s.minItems === 'number' && value.length < s.minItems) {
    errors.push(`${at}: fewer than ${s.minItems} items`);
  }
  if (typeof s.maxItems === 'number' && value.length > s.maxItems) {
    errors.push(`${at}: more than ${s.maxItems} items`);
  }
  if (s.items !== undefined) {
    value.forEach((item, index) => {
      check(s.items as JsonSchema, item, context, `${at}[${index}]`, errors, depth + 1);
    });
  }
}

function checkObject(
  s: Record<string, unknown>,
  value: Record<string, unknown>,
  context: SchemaContext,
  at: string,
  errors: Errors,
  depth: number,
) {
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  // Response keys are the server's input: `__proto__` must not find Object.prototype as its schema.
  const declaredOf = (name: string) => (Object.hasOwn(properties, name) ? properties[name] : undefined);
  if (Array.isArray(s.required)) {
    for (const name of s.required as string[]) {
      if (!(name in value)) {
        errors.push(`${at}: missing required property '${name}'`);
      }
    }
  }
  for (const [name, child] of Object.entries(value)) {
    const path = /^[A-Za-z_$][\w$]*$/.test(name) ? `${at}.${name}` : `${at}[${JSON.stringify(name)}]`;
    const declared = declaredOf(name);
    if (declared !== undefined) {
      check(declared, child, context, path, errors, depth + 1);
    } else if (s.additionalProperties === false) {
      errors.push(`${at}: unexpected property '${name}'`);
    } else if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
      check(s.additionalProperties as JsonSchema, child, context, path, errors, depth + 1);
    }
  }
}
