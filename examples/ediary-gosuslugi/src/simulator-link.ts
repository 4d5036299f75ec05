/**
 * The app's link to goskit-sim (`pnpm sim`): where each portal answers, the app's own ESIA test
 * certificate registered with the simulator, the simulator's virtual clock, and the school's register.
 * With the real Gosuslugi none of this exists: you bring a certificate ESIA registered for your
 * mnemonic, and the register is your e-diary's own database.
 *
 * "Bring your own test certificate": a fresh GOST R 34.10-2012 key and a self-signed certificate,
 * registered for the mnemonic and its callback with POST /__goskit/esia/clients.
 */
import {
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  generateGostKeyPair,
  type Signer,
} from '@goskit/crypto';
import type { SchoolPupil } from '@goskit/gosuslugi';
import { type SimulatorClock, SimulatorControl } from '@goskit/simulator';

export const EXAMPLE_CLIENT_ID = 'GOSKIT_EDIARY_EXAMPLE';
export const EXAMPLE_CLIENT_TITLE = 'Электронный дневник «Демо школа» (examples/ediary-gosuslugi)';

/** The portals of one goskit-sim, by base URL. */
export interface SimulatorUrls {
  /** The server root, e.g. http://127.0.0.1:4010 (control API at /__goskit). */
  root: string;
  esia: string;
  /** The e-diary feed and its backup (src/sim/feed-pair.ts). */
  feed: string;
  feedBackup: string;
  /** The outbox: the parent's «Уведомления» at /api/lk/v1/notifications. */
  notifications: string;
}

export function simulatorUrls(root: string): SimulatorUrls {
  const base = root.replace(/\/+$/, '');
  return {
    root: base,
    esia: `${base}/esia`,
    feed: `${base}/ediary`,
    feedBackup: `${base}/ediary-backup`,
    notifications: `${base}/notifications`,
  };
}

export interface SimulatorLink {
  urls: SimulatorUrls;
  clientId: string;
  signer: Signer;
  /** The simulator's virtual clock (ESIA checks timestamps against it; notices carry its time). */
  clock: SimulatorClock;
  /** The school's pupils: the students of the simulator's roster. */
  pupils: SchoolPupil[];
}

export interface SimulatorLinkOptions {
  simulatorUrl: string;
  /** The app's ESIA callback, e.g. http://localhost:3000/callback. */
  redirectUri: string;
  clientId?: string;
  fetch?: typeof fetch;
}

async function registerClient(
  urls: SimulatorUrls,
  clientId: string,
  redirectUri: string,
  certificatePem: string,
  fetchImpl: typeof fetch,
): Promise<void> {
  const url = `${urls.root}/__goskit/esia/clients`;
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId,
      redirectUris: [redirectUri],
      certificatePem,
      title: EXAMPLE_CLIENT_TITLE,
    }),
  });
  if (!response.ok) {
    throw new Error(
      `registering ${clientId} at ${url}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`,
    );
  }
  await response.body?.cancel();
}

export async function connectToSimulator(options: SimulatorLinkOptions): Promise<SimulatorLink> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const urls = simulatorUrls(options.simulatorUrl);
  const control = new SimulatorControl({ baseUrl: urls.root, fetch: fetchImpl });
  const portals = (await control.portals()).map((portal) => portal.name);
  for (const needed of ['esia', 'notifications', 'ediary', 'ediary-backup']) {
    if (!portals.includes(needed)) {
      throw new Error(
        `goskit-sim at ${urls.root} does not serve "${needed}": start it with \`pnpm --filter @goskit/example-ediary-gosuslugi sim\``,
      );
    }
  }
  const clock = await control.clock.follow();
  const clientId = options.clientId ?? EXAMPLE_CLIENT_ID;
  const { privateKey } = generateGostKeyPair();
  const certificate = createSelfSignedCertificate({
    privateKey,
    subject: `CN=${clientId},O=goskit example`,
    notBefore: new Date(clock.now() - 86_400_000),
    days: 365,
  });
  await registerClient(urls, clientId, options.redirectUri, certificate.pem, fetchImpl);
  const pupils = (await control.personas())
    .filter((persona) => persona.role === 'student')
    .map((persona) => ({
      id: persona.id,
      lastName: persona.lastName,
      firstName: persona.firstName,
      middleName: persona.middleName,
      birthDate: persona.birthDate,
      snils: persona.snils,
    }));
  return {
    urls,
    clientId,
    signer: createSoftwareGostSigner({ privateKey, certificate: certificate.pem }),
    clock,
    pupils,
  };
}
