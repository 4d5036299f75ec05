import { createPkcs7ClientSecret, esiaTimestamp } from '@goskit/crypto';
import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  demoSigner,
  jsonOf,
  locationOf,
  loginAndConsent,
  newSim,
  REDIRECT,
  request,
  SCOPE,
} from './esia-support.js';

describe('legacy v1 /aas/oauth2/ac and /aas/oauth2/te (PKCS#7 client_secret)', () => {
  it('full flow with a detached PKCS#7 secret over scope + timestamp + client_id + state', async () => {
    const sim = newSim();
    const signer = demoSigner(sim);
    const state = sim.random.uuid();
    const timestamp = esiaTimestamp(sim.clock.date());
    const secret = await createPkcs7ClientSecret(signer, {
      clientId: 'GOSKIT_DEMO',
      scope: SCOPE,
      timestamp,
      state,
    });
    const query = new URLSearchParams({
      client_id: 'GOSKIT_DEMO',
      client_secret: secret.clientSecret,
      redirect_uri: REDIRECT,
      scope: SCOPE,
      response_type: 'code',
      state,
      timestamp,
      access_type: 'online',
    });
    const started = await sim.handle(request('GET', `/aas/oauth2/ac?${query}`));
    expect(started.status, bodyOf(started)).toBe(302);
    expect(locationOf(started).pathname).toBe('/login');
    const back = await loginAndConsent(sim, started, 'ivan.ivanov');
    const code = locationOf(back).searchParams.get('code') as string;

    const teState = sim.random.uuid();
    const teTimestamp = esiaTimestamp(sim.clock.date());
    const teSecret = await createPkcs7ClientSecret(signer, {
      clientId: 'GOSKIT_DEMO',
      scope: SCOPE,
      timestamp: teTimestamp,
      state: teState,
    });
    const form = {
      client_id: 'GOSKIT_DEMO',
      code,
      grant_type: 'authorization_code',
      client_secret: teSecret.clientSecret,
      state: teState,
      redirect_uri: REDIRECT,
      scope: SCOPE,
      timestamp: teTimestamp,
      token_type: 'Bearer',
    };
    const wrong = await sim.handle(request('POST', '/aas/oauth2/te', { form: { ...form, state: 'other' } }));
    expect(jsonOf(wrong).error_description).toMatch(/^ESIA-007053/);
    const tokens = await sim.handle(request('POST', '/aas/oauth2/te', { form }));
    expect(tokens.status, bodyOf(tokens)).toBe(200);
    expect(jsonOf(tokens).state).toBe(teState);
  });

  it('a raw v2 signature is not a valid v1 secret → ESIA-007053', async () => {
    const sim = newSim();
    const query = new URLSearchParams({
      client_id: 'GOSKIT_DEMO',
      client_secret: 'A'.repeat(86),
      redirect_uri: REDIRECT,
      scope: SCOPE,
      response_type: 'code',
      state: 's',
      timestamp: esiaTimestamp(sim.clock.date()),
    });
    const response = await sim.handle(request('GET', `/aas/oauth2/ac?${query}`));
    expect(locationOf(response).searchParams.get('error_description')).toMatch(/^ESIA-007053/);
  });
});
