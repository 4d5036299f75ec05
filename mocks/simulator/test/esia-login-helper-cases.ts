/**
 * The cases of the ESIA test helpers (completeEsiaLogin, registerTestEsiaSystem, demoEsiaSystem,
 * simulatorClock), written once and run twice: in process through MSW on the real host, and against
 * the standalone server over 127.0.0.1 with a SimulatorControl — the helpers must behave the same.
 */
import { createSoftwareGostSigner, esiaTimestamp } from '@goskit/crypto';
import { expect, it } from 'vitest';
import type { SimulatorControl } from '../src/control/client.js';
import type { Simulator } from '../src/engine/types.js';
import { demoEsiaClient } from '../src/portals/esia/index.js';
import {
  completeEsiaLogin,
  demoEsiaSystem,
  EsiaLoginError,
  registerTestEsiaSystem,
  simulatorClock,
  type TestEsiaSystem,
} from '../src/universal.js';
import { authorizeQuery } from './esia-support.js';

export interface HelperTarget {
  /** The simulator behind the target (the test reads its state and journal directly). */
  sim: Simulator;
  /** What the helpers are given: the simulator itself, or a control client of its server. */
  target: Simulator | SimulatorControl;
  /** ESIA's base URL as a client sees it (the real host, or http://127.0.0.1:<port>/esia). */
  esiaBase: () => string;
  /** Moves the virtual clock the way this target's user would. */
  advance: (duration: string) => Promise<void>;
}

const APP = 'http://localhost:3000/callback';

async function authorizationUrl(
  t: HelperTarget,
  system: TestEsiaSystem,
  extra: { state?: string; timestamp?: string; clientId?: string } = {},
): Promise<string> {
  const clock = await simulatorClock(t.target);
  const query = await authorizeQuery(
    t.sim,
    {
      clientId: extra.clientId ?? system.clientId,
      redirectUri: APP,
      scope: 'openid fullname',
      timestamp: extra.timestamp ?? esiaTimestamp(clock.date()),
      ...(extra.state === undefined ? {} : { state: extra.state }),
    },
    createSoftwareGostSigner({ privateKey: system.privateKeyPem, certificate: system.certificatePem }),
  );
  return `${t.esiaBase()}/aas/oauth2/v2/ac?${new URLSearchParams(query)}`;
}

async function rejection(promise: Promise<unknown>): Promise<EsiaLoginError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EsiaLoginError);
  return error as EsiaLoginError;
}

export function helperCases(target: () => HelperTarget): void {
  let system: TestEsiaSystem;
  const register = async () => {
    system = await registerTestEsiaSystem(target().target, {
      clientId: 'HELPER_TEST',
      redirectUris: [APP],
      scopes: ['openid', 'fullname'],
      title: 'Helper test system',
    });
    return system;
  };

  it('registerTestEsiaSystem: a GOST certificate valid on the simulator clock, registered for the system', async () => {
    const t = target();
    await register();
    const now = t.sim.clock.now();
    expect(system.notBefore.getTime()).toBeLessThanOrEqual(now);
    expect(system.notAfter.getTime()).toBeGreaterThan(now + 3000 * 86_400_000);
    const record = t.sim
      .portalState<{ clients: Map<string, { certificateHash: string; title: string }> }>('esia')
      .clients.get('HELPER_TEST');
    expect(record).toMatchObject({ certificateHash: system.certificateHash, title: 'Helper test system' });
    expect(system.privateKeyPem).toContain('PRIVATE KEY');
    // Far from the wall clock too: the certificate follows the simulator's time.
    await t.advance('P4000D');
    const later = await registerTestEsiaSystem(t.target, { clientId: 'HELPER_LATER', redirectUris: [APP] });
    expect(later.notBefore.getTime()).toBeGreaterThan(Date.parse('2037-01-01'));
    const bad = await registerTestEsiaSystem(t.target, { clientId: 'bad id!', redirectUris: [APP] }).catch(
      (e: unknown) => e,
    );
    expect(bad).toMatchObject({ code: 'INVALID_DATA' });
    expect((bad as Error).message).toContain('clientId');
  });

  it('demoEsiaSystem: the demo key and certificate, the same as demoEsiaClient(sim)', async () => {
    const t = target();
    const demo = await demoEsiaSystem(t.target);
    const local = demoEsiaClient(t.sim);
    expect(demo).toMatchObject({
      clientId: 'GOSKIT_DEMO',
      privateKeyPem: local.privateKeyPem,
      certificatePem: local.certificatePem,
      certificateHash: local.certificateHash,
      redirectUris: local.redirectUris,
    });
    expect(demo.notBefore.getTime()).toBe(local.notBeforeMs);
  });

  it('completeEsiaLogin: persona, password, code, consent → the callback with code and state', async () => {
    const t = target();
    await register();
    const url = await authorizationUrl(t, system, { state: '11111111-2222-4333-8444-555555555555' });
    const callback = new URL(await completeEsiaLogin(url, { persona: 'ivan.ivanov' }));
    expect(`${callback.origin}${callback.pathname}`).toBe(APP);
    expect(callback.searchParams.get('state')).toBe('11111111-2222-4333-8444-555555555555');
    const code = callback.searchParams.get('code') ?? '';
    const payload = JSON.parse(Buffer.from(code.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload.client_id).toBe('HELPER_TEST');
    expect(t.sim.journal.count({ portal: 'esia', operation: 'consent.submit', status: 302 })).toBe(1);
  });

  it('completeEsiaLogin: a persona object (its own password) and the СНИЛС as login', async () => {
    const t = target();
    await register();
    const parent = t.sim.demo.personas.find((persona) => persona.id === 'parent-ivanov');
    expect(parent).toBeDefined();
    const first = await completeEsiaLogin(await authorizationUrl(t, system), { persona: parent as never });
    expect(new URL(first).searchParams.has('code')).toBe(true);
    const bySnils = await completeEsiaLogin(await authorizationUrl(t, system), {
      persona: parent?.snils ?? '',
    });
    expect(new URL(bySnils).searchParams.has('code')).toBe(true);
  });

  it('a wrong password rejects with EsiaLoginError wrong-password naming the page message', async () => {
    const t = target();
    await register();
    const url = await authorizationUrl(t, system);
    const error = await rejection(completeEsiaLogin(url, { persona: 'ivan.ivanov', password: 'nope' }));
    expect(error).toMatchObject({
      code: 'LOGIN_FAILED',
      reason: 'wrong-password',
      pageMessage: 'Неверный логин или пароль. Осталось попыток: 2.',
      status: 200,
      url: `${t.esiaBase()}/login`,
    });
    expect(error.message).toContain('Неверный логин или пароль');
    // The walk submitted once and stopped: no second guess with the same password.
    expect(t.sim.journal.count({ operation: 'login.submit' })).toBe(1);
    // Neither the rid nor the signed authorization parameters reach the message.
    expect(error.message).not.toMatch(/rid=|client_secret|timestamp/);
  });

  it('three wrong passwords lock the login; after the lock the extra check is answered from the page', async () => {
    const t = target();
    await register();
    const reasons: string[] = [];
    for (const password of ['x1', 'x2', 'x3', 'goskit-demo']) {
      const error = await rejection(
        completeEsiaLogin(await authorizationUrl(t, system), { persona: 'ivan.ivanov', password }),
      );
      reasons.push(`${error.reason}: ${error.pageMessage}`);
    }
    expect(reasons[0]).toBe('wrong-password: Неверный логин или пароль. Осталось попыток: 2.');
    expect(reasons[2]).toMatch(
      /^locked: Неверный пароль введён 3 раза подряд\. Вход заблокирован на 5 мин\./,
    );
    expect(reasons[3]).toMatch(/^locked: Вход временно заблокирован из-за неверного пароля/);
    await t.advance('PT5M');
    t.sim.journal.clear();
    const callback = await completeEsiaLogin(await authorizationUrl(t, system), { persona: 'ivan.ivanov' });
    expect(new URL(callback).searchParams.has('code')).toBe(true);
    // First submit without the answer (the page did not know the login yet), then with it.
    const submits = t.sim.journal.find({ operation: 'login.submit' });
    expect(submits.map((entry) => entry.status)).toEqual([200, 302]);
    expect(submits[1]?.requestBody).toMatch(/check=\d+/);
  });

  it('a wrong password after the lock, with the check answered, is still wrong-password', async () => {
    const t = target();
    await register();
    for (const password of ['x1', 'x2', 'x3']) {
      await rejection(
        completeEsiaLogin(await authorizationUrl(t, system), { persona: 'ivan.ivanov', password }),
      );
    }
    await t.advance('PT6M');
    const error = await rejection(
      completeEsiaLogin(await authorizationUrl(t, system), {
        persona: 'ivan.ivanov',
        password: 'still-wrong',
      }),
    );
    expect(error.reason).toBe('wrong-password');
  });

  it('consent deny → the callback carries access_denied ESIA-007004 and the state', async () => {
    const t = target();
    await register();
    const url = await authorizationUrl(t, system, { state: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' });
    const callback = new URL(await completeEsiaLogin(url, { persona: 'ivan.ivanov', consent: 'deny' }));
    expect(`${callback.origin}${callback.pathname}`).toBe(APP);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('error_description')).toMatch(/^ESIA-007004/);
    expect(callback.searchParams.get('state')).toBe('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    expect(callback.searchParams.has('code')).toBe(false);
  });

  it('a wrong SMS code → wrong-code', async () => {
    const t = target();
    await register();
    const error = await rejection(
      completeEsiaLogin(await authorizationUrl(t, system), { persona: 'ivan.ivanov', code: '000000' }),
    );
    expect(error).toMatchObject({ reason: 'wrong-code', pageMessage: 'Неверный код подтверждения из СМС.' });
  });

  it('an unknown system → error-page with ESIA-007005 from the 400 page', async () => {
    const t = target();
    await register();
    const url = await authorizationUrl(t, system, { clientId: 'NOT_REGISTERED' });
    const error = await rejection(completeEsiaLogin(url, { persona: 'ivan.ivanov' }));
    expect(error).toMatchObject({ reason: 'error-page', status: 400 });
    expect(error.pageMessage).toMatch(/^ESIA-007005/);
  });

  it('a timestamp off the virtual clock comes back as the app callback with ESIA-007015 naming the clock', async () => {
    const t = target();
    await register();
    const wall = esiaTimestamp(new Date(t.sim.clock.now() - 3_600_000));
    const callback = new URL(
      await completeEsiaLogin(await authorizationUrl(t, system, { timestamp: wall }), {
        persona: 'ivan.ivanov',
      }),
    );
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/^ESIA-007015.*virtual clock/);
  });

  it('simulatorClock follows the simulator time as a core Clock', async () => {
    const t = target();
    const clock = await simulatorClock(t.target);
    expect(clock.mode).toBe(t.sim.clock.mode);
    expect(Math.abs(clock.now() - t.sim.clock.now())).toBeLessThan(1000);
    await t.advance('PT2H');
    expect(Math.abs(clock.now() - t.sim.clock.now())).toBeLessThan(1000);
    expect(Math.abs(clock.date().getTime() - t.sim.clock.now())).toBeLessThan(1000);
  });
}
