/**
 * The query of `GET /export`: `size` (bytes, or a number with KB/MB/GB; default 1 MB, from 1 KB to
 * `maxExportBytes`), `seed` (an integer 0…999 999 999; default derived from the simulator's seed),
 * `faultRate` (0…1, at most six decimals), `pretty` (true/false, default true). Every pattern is
 * anchored and bounded, so a hostile query costs nothing; a bad field is named in both languages.
 */
import { hash128 } from '../../engine/random.js';

export interface ExportQuery {
  size: number;
  seed: number;
  faultRate: number;
  pretty: boolean;
}

export interface ExportQueryProblem {
  field: 'size' | 'seed' | 'faultRate' | 'pretty';
  en: string;
  ru: string;
}

export const DEFAULT_EXPORT_SIZE = 1024 * 1024;
export const MIN_EXPORT_SIZE = 1024;
const UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['KB', 1024],
  ['MB', 1024 ** 2],
  ['GB', 1024 ** 3],
]);
const SIZE = /^([0-9]{1,13})(KB|MB|GB|)$/i;
const SEED = /^[0-9]{1,9}$/;
const RATE = /^(0(\.[0-9]{1,6})?|1(\.0{1,6})?)$/;

/** Bytes of a `size` value, or NaN when it is not a number with an optional unit. */
export function exportSizeOf(text: string): number {
  const match = SIZE.exec(text);
  return match === null
    ? Number.NaN
    : Number(match[1]) * (UNITS.get((match[2] as string).toUpperCase()) as number);
}

export function readExportQuery(
  query: URLSearchParams,
  maxExportBytes: number,
  simulatorSeed: string,
): ExportQuery | ExportQueryProblem {
  const sizeText = query.get('size');
  const size = sizeText === null ? DEFAULT_EXPORT_SIZE : exportSizeOf(sizeText);
  if (!(size >= MIN_EXPORT_SIZE && size <= maxExportBytes)) {
    return {
      field: 'size',
      en: `bytes (or a number with KB, MB, GB) from ${MIN_EXPORT_SIZE} to ${maxExportBytes}`,
      ru: `байты (или число с KB, MB, GB) от ${MIN_EXPORT_SIZE} до ${maxExportBytes}`,
    };
  }
  const seedText = query.get('seed');
  if (seedText !== null && !SEED.test(seedText)) {
    return { field: 'seed', en: 'an integer from 0 to 999999999', ru: 'целое число от 0 до 999999999' };
  }
  const rateText = query.get('faultRate');
  if (rateText !== null && !RATE.test(rateText)) {
    return { field: 'faultRate', en: 'a number from 0 to 1', ru: 'число от 0 до 1' };
  }
  const pretty = query.get('pretty');
  if (pretty !== null && pretty !== 'true' && pretty !== 'false') {
    return { field: 'pretty', en: 'true or false', ru: 'true или false' };
  }
  return {
    size,
    seed:
      seedText === null
        ? (hash128(`${simulatorSeed}:paragraf:export`)[0] as number) % 1_000_000_000
        : Number(seedText),
    // Stryker disable next-line ConditionalExpression: equivalent, Number(null) is 0 as well; kept for the reader
    faultRate: rateText === null ? 0 : Number(rateText),
    pretty: pretty !== 'false',
  };
}
