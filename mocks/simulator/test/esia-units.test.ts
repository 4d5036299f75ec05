import { fromBase64Url, toBase64Url } from '@goskit/crypto';
import { describe, expect, it } from 'vitest';
import { isRegisteredRedirect } from '../src/portals/esia/redirect-uri.js';
import { grantedScope } from '../src/portals/esia/scopes.js';
import { jsonOf, newSim, request } from './esia-support.js';

describe('redirect URI matching', () => {
  const registered = ['http://localhost/', 'https://app.example/esia/'];

  it('prefix mode: same scheme and host, path prefix; no port in the registration = any port', () => {
    expect(isRegisteredRedirect('http://localhost:3000/callback', registered, 'prefix')).toBe(true);
    expect(isRegisteredRedirect('https://app.example/esia/cb?x=1', registered, 'prefix')).toBe(true);
    expect(isRegisteredRedirect('https://app.example/other', registered, 'prefix')).toBe(false);
    expect(isRegisteredRedirect('https://localhost/callback', registered, 'prefix')).toBe(false);
    expect(isRegisteredRedirect('http://localhost.evil.example/', registered, 'prefix')).toBe(false);
    expect(isRegisteredRedirect('https://app.example:8443/esia/', registered, 'prefix')).toBe(true);
    expect(
      isRegisteredRedirect('https://app.example:8443/esia/', ['https://app.example:9443/esia/'], 'prefix'),
    ).toBe(false);
    expect(isRegisteredRedirect('not a url', registered, 'prefix')).toBe(false);
  });

  it('exact mode compares the whole URI', () => {
    expect(isRegisteredRedirect('https://app.example/esia/', registered, 'exact')).toBe(true);
    expect(isRegisteredRedirect('https://app.example/esia/cb', registered, 'exact')).toBe(false);
  });
});

describe('helpers', () => {
  it('base64url round-trips every byte value and rejects other alphabets', () => {
    const bytes = Uint8Array.from({ length: 259 }, (_, i) => (i * 7) % 256);
    for (let length = 0; length < 8; length += 1) {
      const slice = bytes.subarray(0, 250 + length);
      expect(fromBase64Url(toBase64Url(slice))).toEqual(slice);
      expect(toBase64Url(slice)).toBe(Buffer.from(slice).toString('base64url'));
    }
    expect(() => fromBase64Url('ab+/')).toThrow();
  });

  it('granted scopes name their oid; openid and URL scopes stay as sent', () => {
    expect(grantedScope('openid fullname  http://lk.gosuslugi.ru/api-order prm_chg?oid=7', '42')).toBe(
      'openid fullname?oid=42 http://lk.gosuslugi.ru/api-order prm_chg?oid=7',
    );
  });

  it('the GOST token key and its certificate follow the seed', async () => {
    const keys = async (seed: string) =>
      jsonOf(await newSim({ tokenAlg: 'GOST3410_2012_256' }, seed).handle(request('GET', '/aas/oauth2/jwks')))
        .keys as {
        kid: string;
      }[];
    const [a, b, c] = await Promise.all([keys('one'), keys('one'), keys('two')]);
    expect(a[0]?.kid).toBe(b[0]?.kid);
    expect(a[0]?.kid).not.toBe(c[0]?.kid);
  });
});
