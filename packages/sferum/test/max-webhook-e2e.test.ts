/**
 * The whole webhook loop on real sockets: the standalone simulator (allowing http to loopback, as a
 * developer switches it on) delivers to a node:http server on 127.0.0.1 running the client's webhook
 * listener; the client subscribed it with a secret. A person's message arrives, checked and stored;
 * a delivery the store refused comes again.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulator, type SimulatorServer } from '@goskit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxPortal } from '../../../mocks/simulator/src/portals/max/index.js';
import { createMaxClient, createMaxWebhookNodeListener, type MaxIncomingUpdate } from '../src/max.js';

const SECRET = 'e2e-secret_2026';
const sim = createSimulator({ seed: 'max-webhook-e2e', portals: [maxPortal({ tickMs: 5 })] });
let simServer: SimulatorServer;
let receiver: Server;
let hookUrl = '';
const stored: MaxIncomingUpdate[] = [];
let failNext = 0;

beforeAll(async () => {
  simServer = await sim.listen({ port: 0 });
  receiver = createServer(
    createMaxWebhookNodeListener({
      secret: SECRET,
      onUpdate: async (update) => {
        if (failNext > 0) {
          failNext -= 1;
          throw new Error('store unavailable');
        }
        stored.push(update);
      },
    }),
  );
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/max/hook`;
});
afterAll(async () => {
  await simServer.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${simServer.url}/__goskit/max${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  }).then((response) => response.json() as Promise<Record<string, unknown>>);

async function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('webhook end to end on loopback', () => {
  it('is refused over http until the developer allows loopback, then delivers with the secret', async () => {
    const { bots } = (await control('GET', '/bots')) as { bots: { token: string }[] };
    const max = createMaxClient({ token: bots[0]!.token, baseUrl: simServer.baseUrl('max') });
    await expect(max.subscribe({ url: hookUrl, secret: SECRET })).rejects.toMatchObject({
      status: 400,
      maxCode: 'proto.payload',
    });
    expect(await control('PUT', '/settings', { allowHttpLoopbackWebhooks: true })).toMatchObject({
      allowHttpLoopbackWebhooks: true,
    });
    await max.subscribe({ url: hookUrl, secret: SECRET });
    const { users } = (await control('GET', '/users?role=teacher')) as { users: { userId: number }[] };
    const chat = (await control('POST', '/chats', {
      title: 'Демо школа - 7В - Чат класса',
      owner: users[0]!.userId,
    })) as {
      chat_id: number;
    };
    await until(() => stored.some((update) => update.update_type === 'bot_added'), 'bot_added by webhook');
    failNext = 1;
    await control('POST', `/chats/${chat.chat_id}/messages`, {
      from: users[0]!.userId,
      text: 'Урок перенесён',
    });
    const deliveries = async () =>
      ((await control('GET', '/deliveries')) as { deliveries: { outcome: string; status: number }[] })
        .deliveries;
    await until(() => stored.length === 1, 'the first delivery');
    // The store failed once: 500, and the simulator retries after 5 virtual seconds.
    let log = await deliveries();
    while (!log.some((event) => event.outcome === 'failed')) {
      log = await deliveries();
    }
    expect(log.find((event) => event.outcome === 'failed')?.status).toBe(500);
    await fetch(`${simServer.url}/__goskit/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ duration: 'PT5S' }),
    });
    await until(() => stored.length === 2, 'the retried delivery');
    const message = stored[1] as { update_type: string; message: { body: { text: string } } };
    expect(message.update_type).toBe('message_created');
    expect(message.message.body.text).toBe('Урок перенесён');
    await expect(max.getUpdates({ timeout: 0 })).rejects.toMatchObject({ status: 405 });
    await max.unsubscribe(hookUrl);
    expect(await max.listSubscriptions()).toEqual([]);
  });
});
