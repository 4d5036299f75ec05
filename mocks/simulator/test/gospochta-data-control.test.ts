/**
 * The gospochta portal as a simulator piece: its data slice (systems, consent flags, charges, SLA,
 * demo off) checked with the path named; the demo organisations and persons (some without the consent
 * flag); control routes over HTTP acting as an addressee, ГИС ГМП and an agency; hostile ids; the
 * dashboard panel (escaped, personal data by initials); snapshots and resets; the files it draws
 * (real PDFs and PNG scans, the same bytes for the same input).
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { renderPortalPanels } from '../src/dashboard/portal-panels.js';
import type { SimulatorServer } from '../src/engine/types.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { writePdf } from '../src/portals/gospochta/files/pdf.js';
import { writeScanPng } from '../src/portals/gospochta/files/png.js';
import {
  GOSPOCHTA_NO_CONSENT_PERSONAS,
  type GospochtaState,
  gospochtaPortal,
  gospochtaService,
} from '../src/portals/gospochta/index.js';

const systems = [
  {
    clientId: 'court-42',
    clientSecret: 'court-secret-0042',
    role: 'operator',
    organisation: { name: 'Суд № 42', ogrn: '1027700132195' },
    packetKeys: [{ kid: 'court-k1', macKey: btoa('c'.repeat(32)), encryptionKey: btoa('d'.repeat(32)) }],
  },
];

describe('the data slice', () => {
  it('registers systems, sets consent flags, issues charges and takes the SLA', () => {
    const sim = createSimulator({
      seed: 'data-slice',
      portals: [esiaPortal(), gospochtaPortal()],
      data: {
        gospochta: {
          systems,
          consent: { 'parent-ivanov': false },
          charges: [{ kind: 'fee', amount: 1_000, purpose: 'Кружок', payer: 'parent-ivanov' }],
          sla: { failureRate: 0.5 },
        },
      },
    });
    const state = sim.portalState<GospochtaState>('gospochta');
    expect(state.systems.get('court-42')).toMatchObject({ role: 'operator', packetKids: ['court-k1'] });
    expect(state.packetKeys.has('court-k1')).toBe(true);
    const ivanov = sim.demo.personas.find((persona) => persona.id === 'parent-ivanov');
    expect([...state.persons.values()].find((person) => person.oid === ivanov?.oid)?.consent).toBe(false);
    expect([...state.charges.values()].filter((charge) => charge.purpose === 'Кружок')).toHaveLength(1);
    const none = createSimulator({
      portals: [esiaPortal(), gospochtaPortal()],
      data: { gospochta: { demo: false } },
    });
    expect(none.portalState<GospochtaState>('gospochta').systems.size).toBe(0);
  });

  it('refuses bad data naming the path, and a key id two systems claim', () => {
    const create = (gospochta: unknown) =>
      createSimulator({ portals: [esiaPortal(), gospochtaPortal()], data: { gospochta } as never });
    expect(() => create({ systems: [{ ...systems[0], clientId: 'a b' }] })).toThrow(
      /data\.gospochta\.systems\.0\.clientId/,
    );
    expect(() =>
      create({ charges: [{ kind: 'fine', amount: 1, purpose: 'x', payer: 'p', uin: '123' }] }),
    ).toThrow(/data\.gospochta\.charges\.0\.uin: a valid УИН/);
    expect(() => create({ unknown: true })).toThrow(/data\.gospochta/);
    expect(() => create({ systems: [systems[0], { ...systems[0], clientId: 'court-43' }] })).toThrow(
      /court-k1/,
    );
    expect(() =>
      create({ charges: [{ kind: 'fine', amount: 1, purpose: 'x', payer: '__proto__' }] }),
    ).toThrow(/no person/);
  });

  it('makes demo systems, organisations and persons, a few without the consent flag', () => {
    const sim = createSimulator({ seed: 'demo-persons', portals: [esiaPortal(), gospochtaPortal()] });
    const state = sim.portalState<GospochtaState>('gospochta');
    expect([...state.systems.keys()].sort()).toEqual([
      'demo-admin',
      'demo-court',
      'demo-parent-app',
      'demo-school',
    ]);
    const persons = [...state.persons.values()];
    expect(persons.length).toBeGreaterThan(40);
    const refusing = persons.filter((person) => !person.consent).map((person) => person.personaId);
    expect(refusing).toEqual(expect.arrayContaining([...GOSPOCHTA_NO_CONSENT_PERSONAS]));
    expect(refusing.length).toBeLessThan(persons.length / 5);
    expect(persons.some((person) => person.personaId?.startsWith('student'))).toBe(false);
  });
});

describe('control routes, over HTTP', () => {
  const sim = createSimulator({ seed: 'control-routes', portals: [esiaPortal(), gospochtaPortal()] });
  let server: SimulatorServer;
  beforeAll(async () => {
    server = await sim.listen({ port: 0 });
  });
  afterAll(() => server.close());
  const post = async (path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/__goskit/gospochta${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('registers a system, sets a consent flag, issues a charge, and refuses what is wrong naming it', async () => {
    expect(await post('/systems', systems[0])).toMatchObject({ status: 201, body: { clientId: 'court-42' } });
    const listed = (await (await fetch(`${server.url}/__goskit/gospochta/systems`)).json()) as {
      systems: { clientId: string; clientSecret?: string }[];
    };
    expect(listed.systems.find((system) => system.clientId === 'court-42')?.clientSecret).toBeUndefined();
    expect(listed.systems.find((system) => system.clientId === 'demo-school')?.clientSecret).toBe(
      'goskit-demo-gospochta',
    );
    expect(await post('/systems', { clientId: 'x' })).toMatchObject({
      status: 400,
      body: { error: 'INVALID_DATA' },
    });
    expect(await post('/persons/parent-ivanov/consent', { consent: false })).toMatchObject({
      status: 200,
      body: { personaId: 'parent-ivanov', consent: false },
    });
    expect(await post('/persons/parent-ivanov/consent', { consent: 'no' })).toMatchObject({ status: 400 });
    const charge = await post('/charges', {
      kind: 'fine',
      amount: 5_000,
      purpose: 'Парковка',
      payer: 'parent-ivanov',
    });
    expect(charge).toMatchObject({
      status: 201,
      body: { amount: 5_000, amountToPay: 2_500, status: 'unpaid' },
    });
    expect(String(charge.body.uin)).toMatch(/^18810\d{15}$/);
    expect(await post('/letters/ltr_999999/read')).toMatchObject({ status: 400 });
    expect(await post('/documents/req_999999/fail', {})).toMatchObject({ status: 400 });
    expect((await post('/webhooks/deliver')).body).toEqual({ attempts: [] });
  });

  it('answers hostile ids with 4xx, never touching Object.prototype', async () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      for (const path of [
        `/persons/${id}/consent`,
        `/letters/${id}/read`,
        `/documents/${id}/fail`,
        `/systems/${id}/certificates`,
        `/certificates/${id}/revoke`,
      ]) {
        const answer = await post(path, { consent: true });
        expect(answer.status, `${path}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${path}`).toBeLessThan(500);
      }
    }
    expect(Object.prototype).not.toHaveProperty('consent');
  });
});

describe('the dashboard panel', () => {
  it('shows outbox, inbox, acts and payments, escaping what comes from state and naming people by initials', async () => {
    const sim = createSimulator({ seed: 'panel', portals: [esiaPortal(), gospochtaPortal()] });
    const state = sim.portalState<GospochtaState>('gospochta');
    const ivanov = sim.demo.personas.find((persona) => persona.id === 'parent-ivanov');
    state.outgoing.set('ltr_000001', {
      id: 'ltr_000001',
      senderClientId: 'demo-school',
      sender: { name: '<b>school</b>' },
      recipient: { lastName: ivanov?.lastName as string, firstName: 'Иван', snils: ivanov?.snils as string },
      documentType: 'notice',
      subject: '<script>alert(1)</script>',
      files: [],
      acceptedAt: sim.clock.now(),
      plan: { sentAt: sim.clock.now() + 1000, deliverAt: sim.clock.now() + 2000 },
      history: [{ status: 'accepted', at: sim.clock.now() }],
      status: 'accepted',
      acts: new Map(),
    });
    const [panel] = renderPortalPanels(sim, 'http://127.0.0.1:4010').filter((html) =>
      String(html).includes('Госпочта'),
    );
    const html = String(panel);
    for (const heading of ['Outbox', 'Inbox', 'Delivery acts', 'Payments']) {
      expect(html).toContain(`<h3>${heading}</h3>`);
    }
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(ivanov?.snils as string);
    expect(html).not.toContain(ivanov?.lastName as string);
  });
});

describe('snapshots, resets and files', () => {
  it('survives a snapshot and restore, and a reset brings the demo back', async () => {
    const sim = createSimulator({ seed: 'snapshots', portals: [esiaPortal(), gospochtaPortal()] });
    const service = sim.service(gospochtaService);
    const snapshot = sim.snapshot();
    service.issueCharge({ kind: 'fee', amount: 100, purpose: 'x', payer: 'parent-ivanov' });
    const count = sim.portalState<GospochtaState>('gospochta').charges.size;
    sim.restore(snapshot);
    expect(sim.portalState<GospochtaState>('gospochta').charges.size).toBe(count - 1);
    sim.reset();
    expect(sim.portalState<GospochtaState>('gospochta').systems.has('demo-school')).toBe(true);
  });

  it('draws the same PDF and PNG for the same input, and different ones for different input', () => {
    const pdf = (title: string) => writePdf({ title, lines: ['строка'], createdAt: 0 });
    expect(Buffer.from(pdf('a')).equals(Buffer.from(pdf('a')))).toBe(true);
    expect(Buffer.from(pdf('a')).equals(Buffer.from(pdf('b')))).toBe(false);
    expect(Buffer.from(writeScanPng('x')).equals(Buffer.from(writeScanPng('x')))).toBe(true);
    expect(Buffer.from(writeScanPng('x')).equals(Buffer.from(writeScanPng('y')))).toBe(false);
    expect(Buffer.from(writeScanPng('x').subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
  });
});
