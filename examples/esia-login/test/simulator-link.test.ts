/**
 * The app's link to a simulator in another process: it reads the virtual clock and registers its
 * own certificate over the control API. A small node:http stand-in serves just those two control
 * routes (backed by a real simulator), so the request the app sends is checked by the simulator's
 * own schema even before the standalone server mounts POST /__goskit/esia/clients.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createSimulator,
  type EsiaState,
  esiaClientInputSchema,
  registerEsiaClient,
} from '@goskit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToSimulator, EXAMPLE_CLIENT_ID, simulatorRoot } from '../src/simulator-link.js';

const sim = createSimulator({ seed: 'example-esia-link' });
let clientsRoute = true;
let server: Server;
let root = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/__goskit/clock') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ now: sim.clock.date().toISOString(), ms: sim.clock.now(), mode: 'frozen' }));
      } else if (clientsRoute && req.method === 'POST' && req.url === '/__goskit/esia/clients') {
        const input = esiaClientInputSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify(registerEsiaClient(sim, input)));
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('connectToSimulator', () => {
  it('derives the control root from the ESIA base URL', () => {
    expect(simulatorRoot('http://127.0.0.1:4010/esia/')).toBe('http://127.0.0.1:4010');
  });

  it('registers a fresh GOST certificate for the callback and follows the virtual clock', async () => {
    const link = await connectToSimulator({
      esiaBaseUrl: `${root}/esia`,
      redirectUri: 'http://localhost:3000/callback',
      scopes: ['openid', 'fullname'],
    });
    const record = sim.portalState<EsiaState>('esia').clients.get(EXAMPLE_CLIENT_ID);
    expect(record?.redirectUris).toEqual(['http://localhost:3000/callback']);
    expect(record?.scopes).toEqual(['openid', 'fullname']);
    // The signer's certificate is the one the simulator now holds for the mnemonic.
    const certificate = Buffer.from(await link.signer.certificate()).toString('base64');
    expect(record?.certificatePem.replace(/-----[^-]+-----|\s/g, '')).toBe(certificate);
    // ESIA timestamps must follow the simulator's clock, not the wall clock.
    expect(Math.abs(link.clock.now() - sim.clock.now())).toBeLessThan(60_000);
    sim.clock.advance('PT10M');
    await link.clock.sync();
    expect(Math.abs(link.clock.now() - sim.clock.now())).toBeLessThan(60_000);
  });

  it('says what to do when the simulator cannot register clients', async () => {
    clientsRoute = false;
    await expect(
      connectToSimulator({
        esiaBaseUrl: `${root}/esia`,
        redirectUri: 'http://localhost:3000/callback',
        scopes: [],
      }),
    ).rejects.toThrow(/esia\/clients is missing.*ESIA_SIMULATOR=in-process/);
    clientsRoute = true;
  });
});
