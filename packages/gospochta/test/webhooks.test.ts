/**
 * Webhooks: a subscription made through the client at the goskit simulator's gospochta portal,
 * deliveries from the portal (and packets built the way it builds them) to a real node:http receiver
 * running createWebhookHandler — verified packets, 200 only after the event is stored, failures
 * retried by the portal on its clock, duplicates and replays refused, hostile input bounded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore } from '@goskit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWebhookHandler,
  GospochtaValidationError,
  type WebhookEvent,
  type WebhookHandler,
} from '../src/index.js';
import { minimalPdf } from './helpers/pdf.js';
import { createWorld, PARENT, PARENT_SYSTEM, SCHOOL, type World } from './helpers/setup.js';

let world: World;
let receiver: Server;
let receiverUrl: string;
let handler: WebhookHandler;
const stored: WebhookEvent[] = [];
let failNext = 0;
let gate: Promise<void> | undefined;
let entered: (() => void) | undefined;

beforeAll(async () => {
  world = await createWorld();
  handler = createWebhookHandler({
    packetKeys: { keys: [world.key] },
    clock: world.clock,
    eventStore: new MemoryStore({ clock: world.clock }),
    maxBodyBytes: 64 * 1024,
    onEvent: async (event) => {
      if (gate) {
        entered?.();
        await gate;
      }
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('database unavailable');
      }
      stored.push(event);
    },
  });
  receiver = createServer((request, response) => {
    handler.node(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/gospochta`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await world.close();
});

/** POSTs an event as the portal would (a new packet per attempt), until a 2xx or `attempts` run out. */
async function deliver(
  subscriptionId: string,
  item: Record<string, unknown> & { eventId: string },
  attempts = 3,
): Promise<number[]> {
  const subscription = (await world.client(SCHOOL).webhooks.list()).find(
    (hook) => hook.id === subscriptionId,
  );
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const packet = await world.codec.buildWebhook({
      subscriptionId,
      deliveryId: `dlv_${item.eventId}_${attempt}`,
      event: item,
    });
    const response = await fetch(subscription?.url as string, {
      method: 'POST',
      headers: packet.headers,
      body: packet.body as Uint8Array<ArrayBuffer>,
    });
    await response.arrayBuffer();
    statuses.push(response.status);
    if (response.ok) {
      break;
    }
  }
  return statuses;
}

const event = (eventId: string, status = 'delivered') => ({
  eventId,
  type: 'letter.status_changed',
  occurredAt: new Date(world.clock.now()).toISOString(),
  data: { letterId: 'ltr_000001', status, at: new Date(world.clock.now()).toISOString() },
});

describe('webhooks', () => {
  it('subscribes, lists and deletes through the client, checking the input first', async () => {
    const school = world.client(SCHOOL);
    const created = await school.webhooks.create({
      url: receiverUrl,
      events: ['letter.status_changed', 'delivery_act.issued'],
    });
    expect(created).toMatchObject({
      url: receiverUrl,
      events: ['letter.status_changed', 'delivery_act.issued'],
    });
    expect((await school.webhooks.list()).map((w) => w.id)).toContain(created.id);
    const other = await school.webhooks.create({
      url: `${receiverUrl}/other`,
      events: ['payment.completed'],
    });
    expect(await school.webhooks.delete(other.id)).toMatchObject({ id: other.id });
    expect((await school.webhooks.list()).map((w) => w.id)).not.toContain(other.id);
    await expect(
      school.webhooks.create({ url: 'ftp://x', events: ['letter.status_changed'] }),
    ).rejects.toBeInstanceOf(GospochtaValidationError);
    await expect(
      school.webhooks.create({
        url: receiverUrl,
        events: ['letter.status_changed', 'letter.status_changed'],
      }),
    ).rejects.toMatchObject({
      issues: [{ field: 'events' }],
    });
    await expect(world.client(PARENT_SYSTEM).webhooks.list()).rejects.toMatchObject({
      missingPermission: 'webhooks:manage',
    });
  });

  it('answers 200 only after the event is stored; a failed store is retried by the portal, a duplicate is not stored twice', async () => {
    const school = world.client(SCHOOL);
    const [subscription] = await school.webhooks.list();
    const sent = await school.outbox.send({
      recipient: { lastName: PARENT.lastName, firstName: PARENT.firstName, snils: PARENT.snils },
      documentType: 'notice',
      subject: 'Уведомление',
      attachments: [{ name: 'n.pdf', mediaType: 'application/pdf', content: minimalPdf(['n']) }],
    });
    world.clock.advance(1_000);
    failNext = 1;
    expect(await world.service.deliverWebhooks()).toMatchObject([{ status: 500, outcome: 'retry' }]);
    expect(stored.filter((e) => e.data.letterId === sent.letter.id)).toEqual([]);
    world.clock.advance(10_000);
    expect(await world.service.deliverWebhooks()).toMatchObject([{ status: 200, outcome: 'delivered' }]);
    const mine = stored.filter((e) => e.data.letterId === sent.letter.id);
    expect(mine).toMatchObject([{ type: 'letter.status_changed', data: { status: 'sent' } }]);

    // The portal did not see our 200 and delivers again (a new packet, the same event id).
    const again = mine[0] as WebhookEvent;
    expect(await deliver(subscription?.id as string, again as never)).toEqual([200]);
    expect(stored.filter((e) => e.eventId === again.eventId)).toHaveLength(1);
  });

  it('refuses a replayed packet, a tampered body and a delivery bound to another event', async () => {
    const [subscription] = await world.client(SCHOOL).webhooks.list();
    const packet = await world.codec.buildWebhook({
      subscriptionId: subscription?.id as string,
      deliveryId: 'dlv_x1',
      event: event('evt_003'),
    });
    const post = (headers: Record<string, string>, body: Uint8Array) =>
      fetch(receiverUrl, { method: 'POST', headers, body: body as Uint8Array<ArrayBuffer> }).then(
        async (r) => ({ status: r.status, body: await r.json() }),
      );
    expect((await post(packet.headers, packet.body)).status).toBe(200);
    expect(await post(packet.headers, packet.body)).toMatchObject({
      status: 400,
      body: { packetCheck: 'replay' },
    });

    const fresh = await world.codec.buildWebhook({
      subscriptionId: subscription?.id as string,
      deliveryId: 'dlv_x2',
      event: event('evt_004'),
    });
    const altered = new Uint8Array(fresh.body);
    altered[20] = (altered[20] as number) ^ 0x20;
    expect(await post(fresh.headers, altered)).toMatchObject({
      status: 400,
      body: { packetCheck: 'digest' },
    });
    expect(await post({ ...fresh.headers, 'idempotency-key': 'evt_999' }, fresh.body)).toMatchObject({
      status: 400,
      body: { packetCheck: 'mac' },
    });
    expect(stored.map((e) => e.eventId)).not.toContain('evt_004');
  });

  it('answers 409 while the same event is still being stored, then 200 once it is', async () => {
    const [subscription] = await world.client(SCHOOL).webhooks.list();
    const id = subscription?.id as string;
    let open: () => void = () => {};
    gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const first = deliver(id, event('evt_005'), 1);
    await inside; // the first delivery is being stored now
    expect(await deliver(id, event('evt_005'), 1)).toEqual([409]);
    gate = undefined;
    open();
    expect(await first).toEqual([200]);
    expect(stored.filter((e) => e.eventId === 'evt_005')).toHaveLength(1);
  });

  it('bounds what it reads and refuses what is not an event', async () => {
    expect(
      (await handler.handle({ method: 'POST', headers: {}, body: new Uint8Array(65 * 1024) })).status,
    ).toBe(413);
    const big = await fetch(receiverUrl, { method: 'POST', body: 'x'.repeat(200 * 1024) }).catch(
      (e: unknown) => e,
    );
    if (big instanceof Response) {
      expect(big.status).toBe(413);
    } else {
      expect(String((big as Error).message)).toMatch(/fetch failed|socket/i);
    }
    expect((await fetch(receiverUrl, { method: 'GET' })).status).toBe(405);
    expect((await fetch(receiverUrl, { method: 'POST', body: '{}' })).status).toBe(400);
    const [subscription] = await world.client(SCHOOL).webhooks.list();
    const notAnEvent = await world.codec.buildWebhook({
      subscriptionId: subscription?.id as string,
      deliveryId: 'dlv_y',
      event: { eventId: 'evt_006', type: 'letter.exploded', data: {} } as never,
    });
    const response = await fetch(receiverUrl, {
      method: 'POST',
      headers: notAnEvent.headers,
      body: notAnEvent.body as Uint8Array<ArrayBuffer>,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_EVENT' });
  });

  it('works as a Fetch handler and accepts only its own subscriptions when told', async () => {
    const local: string[] = [];
    const strict = createWebhookHandler({
      packetKeys: { keys: [world.key] },
      clock: world.clock,
      subscriptionIds: ['wh_mine'],
      onEvent: async (e) => {
        local.push(e.eventId);
      },
    });
    const mine = await world.codec.buildWebhook({
      subscriptionId: 'wh_mine',
      deliveryId: 'dlv_1',
      event: event('evt_101'),
    });
    const theirs = await world.codec.buildWebhook({
      subscriptionId: 'wh_theirs',
      deliveryId: 'dlv_2',
      event: event('evt_102'),
    });
    const request = (packet: typeof mine) =>
      new Request(receiverUrl, {
        method: 'POST',
        headers: packet.headers,
        body: packet.body as Uint8Array<ArrayBuffer>,
      });
    expect((await strict.fetch(request(mine))).status).toBe(200);
    expect((await strict.fetch(request(theirs))).status).toBe(403);
    expect(local).toEqual(['evt_101']);
  });
});
