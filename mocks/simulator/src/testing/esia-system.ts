/**
 * ESIA systems (clients) for tests, in one line, in process or against goskit-sim:
 * - `registerTestEsiaSystem(target, { clientId, redirectUris })` makes a fresh GOST R 34.10-2012 key
 *   and a self-signed certificate valid on the simulator's clock (from a day before its now), and
 *   registers them for the mnemonic and redirect URIs through ESIA's control route
 *   (`POST /__goskit/esia/clients`) — what a vendor does with its own test certificate;
 * - `demoEsiaSystem(target)` gives the demo system `GOSKIT_DEMO` (`GET /__goskit/esia/demo-client`).
 * Both return the key, the certificate and a ready `signer` for `createEsiaClient`. Test-only material:
 * a self-signed certificate is never accepted by the real ESIA, and the demo key derives from the seed.
 */
import {
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  exportGostPrivateKey,
  generateGostKeyPair,
  type Signer,
} from '@goskit/crypto';
import { callPortalControl, isInProcess, type SimulatorTarget } from './portal-control.js';

export interface TestEsiaSystemOptions {
  /** The system mnemonic, 2–64 of A–Z a–z 0–9 _ . - */
  clientId: string;
  /** Registered callbacks; a URI without a port matches any port (loopback apps on random ports). */
  redirectUris: string[];
  /** Allowed scopes; default every scope. */
  scopes?: string[];
  /** Shown on the login and consent pages; default the mnemonic. */
  title?: string;
  /** Certificate validity in days, from a day before the simulator's now; default 3650. */
  validDays?: number;
}

export interface TestEsiaSystem {
  clientId: string;
  redirectUris: string[];
  privateKeyPem: string;
  certificatePem: string;
  /** Streebog-256 of the certificate (uppercase hex): ESIA's `client_certificate_hash`. */
  certificateHash: string;
  notBefore: Date;
  notAfter: Date;
  /** A software GOST signer over the key: `createEsiaClient({ signer })`. */
  signer: Signer;
}

/** What ESIA's control routes answer (`GET /demo-client`, `POST /clients`). */
interface ClientAnswer {
  clientId: string;
  redirectUris: string[];
  certificateHash: string;
  privateKeyPem?: string;
  certificatePem?: string;
  notBeforeMs?: number;
  notAfterMs?: number;
}

const DAY_MS = 86_400_000;
const MNEMONIC = /^[A-Za-z0-9_.-]{2,64}$/;

async function virtualNow(target: SimulatorTarget): Promise<number> {
  return isInProcess(target) ? target.clock.now() : (await target.clock.get()).ms;
}

/**
 * Generates a GOST key and a self-signed certificate valid at the simulator's virtual time and
 * registers them for `clientId` (replacing an earlier registration). Rejects with SimulatorError
 * INVALID_DATA naming the field (in process) or SimulatorControlError 400 (standalone).
 */
export async function registerTestEsiaSystem(
  target: SimulatorTarget,
  options: TestEsiaSystemOptions,
): Promise<TestEsiaSystem> {
  const now = await virtualNow(target);
  const days = options.validDays ?? 3650;
  const { privateKey } = generateGostKeyPair();
  const certificate = createSelfSignedCertificate({
    privateKey,
    // The mnemonic names the certificate when it is one; the registration refuses anything else.
    subject: `CN=${MNEMONIC.test(options.clientId) ? options.clientId : 'goskit test system'},O=goskit test system`,
    notBefore: new Date(now - DAY_MS),
    days,
  });
  const registered = await callPortalControl<ClientAnswer>(target, 'esia', 'POST', '/clients', {
    clientId: options.clientId,
    redirectUris: options.redirectUris,
    certificatePem: certificate.pem,
    ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
    ...(options.title === undefined ? {} : { title: options.title }),
  });
  const privateKeyPem = exportGostPrivateKey(privateKey).pem;
  const notBefore = new Date(Math.floor((now - DAY_MS) / 1000) * 1000);
  return {
    clientId: registered.clientId,
    redirectUris: registered.redirectUris,
    privateKeyPem,
    certificatePem: certificate.pem,
    certificateHash: registered.certificateHash,
    notBefore,
    notAfter: new Date(notBefore.getTime() + Math.round(days * DAY_MS)),
    signer: createSoftwareGostSigner({ privateKey: privateKeyPem, certificate: certificate.pem }),
  };
}

/** The demo system `GOSKIT_DEMO` (key derived from the seed, every scope, loopback redirect URIs). */
export async function demoEsiaSystem(target: SimulatorTarget): Promise<TestEsiaSystem> {
  const demo = await callPortalControl<ClientAnswer>(target, 'esia', 'GET', '/demo-client');
  const privateKeyPem = demo.privateKeyPem ?? '';
  const certificatePem = demo.certificatePem ?? '';
  return {
    clientId: demo.clientId,
    redirectUris: demo.redirectUris,
    privateKeyPem,
    certificatePem,
    certificateHash: demo.certificateHash,
    notBefore: new Date(demo.notBeforeMs ?? 0),
    notAfter: new Date(demo.notAfterMs ?? 0),
    signer: createSoftwareGostSigner({ privateKey: privateKeyPem, certificate: certificatePem }),
  };
}
