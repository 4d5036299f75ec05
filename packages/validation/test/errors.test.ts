import { GoskitError } from '@goskit/core';
import {
  assertClassName,
  assertInn,
  assertPassport,
  assertSnils,
  isValidationError,
  ValidationError,
} from '@goskit/validation';
import { describe, expect, it } from 'vitest';

describe('assert helpers and ValidationError', () => {
  it('return the normalised value when valid', () => {
    expect(assertSnils('11223344595')).toBe('112-233-445 95');
    expect(assertClassName('9 в')).toBe('9В');
  });

  it('throw a ValidationError (a GoskitError) carrying the issues', () => {
    let caught: unknown;
    try {
      assertInn('7707083894');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(caught).toBeInstanceOf(GoskitError);
    expect(isValidationError(caught)).toBe(true);
    const error = caught as ValidationError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.name).toBe('ValidationError');
    expect(error.issues.map((i) => i.code)).toEqual(['INN_CHECKSUM']);
    expect(error.messageRu).toContain('Контрольная цифра ИНН');
    expect(error.toJSON()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ code: 'INN_CHECKSUM' }] });
  });

  it('keep personal data out of the error message', () => {
    const attempts = [
      () => assertSnils('112-233-445 96'),
      () => assertPassport({ series: '4508', number: '12' }),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrowError(ValidationError);
      try {
        attempt();
      } catch (error) {
        const text = `${(error as Error).message} ${JSON.stringify(error)}`;
        expect(text).not.toMatch(/112|4508/);
      }
    }
  });
});
