/**
 * The paragraf portal's refusals, rule by rule, called directly: which credentials open an exchange
 * account (SOAP header elements and HTTP Basic of the export), and which export queries are read.
 * Mutation testing (`pnpm mutation paragraf`) keeps them stated.
 */
import { describe, expect, it } from 'vitest';
import { hash128 } from '../src/engine/random.js';
import {
  accountFor,
  basicAccount,
  basicCredentials,
  MAX_AUTHORIZATION,
} from '../src/portals/paragraf/credentials.js';
import {
  DEFAULT_EXPORT_SIZE,
  exportSizeOf,
  MIN_EXPORT_SIZE,
  readExportQuery,
} from '../src/portals/paragraf/export-query.js';
import type { ParagrafAccount, ParagrafState } from '../src/portals/paragraf/state.js';

const school: ParagrafAccount = { login: 'school-1', password: 'pa:ss word', schoolId: '1' };
const state = { accounts: new Map([[school.login, school]]) } as ParagrafState;
const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('exchange account credentials', () => {
  it('opens the account only with its login and its exact password', () => {
    expect(accountFor(state, 'school-1', 'pa:ss word')).toBe(school);
    expect(accountFor(state, 'school-1', 'pa:ss wor')).toBeUndefined();
    expect(accountFor(state, 'school-1', '')).toBeUndefined();
    expect(accountFor(state, 'school-1', undefined)).toBeUndefined();
    expect(accountFor(state, undefined, 'pa:ss word')).toBeUndefined();
    expect(accountFor(state, 'school-2', 'pa:ss word')).toBeUndefined();
  });

  it('looks logins up in a Map: prototype member names are no account', () => {
    for (const login of ['__proto__', 'constructor', 'toString']) {
      expect(accountFor(state, login, 'x')).toBeUndefined();
      expect(basicAccount(state, basic(`${login}:x`))).toBeUndefined();
    }
  });

  it('reads Basic credentials: the first colon ends the login, the password may hold colons', () => {
    expect(basicCredentials(basic('school-1:pa:ss word'))).toEqual({
      login: 'school-1',
      password: 'pa:ss word',
    });
    expect(basicAccount(state, basic('school-1:pa:ss word'))).toBe(school);
    expect(basicCredentials(basic('a:'))).toEqual({ login: 'a', password: '' });
  });

  it('the scheme name is case-insensitive and surrounding spaces are trimmed', () => {
    const encoded = Buffer.from('school-1:pa:ss word').toString('base64');
    expect(basicAccount(state, `basic ${encoded}`)).toBe(school);
    expect(basicAccount(state, `  Basic ${encoded}  `)).toBe(school);
  });

  it('refuses a missing header, another scheme, junk around the token and an empty login', () => {
    const encoded = Buffer.from('school-1:pa:ss word').toString('base64');
    expect(basicCredentials(undefined)).toBeUndefined();
    expect(basicCredentials('')).toBeUndefined();
    expect(basicCredentials(`Bearer ${encoded}`)).toBeUndefined();
    expect(basicCredentials(`xBasic ${encoded}`)).toBeUndefined();
    expect(basicCredentials(`Basic ${encoded} x`)).toBeUndefined();
    expect(basicCredentials(`Basic  ${encoded}`)).toBeUndefined();
    expect(basicCredentials('Basic ')).toBeUndefined();
    expect(basicCredentials(basic(':secret'))).toBeUndefined();
    expect(basicCredentials(basic('no-colon'))).toBeUndefined();
  });

  it('refuses base64 that does not decode, padding beyond two and bytes that are not UTF-8', () => {
    expect(basicCredentials('Basic a')).toBeUndefined();
    expect(basicCredentials('Basic YTpi===')).toBeUndefined();
    expect(
      basicCredentials(`Basic ${Buffer.from([0x61, 0x3a, 0xff, 0xfe]).toString('base64')}`),
    ).toBeUndefined();
    expect(basicCredentials(basic('учитель:пароль'))).toEqual({ login: 'учитель', password: 'пароль' });
  });

  it(`reads a header of ${MAX_AUTHORIZATION} characters and refuses a longer one unread`, () => {
    // Base64 grows in steps of four: pad with spaces (trimmed once the length is checked).
    const header = basic(`l:${'p'.repeat(700)}`);
    const atLimit = header.padEnd(MAX_AUTHORIZATION, ' ');
    expect(atLimit.length).toBe(MAX_AUTHORIZATION);
    expect(basicCredentials(atLimit)?.login).toBe('l');
    const over = `${atLimit} `;
    expect(over.length).toBe(MAX_AUTHORIZATION + 1);
    expect(basicCredentials(over)).toBeUndefined();
  });
});

describe('export query', () => {
  const read = (query: string, max = 10 * 1024 ** 3) =>
    readExportQuery(new URLSearchParams(query), max, 'seed-1');

  it('defaults: 1 MB, a seed derived from the simulator seed, no faults, pretty', () => {
    expect(read('')).toEqual({
      size: DEFAULT_EXPORT_SIZE,
      seed: (hash128('seed-1:paragraf:export')[0] as number) % 1_000_000_000,
      faultRate: 0,
      pretty: true,
    });
    expect(DEFAULT_EXPORT_SIZE).toBe(1024 * 1024);
  });

  it('reads sizes in bytes and in KB, MB, GB, any letter case', () => {
    expect(exportSizeOf('2048')).toBe(2048);
    expect(exportSizeOf('3KB')).toBe(3 * 1024);
    expect(exportSizeOf('5mb')).toBe(5 * 1024 ** 2);
    expect(exportSizeOf('2Gb')).toBe(2 * 1024 ** 3);
    for (const bad of ['', 'MB', '1.5MB', '-1', '1 MB', '1TB', 'x1', '1MBx', '12345678901234']) {
      expect(exportSizeOf(bad), bad).toBeNaN();
    }
    expect(exportSizeOf('1234567890123')).toBe(1234567890123);
  });

  it('size runs from 1 KB to maxExportBytes, both ends included', () => {
    expect(MIN_EXPORT_SIZE).toBe(1024);
    expect(read('size=1024')).toMatchObject({ size: 1024 });
    expect(read('size=1023')).toMatchObject({ field: 'size' });
    expect(read('size=4096', 4096)).toMatchObject({ size: 4096 });
    expect(read('size=4097', 4096)).toMatchObject({ field: 'size' });
    expect(read('size=1.5MB')).toMatchObject({
      field: 'size',
      en: expect.stringContaining('1024'),
      ru: expect.stringContaining('байты'),
    });
  });

  it('seed: an integer of up to nine digits', () => {
    expect(read('seed=0')).toMatchObject({ seed: 0 });
    expect(read('seed=999999999')).toMatchObject({ seed: 999_999_999 });
    for (const bad of ['1000000000', '-1', '1.0', '', ' 1', '1 ', 'x']) {
      expect(read(`seed=${encodeURIComponent(bad)}`), bad).toMatchObject({ field: 'seed' });
    }
  });

  it('faultRate: 0 to 1 with at most six decimals', () => {
    expect(read('faultRate=0')).toMatchObject({ faultRate: 0 });
    expect(read('faultRate=0.002')).toMatchObject({ faultRate: 0.002 });
    expect(read('faultRate=0.123456')).toMatchObject({ faultRate: 0.123456 });
    expect(read('faultRate=1')).toMatchObject({ faultRate: 1 });
    expect(read('faultRate=1.000000')).toMatchObject({ faultRate: 1 });
    for (const bad of ['1.1', '1.0000001', '0.1234567', '2', '-0.1', '.5', '0.', 'x0.5', '0.5x', '']) {
      expect(read(`faultRate=${encodeURIComponent(bad)}`), bad).toMatchObject({ field: 'faultRate' });
    }
  });

  it('pretty: true or false only', () => {
    expect(read('pretty=true')).toMatchObject({ pretty: true });
    expect(read('pretty=false')).toMatchObject({ pretty: false });
    for (const bad of ['TRUE', '1', '', 'no']) {
      expect(read(`pretty=${bad}`), bad).toEqual({
        field: 'pretty',
        en: 'true or false',
        ru: 'true или false',
      });
    }
  });

  it('names the first bad field in English and Russian', () => {
    expect(read('seed=x&faultRate=9')).toEqual({
      field: 'seed',
      en: 'an integer from 0 to 999999999',
      ru: 'целое число от 0 до 999999999',
    });
    expect(read('faultRate=9')).toEqual({
      field: 'faultRate',
      en: 'a number from 0 to 1',
      ru: 'число от 0 до 1',
    });
  });
});
