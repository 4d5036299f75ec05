/**
 * validateClaims at its edges, one rule per test: `exp`, `nbf`, `iat` exactly at the tolerance,
 * maxTokenAgeSec, an audience list where one entry matches, the clock option. Written where mutation
 * testing (`pnpm mutation crypto`) found the boundaries unguarded.
 */
import { describe, expect, it, vi } from 'vitest';
import { validateClaims } from '../src/index.js';
import { codeOf } from './helpers/error-code.js';

const NOW_SEC = 1_757_000_000;
const clock = { now: () => NOW_SEC * 1000 };
const TOLERANCE = 30;

const check = (payload: Record<string, unknown>, policy: Parameters<typeof validateClaims>[1] = {}) =>
  codeOf(() =>
    validateClaims(payload, { clock, clockToleranceSec: TOLERANCE, requireExpiration: false, ...policy }),
  );

describe('validateClaims: exp, nbf and iat at the clock tolerance', () => {
  it('exp exactly `tolerance` seconds ago is expired; one second later it is not', () => {
    expect(check({ exp: NOW_SEC - TOLERANCE })).toBe('TOKEN_EXPIRED');
    expect(check({ exp: NOW_SEC - TOLERANCE + 1 })).toBeUndefined();
  });

  it('nbf exactly `tolerance` seconds ahead is accepted; one second more is not yet valid', () => {
    expect(check({ nbf: NOW_SEC + TOLERANCE })).toBeUndefined();
    expect(check({ nbf: NOW_SEC + TOLERANCE + 1 })).toBe('TOKEN_NOT_YET_VALID');
  });

  it('maxTokenAgeSec: an iat exactly maxTokenAgeSec + tolerance old is accepted, one second older is expired', () => {
    const policy = { maxTokenAgeSec: 300 };
    expect(check({ iat: NOW_SEC - 300 - TOLERANCE }, policy)).toBeUndefined();
    expect(check({ iat: NOW_SEC - 300 - TOLERANCE - 1 }, policy)).toBe('TOKEN_EXPIRED');
    expect(check({ iat: NOW_SEC }, policy)).toBeUndefined();
    expect(check({}, policy)).toBe('TOKEN_CLAIM_INVALID');
  });

  it('maxTokenAgeSec: an iat more than `tolerance` in the future is refused as not yet valid', () => {
    const policy = { maxTokenAgeSec: 300 };
    expect(check({ iat: NOW_SEC + TOLERANCE }, policy)).toBeUndefined();
    expect(check({ iat: NOW_SEC + TOLERANCE + 1 }, policy)).toBe('TOKEN_NOT_YET_VALID');
  });
});

describe('validateClaims: audience', () => {
  it('an aud array passes when any one entry is an expected audience', () => {
    expect(check({ aud: ['someone-else', 'goskit'] }, { audience: 'goskit' })).toBeUndefined();
    expect(check({ aud: [42, 'goskit'] }, { audience: ['other', 'goskit'] })).toBeUndefined();
  });

  it('an aud with no expected entry, a non-string one or none at all is refused', () => {
    for (const aud of [['someone-else'], [42], 42, undefined, []]) {
      expect(check({ aud }, { audience: 'goskit' }), JSON.stringify(aud)).toBe('TOKEN_CLAIM_INVALID');
    }
  });
});

describe('validateClaims: the clock option', () => {
  it("reads the time from clock.now(), not from the system's clock", () => {
    expect(codeOf(() => validateClaims({ exp: NOW_SEC + 60 }, { clock }))).toBeUndefined();
    expect(
      codeOf(() => validateClaims({ exp: NOW_SEC + 60 }, { clock: { now: () => (NOW_SEC + 600) * 1000 } })),
    ).toBe('TOKEN_EXPIRED');
  });

  it('a clock without a now() method is INVALID_INPUT', () => {
    for (const bad of [{}, { now: 5 }, null]) {
      expect(
        codeOf(() => validateClaims({ exp: NOW_SEC + 60 }, { clock: bad as never })),
        JSON.stringify(bad),
      ).toBe('INVALID_INPUT');
    }
  });
});

describe("validateClaims: the deprecated 'now' option", () => {
  it('still sets the time, and warns once with a DeprecationWarning naming its code and the clock option', () => {
    const emitWarning = vi.spyOn(process, 'emitWarning');
    try {
      expect(codeOf(() => validateClaims({ exp: NOW_SEC + 60 }, { now: NOW_SEC * 1000 }))).toBeUndefined();
      expect(codeOf(() => validateClaims({ exp: NOW_SEC + 60 }, { now: (NOW_SEC + 600) * 1000 }))).toBe(
        'TOKEN_EXPIRED',
      );
      expect(emitWarning).toHaveBeenCalledTimes(1);
      const [message, options] = emitWarning.mock.calls[0] as [string, { type: string; code: string }];
      expect(message).toContain("'clock'");
      expect(options).toEqual({ type: 'DeprecationWarning', code: 'GOSKIT_DEP_NOW_verifyJwt' });
    } finally {
      emitWarning.mockRestore();
    }
  });
});
