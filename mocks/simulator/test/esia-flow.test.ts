import { describe, expect, it } from 'vitest';
import {
  acRequest,
  authorizeQuery,
  bodyOf,
  codeExchangeForm,
  jsonOf,
  locationOf,
  loginAndConsent,
  newSim,
  REDIRECT,
  request,
} from './esia-support.js';

describe('ESIA full login flow', () => {
  it('authorize → login → consent → code → tokens with a real GOST client_secret', async () => {
    const sim = newSim();
    const query = await authorizeQuery(sim);
    const started = await sim.handle(acRequest(query));
    expect(started.status, bodyOf(started)).toBe(302);
    const login = locationOf(started);
    expect(login.pathname).toBe('/login');
    const page = await sim.handle(request('GET', `${login.pathname}${login.search}`));
    expect(page.status).toBe(200);
    expect(bodyOf(page)).toContain('Иванов Иван Иванович');
    const back = await loginAndConsent(sim, started, 'ivan.ivanov');
    expect(back.status).toBe(302);
    const callback = locationOf(back);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    expect(callback.searchParams.get('state')).toBe(query.state);
    const code = callback.searchParams.get('code') as string;
    const form = await codeExchangeForm(sim, code);
    const tokens = await sim.handle(request('POST', '/aas/oauth2/v3/te', { form }));
    expect(tokens.status, bodyOf(tokens)).toBe(200);
    const body = jsonOf(tokens);
    expect(body.state).toBe(form.state);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
    expect(typeof body.refresh_token).toBe('string');
  });
});
