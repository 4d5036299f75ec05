/**
 * VK ID's refusal rules, one by one, called directly: PKCE (S256 only, the verifier's and the
 * challenge's alphabet and lengths, the challenge computed as VK ID computes it), trusted redirect URIs
 * (scheme, host, port — any port for a loopback URI registered without one — path, registered query,
 * no fragment or user info, length), the OAuth parameters of POST endpoints (query and form body, the
 * body wins, bounded) and what a client registration accepts. Mutation testing (`pnpm mutation vkid`)
 * keeps them stated.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../src/engine/errors.js';
import {
  clientRecord,
  demoClient,
  registerClient,
  VKID_DEMO_CLIENT_ID,
} from '../src/portals/vkid/clients.js';
import { oauthParams, param } from '../src/portals/vkid/params.js';
import { CHALLENGE, s256, VERIFIER } from '../src/portals/vkid/pkce.js';
import { isRegisteredRedirect, parseRedirectUri, withQuery } from '../src/portals/vkid/redirect-uri.js';
import type { VkIdState } from '../src/portals/vkid/state.js';
import { simRequest } from './fixtures/requests.js';

describe('PKCE', () => {
  it('the challenge is base64url(SHA-256(verifier)) without padding', async () => {
    const verifier = 'a'.repeat(43);
    const expected = createHash('sha256').update(verifier).digest('base64url');
    expect(await s256(verifier)).toBe(expected);
    expect(await s256('тест-verifier-ASCII-only-in-practice-0123456789')).toBe(
      createHash('sha256')
        .update('тест-verifier-ASCII-only-in-practice-0123456789', 'utf8')
        .digest('base64url'),
    );
    expect(CHALLENGE.test(await s256(verifier))).toBe(true);
  });

  it('a verifier is 43–128 of [A-Za-z0-9_-]', () => {
    expect(VERIFIER.test('A'.repeat(43))).toBe(true);
    expect(VERIFIER.test('z_-9'.repeat(32))).toBe(true);
    for (const bad of [
      'A'.repeat(42),
      'A'.repeat(129),
      `${'A'.repeat(42)}+`,
      `${'A'.repeat(42)}=`,
      ` ${'A'.repeat(43)}`,
      `${'A'.repeat(43)}\n`,
    ]) {
      expect(VERIFIER.test(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('a challenge is exactly 43 of [A-Za-z0-9_-]', () => {
    expect(CHALLENGE.test('_-'.repeat(21) + 'x')).toBe(true);
    for (const bad of [
      'A'.repeat(42),
      'A'.repeat(44),
      `${'A'.repeat(42)}/`,
      `${'A'.repeat(42)}=`,
      `x${'A'.repeat(43)}`,
    ]) {
      expect(CHALLENGE.test(bad), bad).toBe(false);
    }
  });
});

describe('trusted redirect URIs', () => {
  it('reads absolute http(s) URLs of at most 2000 characters without fragment or user info', () => {
    expect(parseRedirectUri('https://school.test/cb')?.pathname).toBe('/cb');
    expect(parseRedirectUri('http://localhost:8080/cb?x=1')?.search).toBe('?x=1');
    const long = `https://school.test/${'p'.repeat(2000 - 'https://school.test/'.length)}`;
    expect(long).toHaveLength(2000);
    expect(parseRedirectUri(long)).toBeDefined();
    for (const bad of [
      `${long}p`,
      'school.test/cb',
      'ftp://school.test/cb',
      'javascript:alert(1)',
      'https://school.test/cb#x',
      'https://u@school.test/cb',
      '',
    ]) {
      expect(parseRedirectUri(bad), bad.slice(0, 40)).toBeUndefined();
    }
  });

  const registered = [
    'https://school.test/cb',
    'https://school.test/q?tab=1',
    'http://localhost/cb',
    'http://127.0.0.1:9000/cb',
  ];
  const ok = (uri: string) => isRegisteredRedirect(uri, registered);

  it('matches scheme, host and path exactly', () => {
    expect(ok('https://school.test/cb')).toBe(true);
    expect(ok('http://school.test/cb')).toBe(false);
    expect(ok('https://evil.test/cb')).toBe(false);
    expect(ok('https://school.test.evil/cb')).toBe(false);
    expect(ok('https://school.test/cb/x')).toBe(false);
    expect(ok('https://school.test/c')).toBe(false);
    expect(ok('https://school.test/cb#x')).toBe(false);
    expect(ok('not a url')).toBe(false);
  });

  it('a registered query must be sent exactly; without one, any query is allowed', () => {
    expect(ok('https://school.test/q?tab=1')).toBe(true);
    expect(ok('https://school.test/q?tab=2')).toBe(false);
    expect(ok('https://school.test/q')).toBe(false);
    expect(ok('https://school.test/cb?state=x')).toBe(true);
  });

  it('ports: a loopback URI registered without a port matches any port; otherwise the port must match', () => {
    expect(ok('http://localhost:5173/cb')).toBe(true);
    expect(ok('http://localhost/cb')).toBe(true);
    expect(ok('http://127.0.0.1:9000/cb')).toBe(true);
    expect(ok('http://127.0.0.1:9001/cb')).toBe(false);
    expect(ok('http://127.0.0.1/cb')).toBe(false);
    expect(ok('https://school.test:8443/cb')).toBe(false);
    expect(isRegisteredRedirect('http://[::1]:4000/cb', ['http://[::1]/cb'])).toBe(true);
    expect(isRegisteredRedirect('http://127.0.0.1:5000/cb', ['http://127.0.0.1/cb'])).toBe(true);
    expect(isRegisteredRedirect('http://10.0.0.1:5000/cb', ['http://10.0.0.1/cb'])).toBe(false);
    expect(isRegisteredRedirect('https://school.test:8443/cb', ['https://school.test:8443/cb'])).toBe(true);
  });

  it('an unusable registered entry matches nothing', () => {
    expect(
      isRegisteredRedirect('https://school.test/cb', ['school.test/cb', 'https://school.test/cb#x']),
    ).toBe(false);
    expect(isRegisteredRedirect('https://school.test/cb', [])).toBe(false);
  });

  it('withQuery adds parameters, keeps the URI own query and skips undefined values', () => {
    expect(withQuery('https://school.test/q?tab=1', { code: 'c', state: undefined, error: 'e&x' })).toBe(
      'https://school.test/q?tab=1&code=c&error=e%26x',
    );
    expect(withQuery('https://school.test/q?code=old', { code: 'new' })).toBe(
      'https://school.test/q?code=new',
    );
  });
});

describe('OAuth parameters of POST endpoints', () => {
  const form = (
    body: string,
    query: Record<string, string> = {},
    type = 'application/x-www-form-urlencoded',
  ) =>
    simRequest('/oauth2/auth', {
      portal: 'vkid',
      method: 'POST',
      headers: { 'content-type': type },
      body,
      query,
    });

  it('reads the query and a form body; the body wins', () => {
    const params = oauthParams(form('code=body&device_id=d', { code: 'query', client_id: 'c' }));
    expect(params.get('code')).toBe('body');
    expect(params.get('client_id')).toBe('c');
    expect(params.get('device_id')).toBe('d');
    expect(
      oauthParams(form('code=x', {}, 'Application/X-WWW-Form-Urlencoded; charset=UTF-8')).get('code'),
    ).toBe('x');
  });

  it('a body of another type is not read', () => {
    expect(oauthParams(form('code=x', {}, 'application/json')).has('code')).toBe(false);
    expect(
      oauthParams(simRequest('/oauth2/auth', { portal: 'vkid', method: 'POST', body: 'code=x' })).has('code'),
    ).toBe(false);
  });

  it('keeps at most 100 names; a name already kept may still be overwritten', () => {
    const many = Array.from({ length: 150 }, (_, i) => `p${i}=${i}`).join('&');
    const params = oauthParams(form(`${many}&p0=last&p120=late`));
    expect(params.size).toBe(100);
    expect(params.get('p0')).toBe('last');
    expect(params.get('p99')).toBe('99');
    expect(params.has('p100')).toBe(false);
    expect(params.has('p120')).toBe(false);
  });

  it('param: a present, non-empty value', () => {
    const params = new Map([
      ['a', 'x'],
      ['b', ''],
    ]);
    expect(param(params, 'a')).toBe('x');
    expect(param(params, 'b')).toBeUndefined();
    expect(param(params, 'c')).toBeUndefined();
    expect(param(params, '__proto__')).toBeUndefined();
  });
});

describe('client registration', () => {
  const fieldOf = (input: unknown): string => {
    try {
      clientRecord(input);
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestError);
      return (error as BadRequestError).field;
    }
    return 'accepted';
  };
  const valid = { clientId: 'app_1-x', redirectUris: ['https://school.test/cb'] };

  it('accepts a client and titles it when no title is given', () => {
    expect(clientRecord(valid)).toEqual({
      clientId: 'app_1-x',
      title: 'Приложение app_1-x',
      redirectUris: ['https://school.test/cb'],
    });
    expect(clientRecord({ ...valid, title: 'Школа' }).title).toBe('Школа');
    expect(fieldOf({ ...valid, clientId: 'x'.repeat(64) })).toBe('accepted');
    expect(
      fieldOf({ ...valid, redirectUris: Array.from({ length: 50 }, (_, i) => `https://s.test/${i}`) }),
    ).toBe('accepted');
  });

  it('names the field of each refusal', () => {
    expect(fieldOf({ ...valid, clientId: 'x'.repeat(65) })).toBe('clientId');
    expect(fieldOf({ ...valid, clientId: 'a b' })).toBe('clientId');
    expect(() => clientRecord({ ...valid, clientId: 'a b' })).toThrow(
      'clientId: letters, digits, _ and - (64 at most)',
    );
    expect(fieldOf({ ...valid, clientId: '' })).toBe('clientId');
    expect(fieldOf({ ...valid, title: '' })).toBe('title');
    expect(fieldOf({ ...valid, title: 't'.repeat(201) })).toBe('title');
    expect(fieldOf({ ...valid, redirectUris: [] })).toBe('redirectUris');
    expect(
      fieldOf({ ...valid, redirectUris: Array.from({ length: 51 }, (_, i) => `https://s.test/${i}`) }),
    ).toBe('redirectUris');
    expect(fieldOf({ ...valid, redirectUris: ['https://school.test/cb#x'] })).toBe('redirectUris.0');
    expect(fieldOf({ ...valid, redirectUris: [`https://s.test/${'p'.repeat(2000)}`] })).toBe(
      'redirectUris.0',
    );
    expect(fieldOf({ ...valid, extra: 1 })).toBe('(body)');
    expect(fieldOf(null)).toBe('(body)');
  });

  it('the refusal says the rule: field, code and message', () => {
    try {
      clientRecord({ ...valid, redirectUris: ['ftp://x/cb'] });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        field: 'redirectUris.0',
        rule: 'custom',
        message: 'redirectUris.0: an absolute http(s) URL without a fragment',
      });
    }
  });

  it('registers or replaces a client by id; the demo client has the seed app id and three URIs', () => {
    const state = { clients: new Map() } as unknown as VkIdState;
    registerClient(state, valid);
    registerClient(state, { ...valid, title: 'Второе имя' });
    expect(state.clients.size).toBe(1);
    expect(state.clients.get('app_1-x')?.title).toBe('Второе имя');
    const demo = demoClient();
    expect(demo.clientId).toBe(VKID_DEMO_CLIENT_ID);
    expect(demo.redirectUris).toEqual([
      'http://localhost/callback',
      'http://127.0.0.1/callback',
      'https://school.goskit.test/vkid/callback',
    ]);
    expect(demo.title).toBe('Демо школа — информационная система');
  });
});
