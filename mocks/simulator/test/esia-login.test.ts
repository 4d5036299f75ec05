import { describe, expect, it } from 'vitest';
import { checkQuestion } from '../src/portals/esia/login.js';
import {
  acRequest,
  authorizeQuery,
  bodyOf,
  locationOf,
  loginAndConsent,
  newSim,
  REDIRECT,
  request,
} from './esia-support.js';

async function startLogin(sim: ReturnType<typeof newSim>) {
  const started = await sim.handle(acRequest(await authorizeQuery(sim)));
  return locationOf(started).searchParams.get('rid') as string;
}

const post = (rid: string, fields: Record<string, string>) =>
  request('POST', '/login', { form: { rid, code: '123456', ...fields } });

describe('ESIA login page', () => {
  it('lists personas with demo hints; a persona link fills the login', async () => {
    const sim = newSim();
    const rid = await startLogin(sim);
    const page = bodyOf(await sim.handle(request('GET', `/login?rid=${rid}`)));
    expect(page).toContain('Иванов Иван Иванович');
    expect(page).toContain('пароль goskit-demo');
    expect(page).toContain('код подтверждения 123456');
    const filled = bodyOf(await sim.handle(request('GET', `/login?rid=${rid}&login=ivan.ivanov`)));
    expect(filled).toContain('name="login" value="ivan.ivanov"');
  });

  it('escapes what the user typed', async () => {
    const sim = newSim();
    const rid = await startLogin(sim);
    const page = bodyOf(
      await sim.handle(
        request('GET', `/login?rid=${rid}&login=${encodeURIComponent('"><script>x</script>')}`),
      ),
    );
    expect(page).not.toContain('<script>x</script>');
    expect(page).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('unknown or expired request id → 400 page', async () => {
    const sim = newSim();
    expect((await sim.handle(request('GET', '/login?rid=nope'))).status).toBe(400);
    const rid = await startLogin(sim);
    sim.clock.advance('PT31M');
    const late = await sim.handle(post(rid, { login: 'ivan.ivanov', password: 'goskit-demo' }));
    expect(late.status).toBe(400);
    expect(bodyOf(late)).toContain('устарел');
  });

  it('wrong SMS code is refused', async () => {
    const sim = newSim();
    const rid = await startLogin(sim);
    const response = await sim.handle(
      post(rid, { login: 'ivan.ivanov', password: 'goskit-demo', code: '000000' }),
    );
    expect(response.status).toBe(200);
    expect(bodyOf(response)).toContain('Неверный код подтверждения');
  });

  it('three wrong passwords → lock for 5 virtual minutes, then a check question', async () => {
    const sim = newSim();
    const rid = await startLogin(sim);
    const first = bodyOf(await sim.handle(post(rid, { login: 'ivan.ivanov', password: 'x' })));
    expect(first).toContain('Осталось попыток: 2');
    await sim.handle(post(rid, { login: 'ivan.ivanov', password: 'y' }));
    const third = bodyOf(await sim.handle(post(rid, { login: 'ivan.ivanov', password: 'z' })));
    expect(third).toContain('Вход заблокирован на 5 мин.');
    // Locked: even the right password is refused.
    const locked = await sim.handle(post(rid, { login: 'ivan.ivanov', password: 'goskit-demo' }));
    expect(locked.status).toBe(200);
    expect(bodyOf(locked)).toContain('временно заблокирован');
    sim.clock.advance('PT4M');
    expect(bodyOf(await sim.handle(post(rid, { login: 'ivan.ivanov', password: 'goskit-demo' })))).toContain(
      'временно заблокирован',
    );
    sim.clock.advance('PT1M');
    // Lock over: the form now asks the check question, and without the answer the login fails.
    const page = bodyOf(await sim.handle(request('GET', `/login?rid=${rid}&login=ivan.ivanov`)));
    expect(page).toContain('Дополнительная проверка: сколько будет');
    const noAnswer = await sim.handle(post(rid, { login: 'ivan.ivanov', password: 'goskit-demo' }));
    expect(bodyOf(noAnswer)).toContain('Неверный ответ на проверочный вопрос');
    const state = sim.portalState<{ attempts: Map<string, { lockedUntilMs: number }> }>('esia');
    const lockedUntil = state.attempts.get('ivan.ivanov')?.lockedUntilMs as number;
    const answer = checkQuestion('ivan.ivanov', lockedUntil).answer;
    expect(page).toContain(checkQuestion('ivan.ivanov', lockedUntil).text);
    const ok = await sim.handle(post(rid, { login: 'ivan.ivanov', password: 'goskit-demo', check: answer }));
    expect(ok.status).toBe(302);
    expect(locationOf(ok).pathname).toBe('/consent');
  });

  it('accepts e-mail, phone and СНИЛС as the login', async () => {
    const sim = newSim();
    const parent = sim.demo.personas.find((persona) => persona.id === 'parent-ivanov');
    for (const login of [parent?.email, parent?.phone, parent?.snils]) {
      const rid = await startLogin(sim);
      const response = await sim.handle(post(rid, { login: login as string, password: 'goskit-demo' }));
      expect(response.status, login).toBe(302);
    }
  });

  it('consent page lists the scopes in Russian; «Отказать» → access_denied ESIA-007004', async () => {
    const sim = newSim();
    const started = await sim.handle(acRequest(await authorizeQuery(sim, { state: 'fixed-state' })));
    const rid = locationOf(started).searchParams.get('rid') as string;
    await sim.handle(post(rid, { login: 'ivan.ivanov', password: 'goskit-demo' }));
    const consent = bodyOf(await sim.handle(request('GET', `/consent?rid=${rid}`)));
    expect(consent).toContain('Фамилия, имя и отчество');
    expect(consent).toContain('СНИЛС');
    expect(consent).toContain('Предоставить');
    expect(consent).toContain('Отказать');
    const refused = await sim.handle(request('POST', '/consent', { form: { rid, decision: 'deny' } }));
    const url = locationOf(refused);
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT);
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('error_description')).toMatch(/^ESIA-007004: /);
    expect(url.searchParams.get('state')).toBe('fixed-state');
  });

  it('allow → code JWT with the documented header and claims; the request cannot be reused', async () => {
    const sim = newSim();
    const started = await sim.handle(acRequest(await authorizeQuery(sim, { state: 'state-1' })));
    const back = await loginAndConsent(sim, started, 'ivan.ivanov');
    const code = locationOf(back).searchParams.get('code') as string;
    const [header, payload] = code
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toMatchObject({ ver: 1, typ: 'JWT', sbt: 'authorization_code', alg: 'RS256' });
    expect(header['x5t#St256']).toMatch(/^[0-9A-F]{64}$/);
    const parent = sim.demo.personas.find((persona) => persona.id === 'parent-ivanov');
    expect(payload).toMatchObject({
      iss: 'http://esia-portal1.test.gosuslugi.ru/',
      'urn:esia:client:state': 'state-1',
      auth_mthd: 'PWD',
      client_id: 'GOSKIT_DEMO',
      acr: { '2fa': 'otp' },
      params: {},
      'urn:esia:sbj': {
        'urn:esia:sbj:typ': 'P',
        'urn:esia:sbj:oid': Number(parent?.oid),
        'urn:esia:sbj:nam': `OID.${parent?.oid}`,
        'urn:esia:sbj:is_tru': true,
        'urn:esia:sbj:lvl': 'PR',
      },
    });
    expect(payload.exp - payload.iat).toBe(240);
    expect(payload.scope).toContain(`fullname?oid=${parent?.oid}`);
    expect(back.headers['set-cookie']).toMatch(/^esia_sid=[0-9a-f-]{36};/);
    const rid = locationOf(started).searchParams.get('rid') as string;
    expect((await sim.handle(request('POST', '/consent', { form: { rid, decision: 'allow' } }))).status).toBe(
      400,
    );
  });
});

describe('journal of the login pages', () => {
  it('keeps neither the password nor the SMS code', async () => {
    const sim = newSim();
    const started = await sim.handle(acRequest(await authorizeQuery(sim)));
    await loginAndConsent(sim, started, 'ivan.ivanov');
    const entry = sim.journal.find({ operation: 'login.submit' })[0];
    expect(entry?.status).toBe(302);
    expect(entry?.requestBody).toContain('login=ivan.ivanov');
    expect(entry?.requestBody ?? '').not.toContain('goskit-demo');
    expect(entry?.requestBody ?? '').not.toContain('123456');
  });
});
