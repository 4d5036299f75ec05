import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/engine/create-simulator.js';
import type { Simulator, SimulatorServer } from '../src/engine/types.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { authorizeQuery, codeExchangeForm } from './esia-support.js';

/** The standalone server: every URL the portal writes (login form, consent, links) carries the /esia prefix. */
describe('ESIA on the standalone server (plain HTTP form posts, no browser)', () => {
  let sim: Simulator;
  let server: SimulatorServer;
  beforeAll(async () => {
    sim = createSimulator({ seed: 'esia-server', portals: [esiaPortal()] });
    server = await sim.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
  });

  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual' as const,
  });

  it('login → consent → code → token → person', async () => {
    const base = server.baseUrl('esia');
    const query = await authorizeQuery(sim);
    const started = await fetch(`${base}/aas/oauth2/v2/ac?${new URLSearchParams(query)}`, {
      redirect: 'manual',
    });
    expect(started.status).toBe(302);
    const loginUrl = new URL(started.headers.get('location') as string);
    expect(loginUrl.href.startsWith(`${base}/login?rid=`)).toBe(true);
    const page = await (await fetch(loginUrl)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1] as string;
    expect(action).toBe(`${base}/login`);
    const rid = loginUrl.searchParams.get('rid') as string;
    const loggedIn = await fetch(
      action,
      form({ rid, login: 'ivan.ivanov', password: 'goskit-demo', code: '123456' }),
    );
    expect(loggedIn.status).toBe(302);
    const consentUrl = loggedIn.headers.get('location') as string;
    expect(await (await fetch(consentUrl)).text()).toContain('Предоставить');
    const allowed = await fetch(`${base}/consent`, form({ rid, decision: 'allow' }));
    const callback = new URL(allowed.headers.get('location') as string);
    expect(callback.searchParams.get('state')).toBe(query.state);
    const code = callback.searchParams.get('code') as string;
    const tokens = await fetch(`${base}/aas/oauth2/v3/te`, form(await codeExchangeForm(sim, code)));
    expect(tokens.status).toBe(200);
    const { access_token } = (await tokens.json()) as { access_token: string };
    const oid = sim.demo.personas.find((persona) => persona.login === 'ivan.ivanov')?.oid;
    const person = await fetch(`${base}/rs/prns/${oid}/ctts`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(person.status).toBe(200);
    const links = (await person.json()) as { elements: string[] };
    expect(links.elements[0]?.startsWith(`${base}/rs/prns/${oid}/ctts/`)).toBe(true);
    expect(sim.contractViolations()).toEqual([]);
  });
});
