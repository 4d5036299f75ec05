/**
 * Webhook delivery from the max portal, through the global fetch (MSW answers it here): every update
 * POSTed with `X-Max-Bot-Api-Secret`, in order; a failing endpoint retried with a doubling backoff on
 * the virtual clock; after 8 virtual hours of failure the bot is unsubscribed and the undelivered
 * updates wait in its polling queue. An unsubscribed bot polls again.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, maxControl, maxPortal } from '../src/index.js';
import { jsonOf, simRequest } from './fixtures/requests.js';
import { until } from './max-support.js';

const HOOK = 'https://bot.example.test/max/hook';
const SECRET = 'hook-secret_42';

interface Received {
  secret: string | null;
  type: string;
  text: string | undefined;
}

let answer: (n: number) => number = () => 200;
const received: Received[] = [];
let calls = 0;
const receiver = http.post(HOOK, async ({ request }) => {
  calls += 1;
  const update = (await request.json()) as { update_type: string; message?: { body: { text: string } } };
  received.push({
    secret: request.headers.get('x-max-bot-api-secret'),
    type: update.update_type,
    text: update.message?.body.text,
  });
  return new HttpResponse(null, { status: answer(calls) });
});

function setup() {
  const sim = createSimulator({
    seed: 'max-webhooks',
    portals: [maxPortal({ tickMs: 5 })],
    strictContracts: true,
    rateLimits: { max: { ratePerSecond: 1e6, burst: 1e6 } },
  });
  const people = maxControl(sim);
  const token = people.bots()[0]!.token;
  const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) =>
    sim
      .handle(
        simRequest(path, {
          portal: 'max',
          method,
          query,
          headers: {
            authorization: token,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      )
      .then((response) =>
        jsonOf<
          { updates: { message?: { body: { text: string } } }[]; marker: number } & Record<string, unknown>
        >(response),
      );
  return { sim, people, call };
}

const server = setupServer(receiver);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  received.length = 0;
  calls = 0;
  answer = () => 200;
});
afterAll(() => server.close());

describe('webhook delivery', () => {
  it('delivers each update with the secret, in order, once the bot subscribed', async () => {
    const { sim, people, call } = setup();
    await call('GET', '/updates', { timeout: '0' }); // what waited before stays in the polling queue
    expect(await call('POST', '/subscriptions', {}, { url: HOOK, secret: SECRET })).toEqual({
      success: true,
    });
    people.post(-70000000000001, people.userId('teacher-demo'), 'первое');
    people.post(-70000000000001, people.userId('teacher-demo'), 'второе');
    await until(() => received.length === 2, 3_000, 'two deliveries');
    expect(received).toEqual([
      { secret: SECRET, type: 'message_created', text: 'первое' },
      { secret: SECRET, type: 'message_created', text: 'второе' },
    ]);
    expect(people.deliveries().map((event) => event.outcome)).toEqual(['delivered', 'delivered']);
    expect(sim.contractViolations()).toEqual([]);
  });

  it('retries a failing endpoint on the virtual clock and keeps the order', async () => {
    const { sim, people, call } = setup();
    await call(
      'POST',
      '/subscriptions',
      {},
      { url: HOOK, secret: SECRET, update_types: ['message_created'] },
    );
    answer = (n) => (n <= 2 ? 500 : 200);
    people.renameChat(-70000000000001, 'Не для webhook'); // filtered out by update_types
    people.post(-70000000000001, people.userId('teacher-demo'), 'A');
    people.post(-70000000000001, people.userId('teacher-demo'), 'B');
    await until(() => calls === 1, 3_000, 'the first attempt');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(1); // the clock is frozen: the retry waits for virtual time
    sim.clock.advance('PT5S');
    await until(() => calls === 2, 3_000, 'the second attempt');
    sim.clock.advance('PT10S');
    await until(() => received.length === 4, 3_000, 'A delivered, then B');
    expect(received.map((entry) => entry.text)).toEqual(['A', 'A', 'A', 'B']);
    expect(people.deliveries().map((event) => [event.outcome, event.attempt, event.status])).toEqual([
      ['failed', 1, 500],
      ['failed', 2, 500],
      ['delivered', 3, 200],
      ['delivered', 1, 200],
    ]);
  });

  it('unsubscribes after 8 virtual hours of failures; the updates wait in the polling queue', async () => {
    const { sim, people, call } = setup();
    await call('GET', '/updates', { timeout: '0' }).then((batch) =>
      call('GET', '/updates', { timeout: '0', marker: String(batch.marker) }),
    );
    await call('POST', '/subscriptions', {}, { url: HOOK, secret: SECRET });
    answer = () => 503;
    people.post(-70000000000001, people.userId('teacher-demo'), 'потерянное?');
    await until(() => calls === 1, 3_000, 'the first attempt');
    sim.clock.advance('PT7H');
    await until(
      () => people.deliveries().at(-1)?.attempt !== undefined && people.deliveries().length > 10,
      5_000,
      'catch-up attempts',
    );
    expect(people.bots()[0]!.webhook).toBe(HOOK);
    sim.clock.advance('PT2H');
    await until(() => people.bots()[0]!.webhook === null, 5_000, 'the unsubscription');
    const outcomes = people.deliveries().map((event) => event.outcome);
    expect(outcomes.at(-1)).toBe('unsubscribed');
    expect(outcomes.filter((outcome) => outcome === 'failed').length).toBeGreaterThan(15);
    const attempts = people.deliveries().filter((event) => event.outcome === 'failed');
    const first = Date.parse(attempts[0]!.at);
    const last = Date.parse(attempts.at(-1)!.at);
    expect(last - first).toBeLessThanOrEqual(9 * 3_600_000);
    expect(await call('GET', '/subscriptions')).toEqual({ subscriptions: [] });
    const polled = await call('GET', '/updates', { timeout: '0' });
    expect(
      polled.updates.map((update: { message?: { body: { text: string } } }) => update.message?.body.text),
    ).toEqual(['потерянное?']);
  });

  it('unsubscribing hands pending deliveries back to polling', async () => {
    const { people, call } = setup();
    await call('GET', '/updates', { timeout: '0' }).then((batch) =>
      call('GET', '/updates', { timeout: '0', marker: String(batch.marker) }),
    );
    await call('POST', '/subscriptions', {}, { url: HOOK });
    answer = () => 500;
    people.post(-70000000000001, people.userId('teacher-demo'), 'ждёт');
    await until(() => calls === 1, 3_000, 'the first attempt');
    expect(received[0]?.secret).toBeNull();
    expect(await call('DELETE', '/subscriptions', { url: HOOK })).toEqual({ success: true });
    const polled = await call('GET', '/updates', { timeout: '0' });
    expect(polled.updates).toHaveLength(1);
    expect(await call('DELETE', '/subscriptions', { url: HOOK })).toMatchObject({ success: false });
  });
});
