import { MemoryStore } from '@goskit/core';
import { certificateHash, gostVerify, verifyPkcs7ClientSecret } from '@goskit/crypto';
import { describe, expect, it } from 'vitest';
import { createEsiaClient, encodePermissions, epguPermissions } from '../src/index.js';
import {
  BASE,
  CLIENT_ID,
  clientKeyPair,
  decodeBase64Url,
  jwksOf,
  REDIRECT,
  signedString,
} from './helpers/esia-fixtures.js';

const FIXED_NOW = Date.parse('2026-09-01T10:00:29Z');

async function client(extra: Partial<Parameters<typeof createEsiaClient>[0]> = {}) {
  return createEsiaClient({
    environment: 'test',
    clientId: CLIENT_ID,
    redirectUri: REDIRECT,
    signer: clientKeyPair().signer,
    scopes: ['openid', 'fullname', 'snils'],
    tokenKeys: { jwks: await jwksOf() },
    clock: { now: () => FIXED_NOW },
    ...extra,
  });
}

describe('authorizationUrl', () => {
  it('builds /aas/oauth2/v2/ac with every required parameter and a verifiable GOST client_secret', async () => {
    const esia = await client({
      scopeOrg: ['http://esia.gosuslugi.ru/org_ogrn?org_oid=1'],
      accessType: 'offline',
    });
    const { url, state } = await esia.authorizationUrl();
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(`${BASE}/aas/oauth2/v2/ac`);
    const p = parsed.searchParams;
    expect(Object.fromEntries(p)).toMatchObject({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: 'openid fullname snils',
      scope_org: 'http://esia.gosuslugi.ru/org_ogrn?org_oid=1',
      response_type: 'code',
      state,
      access_type: 'offline',
      // 10:00:29 UTC is 13:00:29 in Moscow — ESIA's own offset.
      timestamp: '2026.09.01 13:00:29 +0300',
    });
    expect(state).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.get('client_certificate_hash')).toBe(certificateHash(clientKeyPair().certificateDer));
    expect(p.get('client_certificate_hash')).toMatch(/^[0-9A-F]{64}$/);
    const secret = p.get('client_secret') as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{86}$/); // 64 bytes, unpadded base64url
    const signature = decodeBase64Url(secret);
    const data = new TextEncoder().encode(signedString.ac(p));
    expect(gostVerify(clientKeyPair().publicKey, data, signature)).toBe(true);
    // The v1 order must NOT verify: the string order is the point of the exercise.
    const v1 = new TextEncoder().encode(`${p.get('scope')}${p.get('timestamp')}${CLIENT_ID}${state}`);
    expect(gostVerify(clientKeyPair().publicKey, v1, signature)).toBe(false);
  });

  it('stores the pending request under the state with a TTL and honours per-call scopes', async () => {
    let now = FIXED_NOW;
    const store = new MemoryStore({ clock: { now: () => now } });
    const esia = await client({ stateStore: store, stateTtlMs: 60_000, clock: { now: () => now } });
    const { state, url } = await esia.authorizationUrl({
      state: 'my-state',
      scopes: ['openid', 'email'],
      data: { back: '/diary' },
    });
    expect(state).toBe('my-state');
    expect(new URL(url).searchParams.get('scope')).toBe('openid email');
    expect(new URL(url).searchParams.get('access_type')).toBe('online');
    expect(new URL(url).searchParams.has('scope_org')).toBe(false);
    expect(await store.get('goskit:esia:state:my-state')).toEqual({
      flow: 'v2',
      scope: 'openid email',
      scopeOrg: '',
      redirectUri: REDIRECT,
      accessType: 'online',
      createdAt: FIXED_NOW,
      data: { back: '/diary' },
    });
    now += 60_001;
    expect(await store.get('goskit:esia:state:my-state')).toBeUndefined();
  });

  it('legacy v1 uses /aas/oauth2/ac with a PKCS#7 client_secret over scope+timestamp+client_id+state', async () => {
    const esia = await client({ legacy: { v1: true } });
    const { url, state } = await esia.authorizationUrl();
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/aas/oauth2/ac');
    const p = parsed.searchParams;
    expect(p.has('client_certificate_hash')).toBe(false);
    const result = await verifyPkcs7ClientSecret({
      secret: p.get('client_secret') as string,
      fields: {
        clientId: CLIENT_ID,
        scope: p.get('scope') as string,
        timestamp: p.get('timestamp') as string,
        state,
      },
      certificate: clientKeyPair().certificatePem,
    });
    expect(result.valid).toBe(true);
    const tampered = await verifyPkcs7ClientSecret({
      secret: p.get('client_secret') as string,
      fields: { clientId: CLIENT_ID, scope: 'openid', timestamp: p.get('timestamp') as string, state },
      certificate: clientKeyPair().certificatePem,
    });
    expect(tampered.valid).toBe(false);
  });

  it('builds the logout URL with redirect_url (not redirect_uri)', async () => {
    const esia = await client({ environment: { baseUrl: 'http://127.0.0.1:4010/esia/' } });
    const url = new URL(esia.logoutUrl({ redirectUrl: 'https://school.example/bye' }));
    expect(url.pathname).toBe('/esia/idp/ext/Logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      redirect_url: 'https://school.example/bye',
    });
  });

  it('rejects unsafe options up front', async () => {
    const jwks = await jwksOf();
    const base = {
      environment: 'test' as const,
      clientId: CLIENT_ID,
      redirectUri: REDIRECT,
      signer: clientKeyPair().signer,
      scopes: ['openid'],
      tokenKeys: { jwks },
    };
    expect(() => createEsiaClient({ ...base, algorithms: ['none' as never] })).toThrow(/none/);
    expect(() => createEsiaClient({ ...base, algorithms: ['HS256' as never] })).toThrow(/algorithms/);
    expect(() => createEsiaClient({ ...base, tokenKeys: undefined as never })).toThrow(/tokenKeys/);
    expect(() => createEsiaClient({ ...base, scopes: [] })).toThrow(/scopes/);
    expect(() => createEsiaClient({ ...base, redirectUri: 'callback' })).toThrow(/redirectUri/);
  });
});

describe('permissions', () => {
  it('encodes the EPGU consent as unpadded base64url JSON and sends it with the authorization request', async () => {
    const encoded = epguPermissions('МБОУ «Демо школа»', 60);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))).toEqual([
      {
        responsibleObject: 'МБОУ «Демо школа»',
        sysname: 'APIPGU',
        expire: 60,
        actions: [{ sysname: 'ALL_ACTIONS_TO_DATA' }],
        purposes: [{ sysname: 'APIPGU' }],
        scopes: [{ sysname: 'http://lk.gosuslugi.ru/api-order' }],
      },
    ]);
    const esia = await client();
    const { url } = await esia.authorizationUrl({ permissions: encoded });
    expect(new URL(url).searchParams.get('permissions')).toBe(encoded);
    expect(() => encodePermissions([])).toThrow(/empty/);
  });
});
