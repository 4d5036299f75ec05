/**
 * Shared by the gospochta portal's tests: a simulator with ESIA and the portal, the @goskit/gospochta
 * client pointed at it in process (MSW on the real host), its virtual clock doubling as the client's
 * sleep, a GOST signer for attachments, and raw packet requests for what the client would never send.
 */
import {
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  generateGostKeyPair,
  type Signer,
} from '@goskit/crypto';
import { createGospochtaClient, type GospochtaClient, type GospochtaClientOptions } from '@goskit/gospochta';
import { createPacketCodec, type PacketCodec } from '@goskit/gospochta/protocol';
import { createSimulator } from '../src/create-simulator.js';
import type { Persona, Simulator } from '../src/engine/types.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { writePdf } from '../src/portals/gospochta/files/pdf.js';
import {
  DEMO_GOSPOCHTA_SECRET,
  type GospochtaDataInput,
  type GospochtaPortalDefinitionOptions,
  type GospochtaService,
  type GospochtaState,
  type GospochtaTrust,
  gospochtaPortal,
  gospochtaService,
} from '../src/portals/gospochta/index.js';

export const HOST = 'https://geps.test.gosuslugi.ru';

export interface GospochtaWorld {
  sim: Simulator;
  service: GospochtaService;
  trust: GospochtaTrust;
  state(): GospochtaState;
  /** The fixed parent (consent), a parent without the consent flag. */
  parent: Persona;
  noConsent: Persona;
  signer: Signer;
  client(clientId: string, extra?: Partial<GospochtaClientOptions>): GospochtaClient;
  /** A codec with the demo key, to build what the client would not (raw and tampered packets). */
  codec: PacketCodec;
  /** POST/GET a protected packet as raw fetch, returning status, headers and parsed body. */
  raw(input: RawInput): Promise<{ status: number; headers: Headers; body: unknown; bytes: Uint8Array }>;
  token(clientId: string): Promise<string>;
}

export interface RawInput {
  method: string;
  target: string;
  json?: unknown;
  token?: string;
  idempotencyKey?: string;
  /** Change the request after it was built (tampering). */
  mutate?(request: { headers: Record<string, string>; body: Uint8Array }): void;
}

export function gostSigner(subject: string): { signer: Signer; certificatePem: string } {
  const pair = generateGostKeyPair('tc26-256-A');
  const certificate = createSelfSignedCertificate({
    privateKey: pair.privateKey,
    subject,
    days: 3650,
    notBefore: new Date('2020-01-01T00:00:00Z'),
  });
  return {
    signer: createSoftwareGostSigner({ privateKey: pair.privateKey, certificate: certificate.pem }),
    certificatePem: certificate.pem,
  };
}

export function notice(
  recipient: Persona,
  extra: Record<string, unknown> = {},
): Parameters<GospochtaClient['outbox']['send']>[0] {
  return {
    recipient: {
      lastName: recipient.lastName,
      firstName: recipient.firstName,
      ...(recipient.middleName ? { middleName: recipient.middleName } : {}),
      snils: recipient.snils,
    },
    documentType: 'notice',
    subject: 'Уведомление о собрании',
    attachments: [
      {
        name: 'notice.pdf',
        mediaType: 'application/pdf',
        content: writePdf({ title: 'Уведомление', lines: ['Собрание в пятницу'], createdAt: 0 }),
      },
    ],
    ...extra,
  } as Parameters<GospochtaClient['outbox']['send']>[0];
}

export async function createGospochtaWorld(
  options: { portal?: GospochtaPortalDefinitionOptions; data?: GospochtaDataInput; seed?: string } = {},
): Promise<GospochtaWorld> {
  const sim = createSimulator({
    seed: options.seed ?? 'gospochta-tests',
    portals: [esiaPortal(), gospochtaPortal(options.portal)],
    ...(options.data === undefined ? {} : { data: { gospochta: options.data } }),
    rateLimits: { gospochta: { ratePerSecond: 1e6, burst: 1e6 } },
  });
  const service = sim.service(gospochtaService);
  const trust = await service.trust();
  const { signer } = gostSigner('CN=ГБОУ Демо школа,O=goskit tests');
  const persona = (id: string) => sim.demo.personas.find((item) => item.id === id) as Persona;
  const host = options.portal?.hosts?.[0] ?? HOST;
  const codec = createPacketCodec({ keys: { keys: service.packetKeys('demo-school') }, clock: sim.clock });
  const tokens = new Map<string, string>();
  const token = async (clientId: string) => {
    const response = await fetch(`${host}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${btoa(`${clientId}:${DEMO_GOSPOCHTA_SECRET}`)}`,
      },
      body: 'grant_type=client_credentials',
    });
    const issued = (await response.json()) as { access_token: string };
    tokens.set(clientId, issued.access_token);
    return issued.access_token;
  };
  return {
    sim,
    service,
    trust,
    state: () => sim.portalState<GospochtaState>('gospochta'),
    parent: persona('parent-ivanov'),
    noConsent: persona('parent-1a-02'),
    signer,
    codec,
    token,
    client(clientId, extra = {}) {
      return createGospochtaClient({
        baseUrl: host,
        auth: { type: 'client_credentials', clientId, clientSecret: DEMO_GOSPOCHTA_SECRET },
        packetKeys: { keys: service.packetKeys(clientId) },
        clock: sim.clock,
        sleep: async (ms) => {
          sim.clock.advance(ms);
        },
        signer,
        portalCertificates: trust.portalCertificates,
        documentCertificates: trust.documentCertificates,
        retry: { limit: 3, backoff: { baseMs: 1, capMs: 5 } },
        ...extra,
      });
    },
    async raw(input) {
      const requestId = `raw-${sim.random.uuid()}`;
      const built = await codec.buildRequest({
        method: input.method,
        target: input.target,
        requestId,
        idempotencyKey: input.idempotencyKey,
        ...(input.json === undefined ? {} : { json: input.json }),
      });
      const request = { headers: { ...built.headers }, body: built.body };
      input.mutate?.(request);
      const bearer = input.token ?? (await token('demo-school'));
      const response = await fetch(`${host}${input.target}`, {
        method: input.method,
        headers: { ...request.headers, authorization: `Bearer ${bearer}` },
        ...(input.method === 'GET' ? {} : { body: request.body as Uint8Array<ArrayBuffer> }),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return { status: response.status, headers: response.headers, body, bytes };
    },
  };
}
