import { GoskitError } from '@goskit/core';
import { describe, expect, it } from 'vitest';
import {
  EpguError,
  ESIA_ERROR_HINTS,
  EsiaError,
  EsiaScopeError,
  esiaErrorHint,
  GosuslugiError,
  parseEsiaDescription,
} from '../src/index.js';

describe('errors', () => {
  it('has a ru/en hint for every ESIA code of the reference list (esia.md §1 Errors)', () => {
    for (const code of [
      '007002',
      '007003',
      '007004',
      '007005',
      '007006',
      '007008',
      '007011',
      '007013',
      '007014',
      '007015',
      '007019',
      '007023',
      '007053',
      '007007',
      '007009',
      '007012',
      '007038',
      '007039',
      '007040',
      '007046',
      '007055',
      '007060',
      '007061',
      '007062',
      '007194',
      '008010',
      '036700',
      '036727',
    ]) {
      const hint = esiaErrorHint(`ESIA-${code}`);
      expect(hint, code).toBeDefined();
      expect(hint?.ru).toMatch(/[а-я]/);
      expect(hint?.en).toMatch(/[a-z]/);
    }
    expect(Object.keys(ESIA_ERROR_HINTS).every((code) => /^ESIA-\d{6}$/.test(code))).toBe(true);
    expect(esiaErrorHint('ESIA-999999')).toBeUndefined();
    // the consent range of the reference ends at 036727
    expect(esiaErrorHint('ESIA-036728')).toBeUndefined();
  });

  it('parses ESIA descriptions with and without the code', () => {
    expect(
      parseEsiaDescription(
        'ESIA-007014: The request doesn`t contain the mandatory parameter [client_certificate_hash]',
      ),
    ).toEqual({
      esiaCode: 'ESIA-007014',
      text: 'The request doesn`t contain the mandatory parameter [client_certificate_hash]',
    });
    expect(parseEsiaDescription('something else')).toEqual({ esiaCode: undefined, text: 'something else' });
  });

  it('keeps the hierarchy: GoskitError → GosuslugiError → EsiaError → EsiaScopeError, EpguError', () => {
    const scope = new EsiaScopeError('addrs', ['addresses']);
    expect(scope).toBeInstanceOf(EsiaError);
    expect(scope).toBeInstanceOf(GosuslugiError);
    expect(scope).toBeInstanceOf(GoskitError);
    expect(scope.name).toBe('EsiaScopeError');
    expect(new EpguError('FILE_TOO_LARGE', 'x')).toBeInstanceOf(GosuslugiError);
  });

  it('redacts secrets an error description might echo and serialises without them', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlc2lnbmF0dXJl';
    const error = EsiaError.fromOAuth(
      'invalid_grant',
      `ESIA-007011: bad token ${token} snils 112-233-445 95`,
      400,
    );
    expect(error.esiaCode).toBe('ESIA-007011');
    const text = `${error.message} ${JSON.stringify(error)} ${error.description}`;
    expect(text).not.toContain(token);
    expect(text).not.toContain('112-233-445 95');
    const epgu = EpguError.fromBody({ code: 'bad_request', message: `token ${token}` }, 400);
    expect(epgu.message).not.toContain(token);
    expect(epgu.epguCode).toBe('bad_request');
  });
});
