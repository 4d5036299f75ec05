import { callbackParams } from '@goskit/core';
import { describe, expect, it } from 'vitest';

describe('callbackParams', () => {
  it('reads a full URL, dropping the fragment', () => {
    expect(callbackParams('https://app.example/cb?code=c1&state=s1#frag').get('state')).toBe('s1');
    expect(callbackParams(new URL('https://app.example/cb?code=c2')).get('code')).toBe('c2');
  });

  it('reads a bare query string with or without its question mark', () => {
    expect(callbackParams('?code=c3&state=s3').get('code')).toBe('c3');
    expect(callbackParams('code=c4&state=s4').get('state')).toBe('s4');
  });

  it('finds nothing in an absolute URL without a query', () => {
    expect([...callbackParams('https://app.example/cb').keys()]).toEqual([]);
  });

  it('passes URLSearchParams through', () => {
    const params = new URLSearchParams('code=c5');
    expect(callbackParams(params)).toBe(params);
  });

  it('takes the first value of a repeated key in a framework query object and skips non-strings', () => {
    const params = callbackParams({ code: ['first', 'second'], state: 's6', empty: undefined });
    expect(params.get('code')).toBe('first');
    expect(params.get('state')).toBe('s6');
    expect(params.has('empty')).toBe(false);
  });

  it('keeps __proto__ as a plain key', () => {
    const query = JSON.parse('{"__proto__":"x","code":"c7"}') as Record<string, string>;
    const params = callbackParams(query);
    expect(params.get('__proto__')).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
