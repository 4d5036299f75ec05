/**
 * XSD simple types as checking functions: the built-in types a school data schema uses, and
 * restrictions (enumeration, pattern, length, ranges, digits, whiteSpace) and unions over them. A
 * check returns undefined for a valid value, else the code of the rule it broke. Built-in types this
 * file does not know are refused when the schema is compiled, never accepted silently.
 */
import type { FormatCode } from './format-messages.js';

export type SimpleCheck = (value: string) => FormatCode | undefined;
export type WhiteSpace = 'preserve' | 'replace' | 'collapse';
export type Ordering = 'number' | 'bigint' | 'temporal' | 'none';

export interface SimpleType {
  /** Normalises, then checks the lexical form and every facet. */
  check: SimpleCheck;
  whiteSpace: WhiteSpace;
  ordering: Ordering;
  /** The value-space comparison for range facets, as a number or a comparable string. */
  key: (value: string) => number | bigint | string;
}

export function normalise(value: string, whiteSpace: WhiteSpace): string {
  if (whiteSpace === 'preserve') {
    return value;
  }
  const replaced = value.replace(/[\t\n\r]/g, ' ');
  return whiteSpace === 'replace' ? replaced : replaced.replace(/ {2,}/g, ' ').trim();
}

const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DOUBLE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN)$/;
const NAME = /^[\p{L}_:][\p{L}\p{N}._:\u00B7-]*$/u;
const NCNAME = /^[\p{L}_][\p{L}\p{N}._\u00B7-]*$/u;
const NMTOKEN = /^[\p{L}\p{N}._:\u00B7-]+$/u;
const LANGUAGE = /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/;
const G_YEAR = /^-?\d{4,}(?:Z|[+-]\d{2}:\d{2})?$/;
const G_YEAR_MONTH = /^(-?\d{4,})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;
const DURATION =
  /^-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const BOOLEAN = new Set(['true', 'false', '1', '0']);

function realDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) {
    return false;
  }
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= days;
}

function zoneOk(zone: string | undefined): boolean {
  if (zone === undefined || zone === 'Z') {
    return true;
  }
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  return minutes < 60 && (hours < 14 || (hours === 14 && minutes === 0));
}

function clockOk(h: string, m: string, s: string): boolean {
  return (Number(h) < 24 && Number(m) < 60 && Number(s) < 60) || (h === '24' && m === '00' && s === '00');
}

type Lexical = (value: string) => boolean;

interface Builtin {
  lexical: Lexical;
  whiteSpace: WhiteSpace;
  ordering: Ordering;
  /** Inclusive bounds of derived integer types. */
  min?: bigint;
  max?: bigint;
}

const integerRange = (min: bigint | undefined, max: bigint | undefined): Builtin => ({
  lexical: (value) => INTEGER.test(value),
  whiteSpace: 'collapse',
  ordering: 'bigint',
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
});

const collapsed = (lexical: Lexical, ordering: Ordering = 'none'): Builtin => ({
  lexical,
  whiteSpace: 'collapse',
  ordering,
});

const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['anySimpleType', { lexical: () => true, whiteSpace: 'preserve', ordering: 'none' }],
  ['string', { lexical: () => true, whiteSpace: 'preserve', ordering: 'none' }],
  ['normalizedString', { lexical: () => true, whiteSpace: 'replace', ordering: 'none' }],
  ['token', collapsed(() => true)],
  ['language', collapsed((v) => LANGUAGE.test(v))],
  ['Name', collapsed((v) => NAME.test(v))],
  ['NCName', collapsed((v) => NCNAME.test(v))],
  ['ID', collapsed((v) => NCNAME.test(v))],
  ['IDREF', collapsed((v) => NCNAME.test(v))],
  ['NMTOKEN', collapsed((v) => NMTOKEN.test(v))],
  ['anyURI', collapsed((v) => !/\s/.test(v))],
  ['boolean', collapsed((v) => BOOLEAN.has(v))],
  ['decimal', collapsed((v) => DECIMAL.test(v), 'number')],
  ['double', collapsed((v) => DOUBLE.test(v), 'number')],
  ['float', collapsed((v) => DOUBLE.test(v), 'number')],
  ['integer', integerRange(undefined, undefined)],
  ['nonNegativeInteger', integerRange(0n, undefined)],
  ['positiveInteger', integerRange(1n, undefined)],
  ['nonPositiveInteger', integerRange(undefined, 0n)],
  ['negativeInteger', integerRange(undefined, -1n)],
  ['long', integerRange(-(2n ** 63n), 2n ** 63n - 1n)],
  ['int', integerRange(-(2n ** 31n), 2n ** 31n - 1n)],
  ['short', integerRange(-32768n, 32767n)],
  ['byte', integerRange(-128n, 127n)],
  ['unsignedLong', integerRange(0n, 2n ** 64n - 1n)],
  ['unsignedInt', integerRange(0n, 2n ** 32n - 1n)],
  ['unsignedShort', integerRange(0n, 65535n)],
  ['unsignedByte', integerRange(0n, 255n)],
  [
    'date',
    collapsed((v) => {
      const m = DATE.exec(v);
      return m !== null && realDate(m[1] as string, m[2] as string, m[3] as string) && zoneOk(m[4]);
    }, 'temporal'),
  ],
  [
    'dateTime',
    collapsed((v) => {
      const m = DATE_TIME.exec(v);
      return (
        m !== null &&
        realDate(m[1] as string, m[2] as string, m[3] as string) &&
        clockOk(m[4] as string, m[5] as string, m[6] as string) &&
        zoneOk(m[7])
      );
    }, 'temporal'),
  ],
  [
    'time',
    collapsed((v) => {
      const m = TIME.exec(v);
      return m !== null && clockOk(m[1] as string, m[2] as string, m[3] as string) && zoneOk(m[4]);
    }, 'temporal'),
  ],
  ['gYear', collapsed((v) => G_YEAR.test(v), 'temporal')],
  [
    'gYearMonth',
    collapsed((v) => {
      const m = G_YEAR_MONTH.exec(v);
      return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
    }, 'temporal'),
  ],
  ['duration', collapsed((v) => DURATION.test(v))],
  ['base64Binary', collapsed((v) => BASE64.test(v.replace(/ /g, '')))],
  ['hexBinary', collapsed((v) => HEX.test(v))],
]);

export function isBuiltin(name: string): boolean {
  return BUILTINS.has(name);
}

function keyFor(ordering: Ordering): (value: string) => number | bigint | string {
  if (ordering === 'bigint') {
    return (value) => BigInt(value);
  }
  if (ordering === 'number') {
    return (value) =>
      value === 'INF' || value === '+INF' ? Infinity : value === '-INF' ? -Infinity : Number(value);
  }
  return (value) => value;
}

export function builtinType(name: string): SimpleType | undefined {
  const builtin = BUILTINS.get(name);
  if (builtin === undefined) {
    return undefined;
  }
  const { lexical, whiteSpace, ordering, min, max } = builtin;
  const bounded = min !== undefined || max !== undefined;
  return {
    whiteSpace,
    ordering,
    key: keyFor(ordering),
    check: (raw) => {
      const value = normalise(raw, whiteSpace);
      if (!lexical(value)) {
        return 'XSD_DATATYPE';
      }
      if (bounded) {
        const number = BigInt(value);
        if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
          return 'XSD_RANGE';
        }
      }
      return undefined;
    },
  };
}

/** Facets of one restriction step, already read from the schema. */
export interface Facets {
  enumeration?: string[];
  /** Patterns of this step (any may match); every step's group must match. */
  patterns?: RegExp[];
  length?: number;
  minLength?: number;
  maxLength?: number;
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
  whiteSpace?: WhiteSpace;
}

function digitsOf(value: string): { total: number; fraction: number } {
  const unsigned = value.replace(/^[+-]/, '');
  const [whole = '', fraction = ''] = unsigned.split('.');
  const wholeDigits = whole.replace(/^0+/, '');
  const fractionDigits = fraction.replace(/0+$/, '');
  return { total: wholeDigits.length + fractionDigits.length || 1, fraction: fractionDigits.length };
}

/** A restriction of `base` by `facets`. */
export function restrict(base: SimpleType, facets: Facets): SimpleType {
  const whiteSpace = facets.whiteSpace ?? base.whiteSpace;
  const key = base.key;
  const enumeration =
    facets.enumeration === undefined
      ? undefined
      : new Set(facets.enumeration.map((v) => normalise(v, whiteSpace)));
  const bound = (text: string | undefined) =>
    text === undefined ? undefined : key(normalise(text, 'collapse'));
  const minInclusive = bound(facets.minInclusive);
  const maxInclusive = bound(facets.maxInclusive);
  const minExclusive = bound(facets.minExclusive);
  const maxExclusive = bound(facets.maxExclusive);
  const ranged =
    minInclusive !== undefined ||
    maxInclusive !== undefined ||
    minExclusive !== undefined ||
    maxExclusive !== undefined;
  const { patterns, length, minLength, maxLength, totalDigits, fractionDigits } = facets;
  return {
    whiteSpace,
    ordering: base.ordering,
    key,
    check: (raw) => {
      const value = normalise(raw, whiteSpace);
      const inherited = base.check(value);
      if (inherited !== undefined) {
        return inherited;
      }
      if (length !== undefined || minLength !== undefined || maxLength !== undefined) {
        const size = [...value].length;
        if (
          (length !== undefined && size !== length) ||
          (minLength !== undefined && size < minLength) ||
          (maxLength !== undefined && size > maxLength)
        ) {
          return 'XSD_LENGTH';
        }
      }
      if (patterns !== undefined && !patterns.some((pattern) => pattern.test(value))) {
        return 'XSD_PATTERN';
      }
      if (enumeration !== undefined && !enumeration.has(value)) {
        return 'XSD_ENUMERATION';
      }
      if (ranged) {
        const k = key(value);
        if (
          (minInclusive !== undefined && k < minInclusive) ||
          (maxInclusive !== undefined && k > maxInclusive) ||
          (minExclusive !== undefined && k <= minExclusive) ||
          (maxExclusive !== undefined && k >= maxExclusive)
        ) {
          return 'XSD_RANGE';
        }
      }
      if (totalDigits !== undefined || fractionDigits !== undefined) {
        const digits = digitsOf(value);
        if (
          (totalDigits !== undefined && digits.total > totalDigits) ||
          (fractionDigits !== undefined && digits.fraction > fractionDigits)
        ) {
          return 'XSD_RANGE';
        }
      }
      return undefined;
    },
  };
}

/** A union: valid when any member accepts the value. */
export function union(members: SimpleType[]): SimpleType {
  return {
    whiteSpace: 'preserve',
    ordering: 'none',
    key: (value) => value,
    check: (raw) => {
      for (const member of members) {
        if (member.check(raw) === undefined) {
          return undefined;
        }
      }
      return 'XSD_DATATYPE';
    },
  };
}

/**
 * An XSD regular expression as a JS one. XSD patterns are anchored at both ends; the constructs JS
 * reads differently are refused: character class subtraction `[a-z-[aeiou]]`, `\i \c \I \C`, and
 * Unicode block escapes `\p{IsBasicLatin}`.
 */
export function xsdPattern(source: string): RegExp | string {
  if (/\[[^\]]*-\[/.test(source)) {
    return 'character class subtraction';
  }
  if (/\\[icIC]/.test(source)) {
    return 'the \\i and \\c escapes';
  }
  if (/\\[pP]\{Is/.test(source)) {
    return 'Unicode block escapes';
  }
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    return 'a pattern JavaScript cannot read';
  }
}
