import {
  createClientSecret,
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  esiaTimestamp,
  generateGostKeyPair,
} from '@goskit/crypto';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { portalRuntimeOf } from '../src/engine/portal-runtime-of.js';
import type { RouteContext } from '../src/engine/types.js';
import {
  demoEsiaClient,
  type EsiaState,
  esiaControlRoutes,
  esiaPortal,
  registerEsiaClient,
} from '../src/portals/esia/index.js';
import {
  acRequest,
  authorizeQuery,
  bodyOf,
  codeExchangeForm,
  jsonOf,
  locationOf,
  loginAndConsent,
  newSim,
  request,
} from './esia-support.js';

/** Valid from 2026-01-01 for a year: around the in-process clock's default start (2026-09-01). */
function vendorCredentials(name: string, notBefore = new Date('2026-01-01T00:00:00Z'), days = 365) {
  const pair = generateGostKeyPair();
  const certificate = createSelfSignedCertificate({
    privateKey: pair.privateKey,
    subject: `CN=${name},O=Vendor`,
    notBefore,
    days,
  });
  const signer = createSoftwareGostSigner({ privateKey: pair.privateKey, certificate: certificate.pem });
  return { certificatePem: certificate.pem, signer };
}

function controlCall(sim: ReturnType<typeof newSim>, method: string, body?: unknown) {
  const route = esiaControlRoutes.find(
    (candidate) => candidate.method === method && candidate.path === '/clients',
  );
  const ctx = {
    request: request(
      method,
      '/__goskit/esia/clients',
      body === undefined ? {} : { body: JSON.stringify(body) },
    ),
    params: {},
    state: sim.portalState<EsiaState>('esia'),
    sim: portalRuntimeOf(sim, 'esia'),
  } as RouteContext<EsiaState>;
  return route?.handler(ctx);
}

describe('ESIA clients registry', () => {
  it('the demo client is stable per seed and its key signs for it', () => {
    const a = demoEsiaClient(newSim());
    const b = demoEsiaClient(newSim());
    expect(a.certificateHash).toBe(b.certificateHash);
    expect(a.certificateHash).toMatch(/^[0-9A-F]{64}$/);
    expect(a.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(demoEsiaClient(newSim({}, 'other-seed')).certificateHash).not.toBe(a.certificateHash);
  });

  it('a vendor registers its own fresh certificate at run time and logs a user in', async () => {
    const sim = newSim();
    const vendor = vendorCredentials('VENDOR_SYS');
    const summary = registerEsiaClient(sim, {
      clientId: 'VENDOR_SYS',
      redirectUris: ['https://vendor.example/esia/'],
      certificatePem: vendor.certificatePem,
    });
    expect(summary.certificateHash).toMatch(/^[0-9A-F]{64}$/);
    const redirectUri = 'https://vendor.example/esia/callback';
    const query = await authorizeQuery(sim, { clientId: 'VENDOR_SYS', redirectUri }, vendor.signer);
    const started = await sim.handle(acRequest(query));
    expect(locationOf(started).pathname).toBe('/login');
    const back = await loginAndConsent(sim, started, 'ivan.ivanov');
    expect(locationOf(back).origin).toBe('https://vendor.example');
    const code = locationOf(back).searchParams.get('code') as string;
    const form = await codeExchangeForm(sim, code, { redirectUri }, vendor.signer);
    const tokens = await sim.handle(
      request('POST', '/aas/oauth2/v3/te', { form: { ...form, client_id: 'VENDOR_SYS' } }),
    );
    // The form was signed for GOSKIT_DEMO by the helper; re-sign for the vendor id.
    expect(tokens.status).toBe(400);
    const timestamp = esiaTimestamp(sim.clock.date());
    const secret = await createClientSecret(vendor.signer, {
      flow: 'v3/te',
      clientId: 'VENDOR_SYS',
      scope: form.scope as string,
      timestamp,
      state: form.state as string,
      redirectUri,
      code,
    });
    const ok = await sim.handle(
      request('POST', '/aas/oauth2/v3/te', {
        form: { ...form, client_id: 'VENDOR_SYS', client_secret: secret.clientSecret, timestamp },
      }),
    );
    expect(ok.status, bodyOf(ok)).toBe(200);
    // The demo client's key does not sign for the vendor.
    const forged = await authorizeQuery(sim, { clientId: 'VENDOR_SYS', redirectUri });
    forged.client_certificate_hash = summary.certificateHash;
    expect(locationOf(await sim.handle(acRequest(forged))).searchParams.get('error_description')).toMatch(
      /^ESIA-007053/,
    );
  });

  it('zod validation names the bad field', () => {
    const sim = newSim();
    const { certificatePem } = vendorCredentials('X');
    expect(() =>
      registerEsiaClient(sim, { clientId: 'a b', redirectUris: ['https://x.example/'], certificatePem }),
    ).toThrow(/clientId/);
    expect(() =>
      registerEsiaClient(sim, { clientId: 'OK1', redirectUris: ['ftp://x'], certificatePem }),
    ).toThrow(/redirectUris/);
    expect(() => registerEsiaClient(sim, { clientId: 'OK1', redirectUris: [], certificatePem })).toThrow(
      /redirectUris/,
    );
    expect(() =>
      registerEsiaClient(sim, {
        clientId: 'OK1',
        redirectUris: ['https://x.example/'],
        certificatePem: 'nope',
      }),
    ).toThrow(/certificatePem/);
    expect(() =>
      registerEsiaClient(sim, {
        clientId: 'OK1',
        redirectUris: ['https://x.example/'],
        certificatePem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
      }),
    ).toThrow(/certificatePem/);
  });

  it('control routes: POST /clients registers (400 naming the field), GET /clients lists', async () => {
    const sim = newSim();
    const { certificatePem } = vendorCredentials('CTRL');
    const created = await controlCall(sim, 'POST', {
      clientId: 'CTRL',
      redirectUris: ['https://ctrl.example/'],
      certificatePem,
      scopes: ['openid'],
    });
    expect(created?.status).toBe(201);
    const bad = await controlCall(sim, 'POST', {
      clientId: 'CTRL',
      redirectUris: 'https://ctrl.example/',
      certificatePem,
    });
    expect(bad?.status).toBe(400);
    expect(JSON.parse(bodyOf(bad as never)).field).toBe('redirectUris');
    const listed = JSON.parse(bodyOf((await controlCall(sim, 'GET')) as never)) as {
      clients: { clientId: string; certificatePem?: string }[];
    };
    expect(listed.clients.map((client) => client.clientId).sort()).toEqual(['CTRL', 'GOSKIT_DEMO']);
    expect(listed.clients[0]?.certificatePem).toBeUndefined();
  });

  it('--data clients are registered on create and survive reset(); run-time ones do not', async () => {
    const vendor = vendorCredentials('DATA_SYS');
    const sim = createSimulator({
      portals: [
        esiaPortal({
          clients: [
            {
              clientId: 'DATA_SYS',
              redirectUris: ['https://data.example/'],
              certificatePem: vendor.certificatePem,
            },
          ],
        }),
      ],
    });
    const runtime = vendorCredentials('RUNTIME');
    registerEsiaClient(sim, {
      clientId: 'RUNTIME',
      redirectUris: ['https://rt.example/'],
      certificatePem: runtime.certificatePem,
    });
    sim.reset();
    const state = sim.portalState<EsiaState>('esia');
    expect([...state.clients.keys()].sort()).toEqual(['DATA_SYS', 'GOSKIT_DEMO']);
    expect(() => esiaPortal({ clients: [{ clientId: 'BAD', redirectUris: [] }] })).toThrow(
      /redirectUris|certificatePem/,
    );
    const snapshot = jsonOf({ body: JSON.stringify(sim.snapshot()) });
    expect(snapshot.version).toBe(1);
  });

  it("clients in the simulator's data (`data.esia.clients`, the --data file) are registered; bad ones name the field", () => {
    const vendor = vendorCredentials('FILE_SYS');
    const data = {
      esia: {
        clients: [
          {
            clientId: 'FILE_SYS',
            redirectUris: ['https://file.example/'],
            certificatePem: vendor.certificatePem,
          },
        ],
      },
    };
    const sim = createSimulator({ portals: [esiaPortal()], data: data as never });
    expect(sim.portalState<EsiaState>('esia').clients.get('FILE_SYS')?.certificateHash).toMatch(
      /^[0-9A-F]{64}$/,
    );
    const bad = {
      esia: {
        clients: [{ clientId: 'FILE_SYS', redirectUris: ['nope'], certificatePem: vendor.certificatePem }],
      },
    };
    expect(() => createSimulator({ portals: [esiaPortal()], data: bad as never })).toThrow(/redirectUris/);
  });

  it('refuses a certificate that is expired or not yet valid, at registration and at v2/ac', async () => {
    const sim = newSim();
    const future = vendorCredentials('FUTURE', new Date('2027-01-01T00:00:00Z'));
    expect(() =>
      registerEsiaClient(sim, {
        clientId: 'FUTURE',
        redirectUris: ['http://localhost/'],
        certificatePem: future.certificatePem,
      }),
    ).toThrowError(
      /certificatePem: the certificate is not yet valid at the simulator's time 2026-09-01T06:00:00\.000Z/,
    );
    const refused = (await controlCall(sim, 'POST', {
      clientId: 'FUTURE',
      redirectUris: ['http://localhost/'],
      certificatePem: future.certificatePem,
    })) as { status: number; body: string };
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ field: 'certificatePem' });

    // Valid when registered, expired a day later: v2/ac refuses with ESIA-007053 naming the dates [code unconfirmed].
    const short = vendorCredentials('SHORT', new Date('2026-09-01T00:00:00Z'), 1);
    registerEsiaClient(sim, {
      clientId: 'SHORT',
      redirectUris: ['http://localhost/'],
      certificatePem: short.certificatePem,
    });
    sim.clock.advance('P2D');
    const answer = await sim.handle(
      acRequest(await authorizeQuery(sim, { clientId: 'SHORT' }, short.signer)),
    );
    const description = new URL(answer.headers.location as string).searchParams.get('error_description');
    expect(description).toMatch(
      /^ESIA-007053: .*goskit-sim: the registered certificate has expired at 2026-09-03/,
    );
  });
});
