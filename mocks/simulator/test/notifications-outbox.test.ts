/**
 * The notifications outbox portals share: notices per channel with text, time and recipient, delivered
 * after their category's delay on the virtual clock; find / count / verify in process and through the
 * control API on a real loopback server; the personal account's «Уведомления» route; the dashboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import type { SimulatorServer } from '../src/engine/types.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { notificationsPortal } from '../src/portals/notifications/index.js';
import { notificationsService } from '../src/services/notifications.js';

function outboxSim(delays: Record<string, string | number> = {}) {
  const sim = createSimulator({
    seed: 'outbox',
    portals: [esiaPortal(), notificationsPortal({ delays })],
    strictContracts: true,
  });
  sim.clock.set('2026-09-01T06:00:00Z');
  return sim;
}

describe('notifications outbox (in process)', () => {
  it('delivers a notice after its category’s delay (own, family, default) on the virtual clock', () => {
    const sim = outboxSim({ 'ediary.mark': 'PT2M', ediary: 'PT30S', default: 0 });
    const outbox = sim.service(notificationsService);
    outbox.send({
      channel: 'push',
      recipient: { oid: '1000' },
      text: 'Новая оценка: 5',
      category: 'ediary.mark',
      source: 't',
    });
    outbox.send({
      channel: 'lk',
      recipient: { oid: '1000' },
      text: 'Событие',
      category: 'ediary.event',
      source: 't',
    });
    outbox.send({
      channel: 'sms',
      recipient: { phone: '+79990000000' },
      text: 'Код',
      category: 'epgu.status',
      source: 't',
    });
    expect(outbox.delayOf('ediary.mark')).toBe(120_000);
    expect(outbox.delayOf('ediary.schedule')).toBe(30_000);
    expect(outbox.find().map((notice) => notice.text)).toEqual(['Код']);
    expect(outbox.count({ state: 'pending' })).toBe(2);
    sim.clock.advance('PT30S');
    expect(outbox.find({ recipient: '1000' }).map((notice) => notice.text)).toEqual(['Событие']);
    sim.clock.advance('PT90S');
    const mark = outbox.find({ category: 'ediary.mark' })[0];
    expect(mark?.time).toBe('2026-09-01T06:02:00.000Z');
    expect(mark?.eventTime).toBe('2026-09-01T06:00:00.000Z');
    expect(outbox.count({ state: 'pending' })).toBe(0);
  });

  it('verify passes or fails listing the closest notices; keys deduplicate; texts and fields are bounded', () => {
    const sim = outboxSim();
    const outbox = sim.service(notificationsService);
    const first = outbox.send({
      channel: 'lk',
      recipient: { oid: '42' },
      text: 'Связь успешно установлена',
      category: 'ediary.link',
      source: 't',
      key: 'k1',
    });
    const again = outbox.send({
      channel: 'lk',
      recipient: { oid: '42' },
      text: 'другой текст',
      category: 'ediary.link',
      source: 't',
      key: 'k1',
    });
    expect(again.id).toBe(first.id);
    outbox.verify(1, { channel: 'lk', text: 'Связь успешно установлена' });
    outbox.verify({ atLeast: 1, atMost: 1 }, { textContains: 'успешно' });
    outbox.verify(1, { text: /^Связь/ });
    expect(() => outbox.verify(1, { channel: 'sms', text: 'Связь успешно установлена' })).toThrow(
      /expected exactly 1 notice\(s\)[\s\S]*closest notices:[\s\S]*differs in: channel/,
    );
    const long = outbox.send({
      channel: 'email',
      recipient: { email: 'a@b.test' },
      text: 'я'.repeat(5000),
      category: 'x'.repeat(500),
      source: 't',
    });
    expect(long.text.length).toBe(2000);
    expect(long.category.length).toBe(200);
    expect(() => outbox.send({ channel: 'lk', recipient: {}, text: '', category: 'x', source: 't' })).toThrow(
      /needs a text/,
    );
  });

  it('notifyPerson reaches a roster person by oid on every channel with their e-mail and phone', () => {
    const sim = outboxSim();
    const outbox = sim.service(notificationsService);
    const parent = sim.demo.personas.find((persona) => persona.role === 'parent');
    const sent = outbox.notifyPerson({
      person: parent?.oid ?? '',
      channels: ['lk', 'email', 'sms', 'push'],
      text: 'Полный текст',
      texts: { sms: 'Короткий' },
      subject: 'Тема',
      category: 'test',
      source: 't',
    });
    expect(sent.map((notice) => [notice.channel, notice.text])).toEqual([
      ['lk', 'Полный текст'],
      ['email', 'Полный текст'],
      ['sms', 'Короткий'],
      ['push', 'Полный текст'],
    ]);
    expect(sent[1]?.recipient.email).toBe(parent?.email);
    expect(sent[2]?.recipient.phone).toBe(parent?.phone);
    expect(outbox.count({ recipient: parent?.oid ?? '' })).toBe(4);
    expect(
      outbox.notifyPerson({ person: '__proto__', channels: ['lk'], text: 'x', category: 'c', source: 't' }),
    ).toEqual([]);
  });

  it('keeps at most `capacity` notices (from createSimulator data), dropping the oldest', () => {
    const sim = createSimulator({
      seed: 'outbox',
      portals: [esiaPortal(), notificationsPortal()],
      data: { notifications: { capacity: 10, delays: { default: 'PT0S' } } },
    });
    const outbox = sim.service(notificationsService);
    for (let index = 0; index < 15; index += 1) {
      outbox.send({
        channel: 'lk',
        recipient: { oid: '1' },
        text: `n${index}`,
        category: 'c',
        source: 't',
        key: `k${index}`,
      });
    }
    expect(outbox.find().map((notice) => notice.text)).toEqual([
      'n5',
      'n6',
      'n7',
      'n8',
      'n9',
      'n10',
      'n11',
      'n12',
      'n13',
      'n14',
    ]);
    // A dropped notice's key is free again.
    expect(
      outbox.send({
        channel: 'lk',
        recipient: { oid: '1' },
        text: 'n0 again',
        category: 'c',
        source: 't',
        key: 'k0',
      }).text,
    ).toBe('n0 again');
    expect(() =>
      createSimulator({
        portals: [esiaPortal(), notificationsPortal()],
        data: { notifications: { capacity: 1 } },
      }),
    ).toThrow(/data\.notifications\.capacity/);
  });
});

describe('notifications control API and personal account (standalone server)', () => {
  const sim = outboxSim({ 'ediary.mark': 'PT1M' });
  let server: SimulatorServer;
  let control: string;

  beforeAll(async () => {
    server = await sim.listen({ port: 0 });
    control = `${server.url}/__goskit/notifications`;
    const outbox = sim.service(notificationsService);
    outbox.send({
      channel: 'sms',
      recipient: { phone: '+79991112233', oid: '7' },
      text: 'Связь успешно установлена. Дата: 01.09.2026',
      category: 'ediary.link',
      source: 'ediary',
    });
    outbox.send({
      channel: 'lk',
      recipient: { oid: '7' },
      text: '<script>alert(1)</script>',
      category: 'ediary.link',
      source: 'ediary',
    });
    outbox.send({
      channel: 'push',
      recipient: { oid: '7' },
      text: 'Новая оценка',
      category: 'ediary.mark',
      source: 'ediary',
    });
  });
  afterAll(() => server.close());

  const get = async (path: string) => {
    const response = await fetch(`${control}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('GET /notices finds by channel and recipient, reports pending ones; /notices/count counts', async () => {
    const found = await get('/notices?channel=sms&recipient=%2B79991112233');
    expect(found.status).toBe(200);
    expect((found.body.notices as { text: string }[]).map((notice) => notice.text)).toEqual([
      'Связь успешно установлена. Дата: 01.09.2026',
    ]);
    expect((await get('/notices')).body).toMatchObject({ total: 2, pending: 1 });
    expect((await get('/notices/count?recipient=7&state=all')).body).toEqual({ count: 3 });
    expect((await get('/notices?limit=1')).body.notices).toHaveLength(1);
  });

  it('POST /notices/verify answers ok, or 409 listing the closest notices', async () => {
    const verify = (body: unknown) =>
      fetch(`${control}/notices/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ok = await verify({ times: 1, pattern: { channel: 'sms', textContains: 'Связь успешно' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, count: 1 });
    const failed = await verify({ times: 1, pattern: { channel: 'email', textContains: 'Связь успешно' } });
    expect(failed.status).toBe(409);
    expect(JSON.stringify(await failed.json())).toContain('closest notices');
    const bad = await verify({ times: 1, pattern: { text: { $regex: '.*' } } });
    expect(bad.status).toBe(400);
  });

  it('refuses unknown or hostile query fields and bad limits with a 400 naming the field', async () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'regex']) {
      const answer = await get(`/notices?${key}=1`);
      expect(answer.status).toBe(400);
      expect(answer.body.field).toBe(`query.${key}`);
    }
    expect((await get('/notices?limit=0')).body.field).toBe('query.limit');
    expect((await get('/notices?channel=fax')).body.field).toBe('query.channel');
  });

  it('GET / PUT /delays changes a category’s delay; a bad duration is a 400', async () => {
    const put = (body: unknown) =>
      fetch(`${control}/delays`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const answer = await put({ 'ediary.absence': 'PT5M' });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { delays: Record<string, number> }).delays).toMatchObject({
      'ediary.mark': 60_000,
      'ediary.absence': 300_000,
    });
    expect(sim.service(notificationsService).delayOf('ediary.absence')).toBe(300_000);
    expect((await put({ 'ediary.absence': 'soon' })).status).toBe(400);
  });

  it('the personal account route wants an ESIA token; the dashboard escapes notice texts', async () => {
    const lk = await fetch(`${server.url}/notifications/api/lk/v1/notifications`);
    expect(lk.status).toBe(401);
    const forged = await fetch(`${server.url}/notifications/api/lk/v1/notifications`, {
      headers: { authorization: 'Bearer forged' },
    });
    expect(forged.status).toBe(401);
    const page = await (await fetch(`${server.url}/`)).text();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)</script>');
  });
});
