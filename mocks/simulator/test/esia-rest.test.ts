import { describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
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

const ALL_SCOPES =
  'openid fullname birthdate gender snils inn id_doc email mobile contacts addresses vehicles usr_org kid_fullname kid_birthdate kid_snils';

async function login(sim: Simulator, scope: string, who = 'ivan.ivanov') {
  const started = await sim.handle(acRequest(await authorizeQuery(sim, { scope })));
  const back = await loginAndConsent(sim, started, who);
  const code = locationOf(back).searchParams.get('code') as string;
  const response = await sim.handle(
    request('POST', '/aas/oauth2/v3/te', { form: await codeExchangeForm(sim, code, { scope }) }),
  );
  expect(response.status, bodyOf(response)).toBe(200);
  const tokens = jsonOf(response) as { access_token: string; refresh_token: string };
  const oid = sim.demo.personas.find((persona) => persona.login === who)?.oid as string;
  return { ...tokens, oid, cookie: (back.headers['set-cookie'] as string).split(';')[0] as string };
}

const get = (path: string, token?: string) =>
  request('GET', path, token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe('ESIA REST /rs/**', () => {
  it('401 without a token or with a forged one; 403 for another person or a missing scope', async () => {
    const sim = newSim();
    const { access_token, oid } = await login(sim, 'openid fullname');
    const anonymous = await sim.handle(get(`/rs/prns/${oid}`));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toContain('Bearer');
    const [h, p] = access_token.split('.');
    expect((await sim.handle(get(`/rs/prns/${oid}`, `${h}.${p}.AAAA`))).status).toBe(401);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', sbt: 'access' })).toString('base64url')}.${p}.`;
    expect((await sim.handle(get(`/rs/prns/${oid}`, none))).status).toBe(401);
    expect((await sim.handle(get(`/rs/prns/${oid}`, access_token))).status).toBe(200);
    expect((await sim.handle(get('/rs/prns/1000000001', access_token))).status).toBe(403);
    const noDocs = await sim.handle(get(`/rs/prns/${oid}/docs`, access_token));
    expect(noDocs.status).toBe(403);
    expect(jsonOf(noDocs).message).toContain('id_doc');
    for (const collection of ['ctts', 'addrs', 'kids', 'vhls', 'roles', 'orgs']) {
      expect((await sim.handle(get(`/rs/prns/${oid}/${collection}`, access_token))).status, collection).toBe(
        403,
      );
    }
  });

  it('tokens expire after 3600 s of virtual time', async () => {
    const sim = newSim();
    const { access_token, oid } = await login(sim, 'openid fullname');
    sim.clock.advance('PT59M');
    expect((await sim.handle(get(`/rs/prns/${oid}`, access_token))).status).toBe(200);
    sim.clock.advance('PT2M');
    expect((await sim.handle(get(`/rs/prns/${oid}`, access_token))).status).toBe(401);
  });

  it('person: fields per scope and the reference shapes', async () => {
    const sim = newSim();
    const narrow = await login(sim, 'openid fullname');
    const person = jsonOf(await sim.handle(get(`/rs/prns/${narrow.oid}`, narrow.access_token)));
    expect(person).toMatchObject({
      stateFacts: ['EntityRoot'],
      lastName: 'Иванов',
      firstName: 'Иван',
      middleName: 'Иванович',
      trusted: true,
      status: 'REGISTERED',
    });
    expect(person.snils).toBeUndefined();
    const wide = await login(sim, ALL_SCOPES);
    const full = jsonOf(await sim.handle(get(`/rs/prns/${wide.oid}`, wide.access_token)));
    expect(full.birthDate).toBe('08.03.1991');
    expect(full.gender).toBe('M');
    expect(full.snils).toMatch(/^\d{3}-\d{3}-\d{3} \d{2}$/);
    expect(full.inn).toMatch(/^\d{12}$/);
    expect(typeof full.rIdDoc).toBe('number');
    expect(full.eTag).toMatch(/^[0-9A-F]{40}$/);
  });

  it('collections are link lists with absolute URLs; embed=(elements) inlines them', async () => {
    const sim = newSim();
    const { access_token, oid } = await login(sim, ALL_SCOPES);
    const links = jsonOf(await sim.handle(get(`/rs/prns/${oid}/ctts`, access_token)));
    expect(links.stateFacts).toEqual(['hasSize']);
    expect(links.size).toBe(2);
    const elements = links.elements as string[];
    expect(elements[0]).toMatch(
      new RegExp(`^https://esia-portal1\\.test\\.gosuslugi\\.ru/rs/prns/${oid}/ctts/\\d+$`),
    );
    const one = jsonOf(await sim.handle(get(new URL(elements[0] as string).pathname, access_token)));
    expect(['MBT', 'EML']).toContain(one.type);
    expect(one.vrfStu).toBe('VERIFIED');
    const inline = jsonOf(await sim.handle(get(`/rs/prns/${oid}/ctts?embed=(elements)`, access_token)));
    expect((inline.elements as { type: string }[]).map((c) => c.type).sort()).toEqual(['EML', 'MBT']);
    const docs = jsonOf(await sim.handle(get(`/rs/prns/${oid}/docs?embed=(elements)`, access_token)));
    expect((docs.elements as { type: string }[])[0]?.type).toBe('RF_PASSPORT');
    const addrs = jsonOf(await sim.handle(get(`/rs/prns/${oid}/addrs?embed=(elements)`, access_token)));
    expect((addrs.elements as { type: string }[]).map((a) => a.type).sort()).toEqual(['PLV', 'PRG']);
    const kids = jsonOf(await sim.handle(get(`/rs/prns/${oid}/kids?embed=(elements)`, access_token)));
    expect(kids.size).toBe(2);
    expect((kids.elements as { lastName: string }[])[0]?.lastName).toBe('Иванов');
    const vhls = jsonOf(await sim.handle(get(`/rs/prns/${oid}/vhls?embed=(elements)`, access_token)));
    expect((vhls.elements as { numberPlate: string }[])[0]?.numberPlate).toMatch(/^[А-Я]\d{3}[А-Я]{2}77$/);
    expect((await sim.handle(get(`/rs/prns/${oid}/ctts/999`, access_token))).status).toBe(404);
    expect((await sim.handle(get(`/rs/prns/${oid}/pets`, access_token))).status).toBe(404);
  });

  it('person embed=(contacts.elements,addresses.elements,documents.elements)', async () => {
    const sim = newSim();
    const { access_token, oid } = await login(sim, ALL_SCOPES);
    const person = jsonOf(
      await sim.handle(
        get(`/rs/prns/${oid}?embed=(contacts.elements,addresses.elements,documents.elements)`, access_token),
      ),
    );
    expect((person.contacts as { size: number }).size).toBe(2);
    expect((person.addresses as { elements: { addressStr: string }[] }).elements[0]?.addressStr).toContain(
      'г. ',
    );
    expect((person.documents as { elements: { type: string }[] }).elements[0]?.type).toBe('RF_PASSPORT');
  });

  it('school administrator: roles, orgs and /rs/orgs/{oid}', async () => {
    const sim = newSim();
    const admin = sim.demo.personas.find((persona) => persona.id === 'admin-demo');
    const { access_token, oid } = await login(sim, 'openid fullname usr_org', admin?.login);
    const roles = jsonOf(await sim.handle(get(`/rs/prns/${oid}/roles?embed=(elements)`, access_token)));
    const role = (roles.elements as Record<string, unknown>[])[0];
    expect(role).toMatchObject({
      oid: Number(sim.demo.organisation.oid),
      ogrn: sim.demo.organisation.ogrn,
      chief: true,
      active: true,
    });
    const org = jsonOf(await sim.handle(get(`/rs/orgs/${sim.demo.organisation.oid}`, access_token)));
    expect(org).toMatchObject({ ogrn: sim.demo.organisation.ogrn, inn: sim.demo.organisation.inn });
    expect((await sim.handle(get('/rs/orgs/42', access_token))).status).toBe(404);
    const parent = await login(sim, 'openid fullname usr_org');
    expect((await sim.handle(get(`/rs/orgs/${sim.demo.organisation.oid}`, parent.access_token))).status).toBe(
      403,
    );
  });

  it('logout ends the session: refresh and access tokens die; redirect only to registered URLs', async () => {
    const sim = newSim();
    const session = await login(sim, 'openid fullname');
    const out = await sim.handle(
      request('GET', `/idp/ext/Logout?client_id=GOSKIT_DEMO&redirect_url=${encodeURIComponent(REDIRECT)}`, {
        headers: { cookie: session.cookie },
      }),
    );
    expect(out.status).toBe(302);
    expect(out.headers.location).toBe(REDIRECT);
    expect((await sim.handle(get(`/rs/prns/${session.oid}`, session.access_token))).status).toBe(401);
    const state = sim.portalState<{ refreshTokens: Map<string, { revoked: boolean }> }>('esia');
    expect(state.refreshTokens.get(session.refresh_token)?.revoked).toBe(true);
    const page = await sim.handle(
      request('GET', '/idp/ext/Logout?client_id=GOSKIT_DEMO&redirect_url=https://evil.example/'),
    );
    expect(page.status).toBe(200);
    expect(bodyOf(page)).toContain('Вы вышли');
  });
});
