/**
 * VK method names and parameters, checked and encoded the way VK reads them: arrays as
 * comma-separated lists, booleans as 1/0, objects (keyboards, templates) as JSON. Everything is
 * checked before sending; a bad name or value is an `SferumInputError` naming the parameter, never
 * a request VK would answer with error 100.
 */
import { SferumInputError } from '../errors/sferum-input-error.js';

export type VkParamScalar = string | number | boolean;
export type VkParamValue =
  | VkParamScalar
  | readonly (string | number)[]
  | { readonly [key: string]: unknown }
  | null
  | undefined;
export type VkParams = { readonly [key: string]: VkParamValue };

/** `messages.send`, `execute.myProcedure`: section and name, letters and digits; `execute` alone. */
const METHOD_NAME = /^(?:execute|[a-z][A-Za-z0-9]{0,40}\.[a-z][A-Za-z0-9]{0,60})$/;
/** VK parameter names are lower snake case. */
const PARAM_NAME = /^[a-z][a-z0-9_]{0,63}$/;
/** Set by the client from its options; a call cannot override them. */
const RESERVED = new Set(['access_token', 'v']);

const checkedMethods = new Set<string>();

export function checkMethodName(method: unknown): asserts method is string {
  if (typeof method === 'string' && checkedMethods.has(method)) {
    return;
  }
  if (typeof method !== 'string' || !METHOD_NAME.test(method)) {
    throw new SferumInputError('method', 'method-name', {
      ru: 'Имя метода VK должно иметь вид «раздел.метод» (латинские буквы и цифры), например messages.send.',
      en: 'A VK method name must look like "section.method" (Latin letters and digits), e.g. messages.send.',
    });
  }
  if (checkedMethods.size < 1000) {
    checkedMethods.add(method);
  }
}

function badValue(key: string, rule: string, ru: string, en: string): SferumInputError {
  return new SferumInputError(`params.${key}`, rule, { ru, en });
}

function checkKey(key: string): void {
  if (!PARAM_NAME.test(key)) {
    throw new SferumInputError('params', 'param-name', {
      ru: 'Имена параметров VK — строчные латинские буквы, цифры и «_» (до 64 символов).',
      en: 'VK parameter names are lower-case Latin letters, digits and "_" (up to 64 characters).',
    });
  }
  if (RESERVED.has(key)) {
    throw badValue(
      key,
      'reserved-param',
      'Этот параметр задаёт клиент (token и version в createVkClient).',
      'The client sets this parameter (token and version in createVkClient).',
    );
  }
}

function scalar(key: string, value: unknown): string | number {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw badValue(key, 'finite-number', 'Число должно быть конечным.', 'The number must be finite.');
    }
    return value;
  }
  if (typeof value === 'boolean') {
    return value ? 1 : 0;
  }
  throw badValue(
    key,
    'value-type',
    'Значение должно быть строкой, числом, логическим значением, массивом или объектом.',
    'The value must be a string, number, boolean, array or object.',
  );
}

function listItem(key: string, item: unknown): string {
  if (typeof item === 'number' && Number.isFinite(item)) {
    return String(item);
  }
  if (typeof item === 'string' && !item.includes(',')) {
    return item;
  }
  throw badValue(
    key,
    'list-item',
    'Элементы списка — конечные числа или строки без запятых.',
    'List items must be finite numbers or strings without commas.',
  );
}

/** One parameter as VK reads it; undefined when it is absent (undefined or null). */
export function encodeParam(key: string, value: unknown): string | number | undefined {
  checkKey(key);
  if (value === undefined || value === null) {
    return undefined;
  }
  if (Array.isArray(value)) {
    let joined = '';
    for (let i = 0; i < value.length; i += 1) {
      joined += (i === 0 ? '' : ',') + listItem(key, value[i]);
    }
    return joined;
  }
  if (typeof value === 'object') {
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch (error) {
      throw new SferumInputError(
        `params.${key}`,
        'json',
        { ru: 'Объект нельзя сериализовать в JSON.', en: 'The object cannot be serialised to JSON.' },
        { cause: error },
      );
    }
    return json ?? '';
  }
  return scalar(key, value);
}

/** Appends the parameters to a form body. */
export function appendParams(body: URLSearchParams, params: VkParams | undefined): void {
  if (params === undefined) {
    return;
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new SferumInputError('params', 'object', {
      ru: 'Параметры передаются объектом { имя: значение }.',
      en: 'Parameters are an object { name: value }.',
    });
  }
  for (const key in params) {
    if (!Object.hasOwn(params, key)) {
      continue;
    }
    const encoded = encodeParam(key, params[key]);
    if (encoded !== undefined) {
      body.append(key, typeof encoded === 'number' ? String(encoded) : encoded);
    }
  }
}

/** The parameters as a JSON-ready record (numbers stay numbers), for `execute` code. */
export function paramsRecord(params: VkParams | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = Object.create(null);
  if (params === undefined) {
    return out;
  }
  for (const key in params) {
    if (!Object.hasOwn(params, key)) {
      continue;
    }
    const encoded = encodeParam(key, params[key]);
    if (encoded !== undefined) {
      out[key] = encoded;
    }
  }
  return out;
}

/** An integer id parameter (`chat_id`, `peer_id`, `user_id`) in range, or an error naming it. */
export function checkInteger(key: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw badValue(
      key,
      'integer-range',
      `Ожидается целое число от ${min} до ${max}.`,
      `An integer from ${min} to ${max} is expected.`,
    );
  }
  return value;
}

/** A non-empty string up to `max` characters (`title`, `call_id`). */
export function checkText(key: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw badValue(
      key,
      'text-length',
      `Ожидается непустая строка не длиннее ${max} символов.`,
      `A non-empty string of at most ${max} characters is expected.`,
    );
  }
  return value;
}

/** A list of integer ids with a bounded length (`user_ids`, `peer_ids`). */
export function checkIdList(
  key: string,
  ids: unknown,
  range: { min: number; max: number; minItems: number; maxItems: number },
): readonly number[] {
  if (!Array.isArray(ids) || ids.length < range.minItems || ids.length > range.maxItems) {
    throw badValue(
      key,
      'list-length',
      `Ожидается список из ${range.minItems}–${range.maxItems} идентификаторов.`,
      `A list of ${range.minItems}–${range.maxItems} ids is expected.`,
    );
  }
  for (let index = 0; index < ids.length; index += 1) {
    checkInteger(`${key}[${index}]`, ids[index], range.min, range.max);
  }
  return ids as readonly number[];
}

/** Exactly one of the keys must be given (`user_id` or `member_id`; `peer_id`, `user_id` …). */
export function requireExactlyOne(params: Record<string, unknown>, keys: readonly string[]): string {
  const given = keys.filter((key) => params[key] !== undefined && params[key] !== null);
  if (given.length !== 1) {
    throw new SferumInputError(`params.${keys.join('|')}`, 'exactly-one', {
      ru: `Укажите ровно один из параметров: ${keys.join(', ')}.`,
      en: `Give exactly one of: ${keys.join(', ')}.`,
    });
  }
  return given[0] as string;
}
