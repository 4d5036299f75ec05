/**
 * EPGU end to end against the simulator: an ESIA login gives the api-order token, then the order
 * is created, pushed (single and chunked) and watched through its statuses on the virtual clock.
 */
import { createSoftwareGostSigner } from '@goskit/crypto';
import { createSimulator } from '@goskit/simulator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epguPortal } from '../../../mocks/simulator/src/portals/epgu/index.js';
import { demoEsiaClient, esiaPortal } from '../../../mocks/simulator/src/portals/esia/index.js';
import { orderArchive } from '../../../mocks/simulator/test/fixtures/zip-writer.js';
import {
  createEpguClient,
  createEsiaClient,
  type EpguClient,
  EpguError,
  type EsiaSession,
  epguPermissions,
} from '../src/index.js';
import { loginThroughPages } from './helpers/browser-walk.js';

const REDIRECT = 'http://localhost:3000/callback';
const sim = createSimulator({
  seed: 'gosuslugi-epgu-e2e',
  portals: [esiaPortal(), epguPortal({ outcomes: { validationErrorRate: 0, filesFailedRate: 0 } })],
  strictContracts: true,
});
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const SERVICE = { region: '45000000000', serviceCode: '10000000367', targetCode: '-10000000367' };
/** A readable order archive (req.xml, trans.xml, a scan) of `size` bytes: EPGU opens what it gets. */
const zip = (size: number) => orderArchive(size);

let session: EsiaSession;
let epgu: EpguClient;

beforeAll(async () => {
  const demo = demoEsiaClient(sim);
  const esia = createEsiaClient({
    environment: 'test',
    clientId: demo.clientId,
    redirectUri: REDIRECT,
    signer: createSoftwareGostSigner({ privateKey: demo.privateKeyPem, certificate: demo.certificatePem }),
    // As the spec's Приложение 4 wants: the person's APIPGU consent (permissions), scope openid.
    scopes: ['openid', 'fullname'],
    accessType: 'offline',
    tokenKeys: { jwksUrl: 'https://esia-portal1.test.gosuslugi.ru/aas/oauth2/jwks' },
    clock: sim.clock,
  });
  const parent = sim.demo.personas.find((p) => p.lastName === 'Иванов' && p.birthDate === '08.03.1991');
  const { url } = await esia.authorizationUrl({ permissions: epguPermissions('ООО «Демо школа»') });
  const tokens = await esia.handleCallback(
    await loginThroughPages(url, REDIRECT, { login: parent?.login ?? '', password: parent?.password ?? '' }),
  );
  session = esia.session(tokens);
  epgu = createEpguClient({
    environment: 'test',
    tokenProvider: session.tokenProvider,
    clock: sim.clock,
    // the watcher's pause moves the simulator's virtual clock instead of waiting
    sleep: async (ms) => {
      sim.clock.advance(ms);
    },
  });
});

describe('EPGU end to end (simulator)', () => {
  it('creates, pushes and watches an order until the service is provided', async () => {
    const since = sim.clock.now() - 1;
    const { orderId } = await epgu.createOrder(SERVICE);
    expect(orderId).toBeGreaterThan(0);
    expect(await epgu.push({ meta: { ...SERVICE, orderId }, file: zip(2048) })).toEqual({ orderId });

    const controller = new AbortController();
    const seen: string[] = [];
    const statusIds: number[] = [];
    let cursor = '';
    const watcher = createEpguClient({
      environment: 'test',
      tokenProvider: session.tokenProvider,
      // each pause moves the virtual clock; give up after 20 virtual minutes (every path ends within 10)
      sleep: async (ms) => {
        sim.clock.advance(ms);
        if (sim.clock.now() - since > 20 * 60_000) {
          controller.abort();
        }
      },
    });
    for await (const event of watcher.watchOrders({ since, interval: 30_000, signal: controller.signal })) {
      expect(event.orderId).toBe(orderId);
      seen.push(`${event.statusId}@${event.updated}`);
      statusIds.push(event.statusId);
      cursor = event.cursor;
      if (event.statusId === 3) {
        break; // «Услуга оказана»
      }
    }
    expect(statusIds.at(-1)).toBe(3);
    expect(statusIds).toContain(21); // «Отправлено в ведомство» on the way
    const details = await epgu.getOrder(orderId);
    expect(typeof details.order).toBe('object');
    expect(new Set(seen).size).toBe(seen.length); // no duplicates
    expect(seen.length).toBeGreaterThanOrEqual(2);
    const statuses = await epgu.getOrdersStatus([orderId, 999_999_999]);
    expect(statuses.find((s) => s.orderId === orderId)?.orderSearchStatus).toBe('FOUND');
    // nothing new after the last event: resuming from its cursor yields nothing before the abort
    const quiet = new AbortController();
    const resumed = createEpguClient({
      environment: 'test',
      tokenProvider: session.tokenProvider,
      sleep: async () => quiet.abort(),
    });
    const after: unknown[] = [];
    for await (const event of resumed.watchOrders({ cursor, signal: quiet.signal })) {
      after.push(event);
    }
    expect(after).toEqual([]);
  });

  it('pushes an 11 MB archive in 5 MB chunks (206, 206, 200)', async () => {
    const { orderId } = await epgu.createOrder(SERVICE);
    const progress: number[] = [];
    const result = await epgu.pushChunked({
      orderId,
      file: zip(11_000_000),
      chunkSize: 5_000_000,
      onChunk: (p) => progress.push(p.chunk),
    });
    expect(result).toEqual({ orderId, chunks: 3 });
    expect(progress).toEqual([0, 1, 2]);
    expect(sim.journal.count({ portal: 'epgu', operation: 'pushChunk', status: 206 })).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('keeps EPGU error codes: an unknown service', async () => {
    const error = await epgu.createOrder({ ...SERVICE, serviceCode: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EpguError);
    expect((error as EpguError).epguCode).toBe('service_not_found');
  });
});
