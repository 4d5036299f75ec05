import {
  certificateHash,
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  generateGostKeyPair,
} from '@goskit/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
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

/** A vendor brings its own test certificate: registered over the control API, then used to sign. */
describe('ESIA client registration through /__goskit/esia/clients', () => {
  let sim: Simulator;
  let server: SimulatorServer;
  beforeAll(async () => {
    sim = createSimulator({ seed: 'esia-register', portals: [esiaPortal()] });
    server = await sim.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (body: unknown) =>
    fetch(`${server.url}/__goskit/esia/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('registers a fresh certificate, lists it, and ESIA accepts its signatures', async () => {
    const { privateKey } = generateGostKeyPair();
    const certificate = createSelfSignedCertificate({
      privateKey,
      subject: 'CN=VENDOR_SYS',
      notBefore: new Date('2026-01-01'),
    });
    const registered = await post({
      clientId: 'VENDOR_SYS',
      redirectUris: ['http://localhost:5000/cb'],
      certificatePem: certificate.pem,
    });
    expect(registered.status).toBe(201);
    expect(await registered.json()).toMatchObject({
      clientId: 'VENDOR_SYS',
      certificateHash: certificateHash(certificate.der),
    });

    const listed = (await (await fetch(`${server.url}/__goskit/esia/clients`)).json()) as {
      clients: { clientId: string }[];
    };
    expect(listed.clients.map((client) => client.clientId)).toContain('VENDOR_SYS');

    const signer = createSoftwareGostSigner({ privateKey, certificate: certificate.der });
    const query = await authorizeQuery(
      sim,
      { clientId: 'VENDOR_SYS', redirectUri: 'http://localhost:5000/cb' },
      signer,
    );
    const started = await fetch(`${server.baseUrl('esia')}/aas/oauth2/v2/ac?${new URLSearchParams(query)}`, {
      redirect: 'manual',
    });
    expect(started.status).toBe(302);
    expect(started.headers.get('location')).toContain('/esia/login?rid=');
  });

  it('rejects bad registrations naming the field, and unknown portal control paths with the nearest route', async () => {
    const bad = await post({ clientId: 'X', redirectUris: ['not a url'], certificatePem: 'nope' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: string; field?: string; message: string };
    expect(body.error).toBe('INVALID_DATA');
    expect(body.field).toBeTruthy();
    expect((await post('{not json')).status).toBe(400);

    const wrongMethod = await fetch(`${server.url}/__goskit/esia/clients`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toContain('POST');

    const unknown = await fetch(`${server.url}/__goskit/esia/client`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toContain('/__goskit/esia/clients');
  });
});
