/**
 * The app's link to a goskit simulator running as its own process (`goskit-sim`): credentials and
 * the virtual clock. With a real ESIA none of this exists — you bring a key, a certificate and the
 * mnemonic ESIA registered for you.
 *
 * Credentials, "bring your own test certificate": the app makes a fresh GOST key pair and a
 * self-signed certificate and registers them for its mnemonic and callback with
 * POST /__goskit/esia/clients — what a vendor does with its own test certificate.
 */
import type { Signer } from '@goskit/crypto';
import { type SimulatorClock, SimulatorControl } from '@goskit/simulator';
import { createTestCertificate } from './test-certificate.js';

export const EXAMPLE_CLIENT_ID = 'GOSKIT_EXAMPLE';
export const EXAMPLE_CLIENT_TITLE = 'Демо-школа (examples/esia-login)';

/** The body of POST /__goskit/esia/clients. */
export interface ClientRegistration {
  clientId: string;
  redirectUris: string[];
  certificatePem: string;
  scopes: string[];
  title: string;
}

export interface SimulatorLink {
  clientId: string;
  signer: Signer;
  /** The simulator's virtual clock, followed through its control API (ESIA checks timestamps against it). */
  clock: SimulatorClock;
}

export interface SimulatorLinkOptions {
  /** The portal's base URL, e.g. http://127.0.0.1:4010/esia (the control API lives beside it). */
  esiaBaseUrl: string;
  redirectUri: string;
  scopes: readonly string[];
  /** Mnemonic to register the app's certificate under. Default 'GOSKIT_EXAMPLE'. */
  clientId?: string;
  /** How the client gets registered. Default: POST /__goskit/esia/clients on the simulator. */
  register?: (registration: ClientRegistration) => Promise<void>;
  fetch?: typeof fetch;
}

/** 'http://127.0.0.1:4010/esia' → 'http://127.0.0.1:4010' (the server root of the control API). */
export function simulatorRoot(esiaBaseUrl: string): string {
  return esiaBaseUrl.replace(/\/+$/, '').replace(/\/esia$/, '');
}

/** POST /__goskit/esia/clients; a 404 means a simulator that cannot register clients yet. */
export function registerOverHttp(root: string, fetchImpl: typeof fetch = globalThis.fetch) {
  return async (registration: ClientRegistration): Promise<void> => {
    const url = `${root}/__goskit/esia/clients`;
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(registration),
    });
    const text = await response.text();
    if (response.status === 404) {
      throw new Error(
        `${url} is missing: this simulator cannot register clients. Update @goskit/simulator, or run the app with ESIA_SIMULATOR=in-process`,
      );
    }
    if (!response.ok) {
      throw new Error(
        `registering ${registration.clientId} at ${url} failed: HTTP ${response.status} ${text.slice(0, 300)}`,
      );
    }
  };
}

export async function connectToSimulator(options: SimulatorLinkOptions): Promise<SimulatorLink> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const root = simulatorRoot(options.esiaBaseUrl);
  const control = new SimulatorControl({ baseUrl: root, fetch: fetchImpl });
  const clock = await control.clock.follow();

  const clientId = options.clientId ?? EXAMPLE_CLIENT_ID;
  const own = createTestCertificate(clientId, clock.date());
  const register = options.register ?? registerOverHttp(root, fetchImpl);
  await register({
    clientId,
    redirectUris: [options.redirectUri],
    certificatePem: own.certificatePem,
    scopes: [...options.scopes],
    title: EXAMPLE_CLIENT_TITLE,
  });
  return { clientId, signer: own.signer, clock };
}
