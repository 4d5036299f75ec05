import { describe, expect, it } from 'vitest';
import { CryptoError, esiaSignedString } from '../src/index.js';

const base = {
  clientId: 'ELSH01721',
  scope: 'openid fullname',
  scopeOrg: 'org_shortname',
  timestamp: '2025.09.02 13:00:29 +0300',
  state: '4a4e6a7d-1c2b-4f6e-9d8a-0f1e2d3c4b5a',
  redirectUri: 'https://school.example/esia/callback',
};

describe('esiaSignedString', () => {
  it('v2/ac: client_id + scope + scope_org + timestamp + state + redirect_uri', () => {
    expect(esiaSignedString({ ...base, flow: 'v2/ac' })).toBe(
      'ELSH01721openid fullnameorg_shortname2025.09.02 13:00:29 +03004a4e6a7d-1c2b-4f6e-9d8a-0f1e2d3c4b5ahttps://school.example/esia/callback',
    );
  });

  it('v2/ac without scope_org leaves it out', () => {
    const { scopeOrg: _omit, ...rest } = base;
    expect(esiaSignedString({ ...rest, flow: 'v2/ac' })).toBe(
      `ELSH01721openid fullname2025.09.02 13:00:29 +0300${base.state}${base.redirectUri}`,
    );
  });

  it('v3/te appends the code and requires it', () => {
    expect(esiaSignedString({ ...base, flow: 'v3/te', code: 'eyJ.code' })).toBe(
      `${esiaSignedString({ ...base, flow: 'v2/ac' })}eyJ.code`,
    );
    expect(() => esiaSignedString({ ...base, flow: 'v3/te' })).toThrow(/code/);
  });

  it('client_credentials omits scope_org', () => {
    expect(esiaSignedString({ ...base, flow: 'client_credentials', scope: 'prm_chg?oid=1000' })).toBe(
      `ELSH01721prm_chg?oid=1000${base.timestamp}${base.state}${base.redirectUri}`,
    );
  });

  it('refresh_token: ilimurzin variant by default, AISGorod as an option', () => {
    expect(esiaSignedString({ ...base, flow: 'refresh_token' })).toBe(
      esiaSignedString({ ...base, flow: 'v2/ac' }),
    );
    expect(
      esiaSignedString({ ...base, flow: 'refresh_token', refreshVariant: 'aisgorod', refreshToken: 'rt-1' }),
    ).toBe(`ELSH01721openid fullname${base.timestamp}${base.state}rt-1`);
    expect(() => esiaSignedString({ ...base, flow: 'refresh_token', refreshVariant: 'aisgorod' })).toThrow(
      /refreshToken/,
    );
  });

  it('v1: scope + timestamp + client_id + state', () => {
    expect(esiaSignedString({ ...base, flow: 'v1' })).toBe(
      `openid fullname${base.timestamp}ELSH01721${base.state}`,
    );
  });

  it('formats a Date timestamp in +0300', () => {
    const text = esiaSignedString({
      ...base,
      flow: 'v1',
      timestamp: new Date(Date.UTC(2025, 8, 2, 10, 0, 29)),
    });
    expect(text).toContain('2025.09.02 13:00:29 +0300');
  });

  it('names the missing field', () => {
    const error = (() => {
      try {
        esiaSignedString({ ...base, flow: 'v2/ac', clientId: '' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CryptoError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('clientId') });
    expect(() => esiaSignedString({ ...base, flow: 'v9' as never })).toThrow(CryptoError);
  });
});
