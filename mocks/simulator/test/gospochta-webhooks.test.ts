/**
 * Webhooks from the gospochta portal to a real node:http receiver running @goskit/gospochta's
 * createWebhookHandler: every status change and delivery act of a system's letters arrives as a
 * verified packet; a receiver that fails is retried on the virtual clock (10 s, 20 s, 40 s…) up to the
 * limit, each attempt a new packet with the same event id, so the receiver stores each event once.
 * With a running clock the portal sends on its own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, type WebhookEvent } from '@goskit/gospochta';
import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { gospochtaPortal, gospochtaService } from '../src/portals/gospochta/index.js';
import { createGospochtaWorld, type GospochtaWorld, notice } from './gospochta-support.js';

let world: GospochtaWorld;
let receiver: Server;
let url: string;
const stored: WebhookEvent[] = [];
let failNext = 0;
/** A receiver slow on `sent` events: a portal that sent one subscription's events side by side would see `delivered` stored first. */
let slowOnSentMs = 0;
let answered: number[] = [];
const server = setupServer();

beforeAll(async () => {
  world = await createGospochtaWorld({
    portal: { timing: { deliveryMs: [60_000, 60_000] }, webhooks: { maxAttempts: 4 } },
  });
  // The receivers are real sockets on loopback: the portal's deliveries pass through MSW to them.
  server.use(
    ...world.sim.handlers,
    http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
  );
  server.listen({ onUnhandledRequest: 'error' });
  const handler = createWebhookHandler({
    packetKeys: { keys: world.service.packetKeys('demo-school') },
    clock: world.sim.clock,
    onEvent: async (event) => {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('receiver database down');
      }
      if (event.data.status === 'sent' && slowOnSentMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, slowOnSentMs));
      }
      stored.push(event);
    },
  });
  receiver = createServer((request, response) => {
    response.on('finish', () => answered.push(response.statusCode));
    handler.node(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  server.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('webhooks', () => {
  it('sends every status change and delivery act of the system’s letters in order, verified by the receiver', async () => {
    slowOnSentMs = 150;
    const school = world.client('demo-school');
    await school.webhooks.create({ url, events: ['letter.status_changed', 'delivery_act.issued'] });
    const sent = await school.outbox.send(notice(world.parent));
    expect(await world.service.deliverWebhooks()).toEqual([]);
    world.sim.clock.advance(60_000);
    const attempts = await world.service.deliverWebhooks();
    expect(attempts.every((attempt) => attempt.outcome === 'delivered' && attempt.status === 200)).toBe(true);
    const mine = stored.filter((event) => event.data.letterId === sent.letter.id);
    expect(mine.map((event) => [event.type, event.data.status ?? event.data.legalFact])).toEqual([
      ['letter.status_changed', 'sent'],
      ['letter.status_changed', 'delivered'],
      ['delivery_act.issued', 'delivered'],
    ]);
    expect(await world.service.deliverWebhooks()).toEqual([]);
    slowOnSentMs = 0;
  });

  it('retries a failing receiver on the virtual clock with backoff, and gives up after the limit', async () => {
    const school = world.client('demo-school');
    stored.length = 0;
    answered = [];
    failNext = 2;
    const sent = await school.outbox.send(notice(world.parent));
    world.sim.clock.advance(1_000);
    const first = await world.service.deliverWebhooks();
    expect(first).toMatchObject([{ attempt: 1, status: 500, outcome: 'retry' }]);
    expect(Date.parse(first[0]?.nextAttemptAt as string) - world.sim.clock.now()).toBe(10_000);
    world.sim.clock.advance(9_999);
    expect(await world.service.deliverWebhooks()).toEqual([]);
    world.sim.clock.advance(1);
    const second = await world.service.deliverWebhooks();
    expect(second).toMatchObject([{ attempt: 2, status: 500, outcome: 'retry' }]);
    world.sim.clock.advance(20_000);
    expect(await world.service.deliverWebhooks()).toMatchObject([
      { attempt: 3, status: 200, outcome: 'delivered' },
    ]);
    expect(stored.filter((event) => event.data.letterId === sent.letter.id)).toHaveLength(1);
    expect(answered).toEqual([500, 500, 200]);

    failNext = 100;
    world.sim.clock.advance(59_000);
    for (let round = 0; round < 6; round += 1) {
      await world.service.deliverWebhooks();
      world.sim.clock.advance(120_000);
    }
    const deliveries = [...world.state().deliveries.values()].filter(
      (delivery) =>
        delivery.event.data.letterId === sent.letter.id && delivery.event.data.status === 'delivered',
    );
    expect(deliveries).toMatchObject([{ status: 'failed', attempts: 4 }]);
    failNext = 0;
  });

  it('sends on its own with a running clock', async () => {
    const sim = createSimulator({
      seed: 'webhooks-running',
      clockMode: 'running',
      portals: [
        esiaPortal(),
        gospochtaPortal({
          hosts: ['https://geps-running.test.gosuslugi.ru'],
          timing: { sentAfterMs: 50, deliveryMs: [150, 150] },
          webhooks: { pollMs: 40 },
        }),
      ],
    });
    server.use(...sim.handlers.slice(-1));
    const service = sim.service(gospochtaService);
    const events: WebhookEvent[] = [];
    const handler = createWebhookHandler({
      packetKeys: { keys: service.packetKeys('demo-school') },
      clock: sim.clock,
      onEvent: async (event) => {
        events.push(event);
      },
    });
    const own = createServer((request, response) => void handler.node(request, response));
    await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
    try {
      const client = world.client('demo-school', {
        baseUrl: 'https://geps-running.test.gosuslugi.ru',
        packetKeys: { keys: service.packetKeys('demo-school') },
        clock: sim.clock,
        portalCertificates: (await service.trust()).portalCertificates,
      });
      await client.webhooks.create({
        url: `http://127.0.0.1:${(own.address() as AddressInfo).port}/hooks`,
        events: ['letter.status_changed'],
      });
      const parent = sim.demo.personas.find((persona) => persona.id === 'parent-ivanov');
      const sent = await client.outbox.send(notice(parent as NonNullable<typeof parent>));
      const deadline = Date.now() + 10_000;
      while (
        events.filter((event) => event.data.letterId === sent.letter.id).length < 2 &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(events.map((event) => event.data.status)).toEqual(['sent', 'delivered']);
    } finally {
      own.closeAllConnections();
      await new Promise((resolve) => own.close(resolve));
    }
  }, 30_000);
});
