/**
 * PKCE (`pkce: true` → S256, or 'GOST3411'): the challenge goes to v2/ac, the verifier waits in
 * the pending request (so another instance can finish) and goes to v3/te. Checked against the
 * simulator, which implements ESIA-007039/007040.
 */
import { createHash } from 'node:crypto';
import { MemoryStore } from '@goskit/core';
import { streebog256, toBase64Url } from '@goskit/crypto';
import { createSimulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esiaPortal } from '../../../mocks/simulator/src/portals/esia/index.js';
import { type EsiaClientOptions, EsiaError, pkceChallenge } from '../src/index.js';
import { loginThroughPages } from './helpers/browser-walk.js';
import { demoParent, SIM_REDIRECT as REDIRECT, simulatorEsiaClient } from './helpers/simulator-client.js';

const sim = createSimulator({ seed: 'gosuslugi-pkce', portals: [esiaPortal()], strictContracts: true });
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const client = (extra: Partial<EsiaClientOptions> = {}) =>
  simulatorEsiaClient(sim, { scopes: ['openid', 'fullname'], ...extra });
const parent = () => demoParent(sim);

/** The single pending entry of a fresh store, to inspect or tamper with. */
async function pendingOf(store: MemoryStore, state: string): Promise<Record<string, unknown>> {
  return (await store.get(`goskit:esia:state:${state}`)) as Record<string, unknown>;
}

describe('PKCE challenge', () => {
  it('S256 and GOST3411 are base64url digests of the verifier', async () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    // RFC 7636 appendix B's vector
    expect(await pkceChallenge(verifier, 'S256')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(await pkceChallenge(verifier, 'S256')).toBe(
      createHash('sha256').update(verifier).digest('base64url'),
    );
    expect(await pkceChallenge(verifier, 'GOST3411')).toBe(
      toBase64Url(streebog256(new TextEncoder().encode(verifier))),
    );
  });

  it('is off by default and rejects an unknown method name', async () => {
    const { url } = await client().authorizationUrl();
    expect(new URL(url).searchParams.has('code_challenge')).toBe(false);
    expect(() => client({ pkce: 'plain' as unknown as 'S256' })).toThrow(/pkce/);
  });
});

// The first sign-in of the file also warms the GOST code paths (key setup, Streebog tables): slow on a busy machine.
describe('PKCE against the simulator', { timeout: 60_000 }, () => {
  it.each(['S256', 'GOST3411'] as const)(
    '%s: a login started on one instance finishes on another',
    async (method) => {
      const store = new MemoryStore();
      const first = client({ stateStore: store, pkce: method === 'S256' ? true : method });
      const second = client({ stateStore: store, pkce: false });
      const { url, state } = await first.authorizationUrl();
      const query = new URL(url).searchParams;
      expect(query.get('code_challenge_method')).toBe(method);
      const verifier = (await pendingOf(store, state)).codeVerifier as string;
      expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(query.get('code_challenge')).toBe(await pkceChallenge(verifier, method));
      expect(url).not.toContain(verifier);
      const tokens = await second.handleCallback(await loginThroughPages(url, REDIRECT, parent()));
      expect(tokens.oid).toBe(parent().oid);
    },
  );

  it('a fresh verifier per login', async () => {
    const store = new MemoryStore();
    const esia = client({ stateStore: store, pkce: true });
    const a = await esia.authorizationUrl();
    const b = await esia.authorizationUrl();
    expect((await pendingOf(store, a.state)).codeVerifier).not.toBe(
      (await pendingOf(store, b.state)).codeVerifier,
    );
  });

  it('ESIA-007040 when the verifier does not match, ESIA-007039 when it is missing', async () => {
    for (const [tamper, esiaCode] of [
      [(p: Record<string, unknown>) => ({ ...p, codeVerifier: `${p.codeVerifier}x` }), 'ESIA-007040'],
      [({ codeVerifier: _drop, ...p }: Record<string, unknown>) => p, 'ESIA-007039'],
    ] as const) {
      const store = new MemoryStore();
      const esia = client({ stateStore: store, pkce: true });
      const { url, state } = await esia.authorizationUrl();
      await store.set(`goskit:esia:state:${state}`, tamper(await pendingOf(store, state)));
      const callback = await loginThroughPages(url, REDIRECT, parent());
      const error = await esia.handleCallback(callback).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EsiaError);
      expect(error).toMatchObject({ code: 'ESIA_ERROR', esiaCode });
      expect((error as EsiaError).hint?.en).toMatch(/code_verifier|code_challenge/);
    }
  });
});
