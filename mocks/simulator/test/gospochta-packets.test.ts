/**
 * Protected packets at the portal: every request is verified before anything happens — flip any
 * byte of the body or the packet header and the answer is 400 PACKET_REJECTED naming the failed check,
 * with nothing created; a replayed packet is refused; a key id of another system is refused; a body
 * that passes the packet but breaks the contract is 422 naming the field. Every answer is a packet the
 * client's codec verifies and decrypts; personal data never crosses the wire in plain text.
 */
import { contentDigest } from '@goskit/gospochta/protocol';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGospochtaWorld, type GospochtaWorld } from './gospochta-support.js';

let world: GospochtaWorld;
const server = setupServer();
beforeAll(async () => {
  world = await createGospochtaWorld({
    data: {
      systems: [
        {
          clientId: 'other-1',
          clientSecret: 'other-secret-0001',
          role: 'operator',
          packetKeys: [{ kid: 'other', macKey: btoa('m'.repeat(32)), encryptionKey: btoa('e'.repeat(32)) }],
        },
      ],
    },
  });
  server.use(...world.sim.handlers);
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

const webhook = { url: 'http://127.0.0.1:9/hooks', events: ['letter.status_changed'] };

describe('requests', () => {
  it('answers a good packet with a packet the client codec verifies and decrypts', async () => {
    const answer = await world.raw({
      method: 'POST',
      target: '/v1/charges/search',
      json: { snils: world.parent.snils },
      token: await world.token('demo-admin'),
    });
    expect(answer.status).toBe(200);
    const verified = await world.codec.verifyResponse({
      status: answer.status,
      requestId: answer.headers.get('x-request-id') as string,
      headers: answer.headers,
      body: answer.bytes,
    });
    expect((verified.json as { charges: unknown[] }).charges.length).toBeGreaterThan(0);
    expect(new TextDecoder().decode(answer.bytes)).not.toContain(world.parent.snils);
  });

  it('refuses a flipped byte anywhere in the body or the header, naming the check, and creates nothing', async () => {
    const before = world.state().subscriptions.size;
    const body = new TextEncoder().encode(JSON.stringify(webhook)).length;
    const checks = new Set<string>();
    for (let index = 0; index < body + 10; index += 7) {
      const answer = await world.raw({
        method: 'POST',
        target: '/v1/webhooks',
        json: webhook,
        mutate: (request) => {
          if (index < request.body.length) {
            request.body = new Uint8Array(request.body);
            request.body[index] = (request.body[index] as number) ^ 0x04;
          } else {
            const header = request.headers['x-gospochta-packet'] as string;
            const at = header.length - 3 - (index % 5);
            const swapped = header[at] === 'A' ? 'B' : 'A';
            request.headers['x-gospochta-packet'] = header.slice(0, at) + swapped + header.slice(at + 1);
          }
        },
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'PACKET_REJECTED' });
      checks.add((answer.body as { packetCheck: string }).packetCheck);
    }
    expect([...checks].sort()).toEqual(expect.arrayContaining(['digest']));
    expect(checks.has('mac') || checks.has('header')).toBe(true);
    expect(world.state().subscriptions.size).toBe(before);
  });

  it('refuses the same packet twice (replay), and a packet older than the window', async () => {
    let captured: { headers: Record<string, string>; body: Uint8Array } | undefined;
    const token = await world.token('demo-admin');
    const first = await world.raw({
      method: 'POST',
      target: '/v1/charges/search',
      json: { uin: [...world.state().charges.keys()][0] },
      token,
      mutate: (request) => {
        captured = { headers: { ...request.headers }, body: request.body };
      },
    });
    expect(first.status).toBe(200);
    const again = await world.raw({
      method: 'POST',
      target: '/v1/charges/search',
      json: { uin: [...world.state().charges.keys()][0] },
      token,
      mutate: (request) => {
        request.headers = captured?.headers as Record<string, string>;
        request.body = captured?.body as Uint8Array;
      },
    });
    expect(again).toMatchObject({ status: 400, body: { code: 'PACKET_REJECTED', packetCheck: 'replay' } });
    const old = await world.raw({
      method: 'GET',
      target: '/v1/session',
      mutate: () => {
        world.sim.clock.advance(301_000);
      },
    });
    world.sim.clock.advance(-301_000);
    expect(old.body).toMatchObject({ packetCheck: 'timestamp' });
  });

  it('refuses a key id registered for another system', async () => {
    const answer = await world.raw({
      method: 'GET',
      target: '/v1/session',
      mutate: (request) => {
        request.headers['x-gospochta-packet'] = (request.headers['x-gospochta-packet'] as string).replace(
          'kid=demo',
          'kid=other',
        );
      },
    });
    expect(answer).toMatchObject({ status: 400, body: { code: 'PACKET_REJECTED', packetCheck: 'key' } });
  });

  it('refuses a personal-data field sent in plain text, naming it, even in a perfectly signed packet', async () => {
    const token = await world.token('demo-admin');
    const body = new TextEncoder().encode(JSON.stringify({ snils: world.parent.snils }));
    const digest = await contentDigest(body);
    const signed = await world.codec.signHeader(
      {
        dir: 'request',
        method: 'POST',
        target: '/v1/charges/search',
        requestId: 'plain-0000001',
        idempotencyKey: undefined,
      },
      digest,
    );
    const answer = await fetch('https://geps.test.gosuslugi.ru/v1/charges/search', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'x-request-id': 'plain-0000001',
        'content-digest': digest,
        'x-gospochta-packet': signed.header,
      },
      body,
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      code: 'PACKET_REJECTED',
      packetCheck: 'pii',
      field: '/snils',
    });
  });

  it('checks the body against the contract after the packet, naming the field', async () => {
    const answer = await world.raw({
      method: 'POST',
      target: '/v1/webhooks',
      json: { url: 'http://127.0.0.1:9/x', events: ['letter.exploded'] },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', field: '/events/0' });
    const issues = (answer.body as { issues: { message: { ru: string; en: string } }[] }).issues;
    expect(issues[0]?.message.ru).toContain('/events/0');
    const query = await world.raw({ method: 'GET', target: '/v1/inbox?limit=1000' });
    expect(query).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST', field: 'limit' } });
  });
});
