/**
 * One test world: the goskit simulator with its ESIA and `gospochta` portals — in process through MSW
 * on a host of its own (no socket needed), or the standalone server over HTTP or HTTPS with mutual TLS
 * (real sockets) — and a factory for clients pointed at it, sharing the simulator's virtual clock
 * (their sleep advances it). Every byte the clients send and receive is recorded (`wire`) for the
 * personal-data scanner; faults are the engine's rules, by operation.
 */
import { createSelfSignedCertificate, createSoftwareGostSigner, generateGostKeyPair } from '@goskit/crypto';
import {
  createSimulator,
  DEMO_GOSPOCHTA_SECRET,
  esiaPortal,
  type FaultEffect,
  type GospochtaDataInput,
  type GospochtaPortalDefinitionOptions,
  type GospochtaService,
  type GospochtaState,
  type GospochtaTrust,
  generateDemoData,
  gospochtaPortal,
  gospochtaService,
  type Simulator,
  type SimulatorServer,
} from '@goskit/simulator';
import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { createGospochtaClient, type GospochtaClient, type GospochtaClientOptions } from '../../src/index.js';
import { createPacketCodec, type PacketCodec, type PacketKey } from '../../src/protocol.js';

export const SEED = 'gospochta-client-tests';

export interface SystemLogin {
  clientId: string;
  clientSecret: string;
}

export const SCHOOL: SystemLogin = { clientId: 'demo-school', clientSecret: DEMO_GOSPOCHTA_SECRET };
export const ADMIN: SystemLogin = { clientId: 'demo-admin', clientSecret: DEMO_GOSPOCHTA_SECRET };
/** A system acting for the fixed parent (role client), for payments and documents without ESIA. */
export const PARENT_SYSTEM: SystemLogin = {
  clientId: 'demo-parent-app',
  clientSecret: DEMO_GOSPOCHTA_SECRET,
};

const roster = generateDemoData(SEED);
const persona = (id: string) => {
  const found = roster.personas.find((item) => item.id === id);
  if (found === undefined) {
    throw new Error(`no persona ${id}`);
  }
  return found;
};

/** The roster's fixed parent (Иванов Иван Иванович): consent flag set, charges to pay, letters. */
export const PARENT = (() => {
  const parent = persona('parent-ivanov');
  return {
    id: parent.id,
    oid: parent.oid,
    snils: parent.snils,
    inn: parent.inn,
    lastName: parent.lastName,
    firstName: parent.firstName,
    middleName: parent.middleName,
    login: parent.login,
    password: parent.password,
  };
})();

/** A parent of the roster without the consent flag. */
export const NO_CONSENT = (() => {
  const parent = persona('parent-1a-02');
  return { oid: parent.oid, snils: parent.snils, lastName: parent.lastName, firstName: parent.firstName };
})();

export interface WireRecord {
  direction: 'in' | 'out';
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface WorldClock {
  now(): number;
  advance(ms: number): void;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface World {
  sim: Simulator;
  service: GospochtaService;
  trust: GospochtaTrust;
  clock: WorldClock;
  /** The base URL clients use. */
  url: string;
  server: SimulatorServer | undefined;
  state(): GospochtaState;
  /** The demo systems' packet key. */
  key: PacketKey;
  /** A codec with that key (to build what the portal would send, or what a client would not). */
  codec: PacketCodec;
  /** An unpaid fine of the parent (150 000 kopecks, 75 000 while the discount lasts). */
  uin: string;
  wire: WireRecord[];
  /** An engine fault rule on the next `times` requests of `operation`. */
  fault(operation: string, effect: FaultEffect, times?: number): void;
  client(system: SystemLogin, extra?: Partial<GospochtaClientOptions>): GospochtaClient;
  close(): Promise<void>;
}

export interface WorldOptions {
  portal?: GospochtaPortalDefinitionOptions;
  data?: GospochtaDataInput;
  /** 'msw' (default): in process; 'http' / 'https': the standalone server (https: mutual TLS). */
  transport?: 'msw' | 'http' | 'https';
  /** The simulator's journal capacity (default 1000) and cap of real waits (default 5000 ms). */
  journalSize?: number;
  maxDelayMs?: number;
}

let msw: ReturnType<typeof setupServer> | undefined;
let worlds = 0;
let hosts = 0;

function recordingFetch(wire: WireRecord[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    wire.push({
      direction: 'in',
      headers: Object.fromEntries(request.headers),
      body: new Uint8Array(await request.clone().arrayBuffer()),
    });
    const response = await globalThis.fetch(request);
    try {
      wire.push({
        direction: 'out',
        headers: Object.fromEntries(response.headers),
        body: new Uint8Array(await response.clone().arrayBuffer()),
      });
    } catch {
      // A body cut by a fault: the client sees the failure itself.
    }
    return response;
  }) as typeof fetch;
}

export async function createWorld(options: WorldOptions = {}): Promise<World> {
  const transport = options.transport ?? 'msw';
  hosts += 1;
  const host = `https://geps-${hosts}.test.gosuslugi.ru`;
  const sim = createSimulator({
    seed: SEED,
    portals: [esiaPortal(), gospochtaPortal({ ...options.portal, hosts: [host] })],
    rateLimits: { gospochta: { ratePerSecond: 1e6, burst: 1e6 } },
    ...(options.journalSize === undefined ? {} : { journalSize: options.journalSize }),
    ...(options.maxDelayMs === undefined ? {} : { maxDelayMs: options.maxDelayMs }),
    ...(options.data === undefined ? {} : { data: { gospochta: options.data } }),
  });
  let server: SimulatorServer | undefined;
  let url = host;
  if (transport === 'msw') {
    const interceptor = msw ?? setupServer();
    if (msw === undefined) {
      interceptor.listen({ onUnhandledRequest: 'error' });
      msw = interceptor;
    }
    // Only the gospochta host (the last portal's); loopback receivers of webhooks pass through.
    interceptor.use(sim.handlers.at(-1) as NonNullable<ReturnType<typeof sim.handlers.at>>);
    interceptor.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
  } else {
    server = await sim.listen({ port: 0, ...(transport === 'https' ? { tlsPort: 0 } : {}) });
    url = transport === 'https' ? server.tlsBaseUrl('gospochta') : server.baseUrl('gospochta');
  }
  worlds += 1;
  const service = sim.service(gospochtaService);
  const trust = await service.trust();
  const [key] = service.packetKeys('demo-school') as [PacketKey];
  const codec = createPacketCodec({ keys: { keys: [key] }, clock: sim.clock });
  const clock: WorldClock = {
    now: () => sim.clock.now(),
    advance: (ms) => sim.clock.advance(ms),
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      sim.clock.advance(ms);
      await Promise.resolve();
    },
  };
  const fine = [...sim.portalState<GospochtaState>('gospochta').charges.values()].find(
    (charge) => charge.kind === 'fine' && charge.payerOid === PARENT.oid,
  );
  const wire: WireRecord[] = [];
  const clients: GospochtaClient[] = [];
  const pair = generateGostKeyPair('tc26-256-A');
  const certificate = createSelfSignedCertificate({
    privateKey: pair.privateKey,
    subject: 'CN=ГБОУ «Демо школа»,O=goskit tests',
    notBefore: new Date('2020-01-01T00:00:00Z'),
    days: 36_500,
  });
  const senderSigner = createSoftwareGostSigner({
    privateKey: pair.privateKey,
    certificate: certificate.pem,
  });
  return {
    sim,
    service,
    trust,
    clock,
    url,
    server,
    state: () => sim.portalState<GospochtaState>('gospochta'),
    key,
    codec,
    uin: fine?.uin as string,
    wire,
    fault(operation, effect, times = 1) {
      sim.faults.addRule({ portal: 'gospochta', operation, firstN: times, effect });
    },
    client(system, extra = {}) {
      const client = createGospochtaClient({
        baseUrl: url,
        auth: { type: 'client_credentials', clientId: system.clientId, clientSecret: system.clientSecret },
        packetKeys: { keys: [key] },
        clock,
        sleep: clock.sleep,
        signer: senderSigner,
        portalCertificates: trust.portalCertificates,
        documentCertificates: trust.documentCertificates,
        retry: { limit: 3, backoff: { baseMs: 1, capMs: 5 } },
        ...(extra.tls === undefined && extra.fetch === undefined && transport === 'msw'
          ? { fetch: recordingFetch(wire) }
          : {}),
        ...extra,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()));
      await server?.close();
      worlds -= 1;
      if (worlds === 0 && msw !== undefined) {
        msw.close();
        msw = undefined;
      }
    },
  };
}

/** A problem body as the portal writes it, for fault rules that answer in its name. */
export function problem(status: number, code: string): FaultEffect {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: {
      type: 'https://github.com/goskit/goskit/blob/main/docs/gospochta.en.md#errors',
      title: code,
      status,
      code,
    },
  };
}
