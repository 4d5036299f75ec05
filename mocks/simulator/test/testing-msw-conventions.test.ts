/**
 * Issue 11 §2, MSW conventions: a plain `server.use()` override answers before the simulator and the
 * journal never sees it; `use()` of setupSimulatorServer (journaled()) records it like any answer;
 * `reset()` (resetAll) drops the overrides and resets the simulator in one call.
 */
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupSimulatorServer } from '../src/msw-node.js';
import { journaled, OVERRIDE_EFFECT } from '../src/universal.js';

const ESIA = 'https://esia-portal1.test.gosuslugi.ru';
const SCHOOL = 'https://school.goskit.test';
const { sim, server, use, reset, listen } = setupSimulatorServer({ seed: 'msw-conventions' });

beforeAll(() => listen());
afterEach(() => reset());
afterAll(() => server.close());

const tokenCall = () =>
  fetch(`${ESIA}/aas/oauth2/v3/te`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=authorization_code&client_id=X&client_secret=very-secret-signature&code=abc',
  });

describe('overrides and the journal', () => {
  it('a plain server.use() override bypasses the journal (the problem journaled() solves)', async () => {
    server.use(
      http.post(`${ESIA}/aas/oauth2/v3/te`, () => HttpResponse.json({ error: 'x' }, { status: 503 })),
    );
    expect((await tokenCall()).status).toBe(503);
    expect(sim.journal.count({ portal: 'esia' })).toBe(0);
  });

  it('use() journals the override: portal and operation from the URL, effect msw-override, redacted bodies', async () => {
    use(
      http.post(`${ESIA}/aas/oauth2/v3/te`, () =>
        HttpResponse.json({ error: 'server_error', access_token: 'leak-me-not' }, { status: 503 }),
      ),
    );
    const answer = await tokenCall();
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ error: 'server_error', access_token: 'leak-me-not' });
    sim.journal.verify(1, { portal: 'esia', operation: 'token', status: 503 });
    const [entry] = sim.journal.find({ operation: 'token' });
    expect(entry).toMatchObject({
      portal: 'esia',
      method: 'POST',
      path: '/aas/oauth2/v3/te',
      effects: [OVERRIDE_EFFECT],
      time: sim.clock.date().toISOString(),
    });
    expect(entry?.requestBody).toContain('grant_type=authorization_code');
    expect(entry?.requestBody).not.toContain('very-secret-signature');
    expect(entry?.responseBody).toContain('server_error');
    expect(entry?.responseBody).not.toContain('leak-me-not');
    expect(entry?.requestBodyBytes).toBeGreaterThan(50);
  });

  it('once, fall-through, network errors, thrown responses and generators keep MSW semantics', async () => {
    use(http.get(`${SCHOOL}/classes`, () => HttpResponse.json({ overridden: true }), { once: true }));
    expect(await (await fetch(`${SCHOOL}/classes`)).json()).toEqual({ overridden: true });
    expect((await fetch(`${SCHOOL}/classes`)).status).toBe(200); // the simulator again
    expect(sim.journal.find({ operation: 'classes.list' }).map((e) => e.effects)).toEqual([
      [OVERRIDE_EFFECT],
      [],
    ]);

    // Restoring a used `once` handler reaches the handler itself through the wrapper.
    server.restoreHandlers();
    expect(await (await fetch(`${SCHOOL}/classes`)).json()).toEqual({ overridden: true });

    sim.journal.clear();
    // An override that answers nothing lets the request fall through: the simulator answers and journals it once.
    use(http.get(`${SCHOOL}/school`, () => undefined));
    expect((await fetch(`${SCHOOL}/school`)).status).toBe(200);
    expect(sim.journal.find({ operation: 'school.get' }).map((e) => e.effects)).toEqual([[]]);

    use(http.get(`${SCHOOL}/personas`, () => HttpResponse.error()));
    await expect(fetch(`${SCHOOL}/personas`)).rejects.toThrow();
    expect(sim.journal.find({ operation: 'personas.list' })).toMatchObject([
      { status: 0, effects: [OVERRIDE_EFFECT] },
    ]);

    use(
      http.get(`${SCHOOL}/classes/:id`, () => {
        throw HttpResponse.text('gone', { status: 410 });
      }),
    );
    expect((await fetch(`${SCHOOL}/classes/x`)).status).toBe(410);
    expect(sim.journal.find({ operation: 'classes.get' })).toMatchObject([
      { status: 410, responseBody: 'gone' },
    ]);

    use(
      http.get(`${SCHOOL}/classes/:id/students`, function* () {
        yield HttpResponse.json({ step: 1 }, { status: 202 });
        yield HttpResponse.json({ step: 2 }, { status: 202 });
        return HttpResponse.json({ step: 3 });
      }),
    );
    const steps: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      steps.push((await fetch(`${SCHOOL}/classes/1a/students`)).status);
    }
    expect(steps).toEqual([202, 202, 200, 200]);
    expect(sim.journal.find({ operation: 'classes.students' }).map((e) => e.status)).toEqual([
      202, 202, 200, 200,
    ]);
  });

  it('requests to hosts no portal answers are not journaled; unmatched portal paths are (unmatched)', async () => {
    use(
      http.get('https://app.example.test/health', () => HttpResponse.text('ok')),
      http.get(`${SCHOOL}/no/such/route`, () => HttpResponse.text('mine')),
    );
    expect(await (await fetch('https://app.example.test/health')).text()).toBe('ok');
    expect(await (await fetch(`${SCHOOL}/no/such/route`)).text()).toBe('mine');
    expect(sim.journal.entries().map((e) => [e.portal, e.operation, e.path])).toEqual([
      ['school', '(unmatched)', '/no/such/route'],
    ]);
  });

  it('a streaming override body is not waited for: the entry comes without it, the client gets it all', async () => {
    use(
      http.get(`${SCHOOL}/personas/:id`, () => {
        const stream = new ReadableStream<Uint8Array>({
          async start(controller) {
            await new Promise((resolve) => setTimeout(resolve, 300));
            controller.enqueue(new TextEncoder().encode('late'));
            controller.close();
          },
        });
        return new HttpResponse(stream, { headers: { 'content-type': 'text/plain' } });
      }),
    );
    const answer = await fetch(`${SCHOOL}/personas/p1`);
    expect(await answer.text()).toBe('late');
    const [entry] = sim.journal.find({ operation: 'personas.get' });
    expect(entry).toMatchObject({ status: 200, effects: [OVERRIDE_EFFECT] });
    expect(entry?.responseBody).toBeUndefined();
  });

  it('journaled() works with a plain server.use() too', async () => {
    server.use(
      ...journaled(
        sim,
        http.get(`${SCHOOL}/school`, () => HttpResponse.json({ name: 'x' })),
      ),
    );
    await fetch(`${SCHOOL}/school`);
    sim.journal.verify(1, { portal: 'school', operation: 'school.get' });
  });
});

describe('reset(): MSW overrides and simulator state in one call', () => {
  it('drops the overrides, clears the journal, rewinds the clock and the faults', async () => {
    use(http.get(`${SCHOOL}/classes`, () => HttpResponse.json({ overridden: true })));
    sim.faults.enable('slow');
    sim.clock.advance('P1D');
    await fetch(`${SCHOOL}/classes`);
    expect(sim.journal.size).toBe(1);
    reset();
    expect(sim.journal.size).toBe(0);
    expect(sim.clock.date().toISOString()).toBe('2026-09-01T06:00:00.000Z');
    expect(sim.faults.active()).toEqual([]);
    const classes = (await (await fetch(`${SCHOOL}/classes`)).json()) as { total?: number };
    expect(classes.total).toBe(sim.demo.classes.length);
    reset({ seed: 'another' });
    expect(sim.seed).toBe('another');
  });
});
