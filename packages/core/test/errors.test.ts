import {
  AbortError,
  fullJitterDelay,
  GoskitError,
  HttpError,
  isAbortError,
  isGoskitError,
  isHttpError,
  isNetworkError,
  isRateLimitError,
  isResponseValidationError,
  isTimeoutError,
  NetworkError,
  parseRetryAfter,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
} from '@goskit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const url = 'https://portal.example/api?access_token=secret-token-1&x=1';

describe('error classes', () => {
  const errors = {
    http: new HttpError({
      status: 502,
      method: 'get',
      url,
      headers: { authorization: 'Bearer abcdefgh12345678' },
    }),
    rate: new RateLimitError({ status: 429, method: 'post', url, retryAfter: 5000, reason: 'status' }),
    network: new NetworkError({ method: 'get', url, cause: new TypeError('fetch failed') }),
    timeout: new TimeoutError({ kind: 'total', timeoutMs: 100, method: 'get', url }),
    abort: new AbortError(),
    validation: new ResponseValidationError({
      issues: [{ code: 'custom', path: ['items', 0, 'id'], message: 'bad', input: undefined }],
      method: 'get',
      url,
      status: 200,
    }),
  };

  it('have stable codes, names and guards', () => {
    expect(errors.http.code).toBe('HTTP_ERROR');
    expect(errors.rate.code).toBe('RATE_LIMITED');
    expect(errors.network.code).toBe('NETWORK_ERROR');
    expect(errors.timeout.code).toBe('TIMEOUT');
    expect(errors.abort.code).toBe('ABORTED');
    expect(errors.validation.code).toBe('RESPONSE_VALIDATION');
    expect(errors.rate.name).toBe('RateLimitError');
    for (const error of Object.values(errors)) {
      expect(isGoskitError(error)).toBe(true);
      expect(error).toBeInstanceOf(GoskitError);
      expect(error).toBeInstanceOf(Error);
    }
    expect(isHttpError(errors.rate)).toBe(true);
    expect(isRateLimitError(errors.http)).toBe(false);
    expect(isHttpError(errors.validation)).toBe(false);
    expect(isResponseValidationError(errors.validation)).toBe(true);
    expect(isNetworkError(errors.network)).toBe(true);
    expect(isTimeoutError(errors.timeout)).toBe(true);
    expect(isAbortError(errors.abort)).toBe(true);
    expect(isHttpError(new Error('x'))).toBe(false);
  });

  it('never carry the secret in message, url, headers or JSON', () => {
    for (const error of Object.values(errors)) {
      expect(error.message).not.toContain('secret-token-1');
      expect(JSON.stringify(error)).not.toContain('secret-token-1');
    }
    expect(errors.http.headers.authorization).toBe('Bearer [REDACTED]');
    expect(errors.http.message).toBe(
      'GET https://portal.example/api?access_token=[REDACTED]&x=1 failed with HTTP 502',
    );
    expect(errors.validation.paths).toEqual(['items[0].id']);
    expect(errors.rate.retryAfter).toBe(5000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads seconds, fractions and HTTP-dates; ignores junk; clamps the past to 0', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('fullJitterDelay', () => {
  it('stays within [0, min(cap, base·2^(n-1)))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (n, r) => {
          const delay = fullJitterDelay(n, { baseMs: 300, capMs: 20_000 }, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(Math.min(20_000, 300 * 2 ** (n - 1)));
        },
      ),
    );
  });
});
