/**
 * Recipe: Node's own test runner (`node --import tsx --test`), no test framework. Contract checks are
 * on because the simulator is told so (`strictContracts: true`; or run with GOSKIT_STRICT_CONTRACTS=1)
 * — node:test sets no NODE_ENV, so the test-runner default would leave them off.
 *
 * In process: `setupSimulatorServer()` puts the simulator behind MSW on ESIA's real test-stand host.
 * Standalone: the real `goskit-sim` CLI in a child process, driven through `SimulatorControl`.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { HttpError } from '@goskit/core';
import {
  completeEsiaLogin,
  createSimulator,
  EsiaLoginError,
  registerTestEsiaSystem,
  SimulatorControl,
  simulatorClock,
} from '@goskit/simulator';
import { setupSimulatorServer } from '@goskit/simulator/msw/node';
import { HttpResponse, http } from 'msw';
import { createSignIn } from '../../src/esia-sign-in.js';

const CALLBACK = 'http://localhost:3000/esia/callback';
const ESIA = 'https://esia-portal1.test.gosuslugi.ru';

test('node:test sets no NODE_ENV: contract checks are off unless asked for', () => {
  assert.equal(createSimulator({ portals: [] }).strictContracts, false);
  assert.equal(createSimulator({ portals: [], strictContracts: true }).strictContracts, true);
  process.env.GOSKIT_STRICT_CONTRACTS = '1';
  try {
    assert.equal(createSimulator({ portals: [] }).strictContracts, true);
  } finally {
    delete process.env.GOSKIT_STRICT_CONTRACTS;
  }
});

describe('in process: MSW on the real ESIA host', () => {
  const { sim, use, reset, listen, close } = setupSimulatorServer({
    seed: 'node-test',
    strictContracts: true,
  });
  before(() => listen()); // onUnhandledRequest: 'error'
  afterEach(() => reset()); // MSW overrides and simulator state, in one call
  after(() => close());

  async function signIn() {
    const system = await registerTestEsiaSystem(sim, { clientId: 'SCHOOL_APP', redirectUris: [CALLBACK] });
    return createSignIn({
      environment: 'test',
      clientId: system.clientId,
      redirectUri: CALLBACK,
      signer: system.signer,
      clock: await simulatorClock(sim),
    });
  }

  test('a parent signs in: login page, consent, code exchange, person data', async () => {
    const app = await signIn();
    const { url } = await app.start();
    const person = await app.finish(await completeEsiaLogin(url, { persona: 'ivan.ivanov' }));
    assert.equal(person.fullName, 'Иванов Иван Иванович');
    assert.equal(person.birthDate, '08.03.1991');
    sim.journal.verify(1, { portal: 'esia', operation: 'token', status: 200 });
    assert.equal(sim.strictContracts, true);
    assert.deepEqual(sim.contractViolations(), []);
  });

  test('a wrong password is a typed EsiaLoginError with the page message', async () => {
    const { url } = await (await signIn()).start();
    await assert.rejects(completeEsiaLogin(url, { persona: 'ivan.ivanov', password: 'wrong' }), (error) => {
      assert.ok(error instanceof EsiaLoginError);
      assert.equal(error.reason, 'wrong-password');
      assert.match(error.pageMessage ?? '', /Неверный логин или пароль/);
      return true;
    });
  });

  test('a named scenario of your own: person data down while enabled', async () => {
    sim.faults.defineScenario({
      name: 'esia-rs-down',
      rules: [{ portal: 'esia', operation: 'getPerson', effect: { status: 503 } }],
    });
    const app = await signIn();
    const { url } = await app.start();
    const callback = await completeEsiaLogin(url, { persona: 'ivan.ivanov' });
    sim.faults.enable('esia-rs-down');
    await assert.rejects(app.finish(callback), (error) => error instanceof HttpError && error.status === 503);
    assert.ok(sim.journal.count({ portal: 'esia', operation: 'getPerson', status: 503 }) >= 1);
  });

  test('an MSW override is journaled when added with use()', async () => {
    use(http.get(`${ESIA}/aas/oauth2/jwks`, () => HttpResponse.json({ keys: [] })));
    const app = await signIn();
    const { url } = await app.start();
    await assert.rejects(app.finish(await completeEsiaLogin(url, { persona: 'ivan.ivanov' })));
    sim.journal.verify({ atLeast: 1 }, { portal: 'esia', operation: 'keys' });
    assert.deepEqual(sim.journal.find({ operation: 'keys' })[0]?.effects, ['msw-override']);
  });
});

/** Starts the package's `goskit-sim` bin on a free port; resolves with its URL once it says ready. */
function startGoskitSim(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@goskit/simulator/package.json');
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> }).bin[
    'goskit-sim'
  ];
  const child = spawn(process.execPath, [join(dirname(manifest), bin ?? ''), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /goskit-sim ready on (http:\/\/\S+)/.exec(out);
      if (ready?.[1] !== undefined) {
        resolve({ url: ready[1], child });
      }
    });
    child.once('exit', (code) => reject(new Error(`goskit-sim exited with ${code}: ${out}`)));
  });
}

describe('standalone: goskit-sim in another process', () => {
  let goskitSim: { url: string; child: ChildProcess };
  let control: SimulatorControl;
  before(async () => {
    goskitSim = await startGoskitSim(['--port', '0', '--seed', 'node-test']);
    control = new SimulatorControl({ baseUrl: goskitSim.url });
  });
  afterEach(() => control.reset());
  after(() => goskitSim.child.kill('SIGTERM'));

  test('the same sign-in against http://127.0.0.1:<port>/esia, following the virtual clock', async () => {
    const system = await registerTestEsiaSystem(control, {
      clientId: 'SCHOOL_APP',
      redirectUris: [CALLBACK],
    });
    const clock = await simulatorClock(control); // synced now, and by every clock answer of `control`
    const app = createSignIn({
      environment: { baseUrl: `${goskitSim.url}/esia` },
      clientId: system.clientId,
      redirectUri: CALLBACK,
      signer: system.signer,
      clock,
    });
    await control.clock.advance('P30D'); // a month later on the simulator: timestamps follow
    const { url } = await app.start();
    const person = await app.finish(await completeEsiaLogin(url, { persona: 'ivan.ivanov' }));
    assert.equal(person.fullName, 'Иванов Иван Иванович');
    assert.equal(await control.journal.verify(1, { portal: 'esia', operation: 'token', status: 200 }), 1);
  });

  test('a scenario of your own over the control API', async () => {
    await control.scenarios.define('esia-token-503', {
      rules: [{ portal: 'esia', operation: 'token', firstN: 1, effect: { status: 503 } }],
    });
    await control.scenarios.enable('esia-token-503');
    const answer = await fetch(`${goskitSim.url}/esia/aas/oauth2/v3/te`, { method: 'POST', body: '' });
    assert.equal(answer.status, 503);
    assert.match(answer.headers.get('x-goskit-faults') ?? '', /^esia-token-503:1; seed=node-test$/);
  });
});
