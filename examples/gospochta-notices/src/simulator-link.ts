/**
 * The example's link to a goskit simulator running as its own process (`goskit-sim`): what an
 * operator of a real ГЭПС stand would hand you — a client id and secret, the packet keys, a client
 * certificate for mutual TLS and the certificates to pin — fetched here from the simulator's control
 * API, plus its virtual clock (packets carry a timestamp the portal checks, ±300 s).
 */
import {
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  generateGostKeyPair,
  type Signer,
} from '@goskit/crypto';
import { createGospochtaClient, type GospochtaClient, type PacketKey } from '@goskit/gospochta';
import { DEMO_GOSPOCHTA_SECRET, type SimulatorClock, SimulatorControl } from '@goskit/simulator';

export interface SimulatorLinkOptions {
  /** The simulator's server root, e.g. http://127.0.0.1:4010 (its control API is /__goskit). */
  simulatorUrl: string;
  /** The gospochta portal over mutual TLS, e.g. https://127.0.0.1:4443/gospochta. */
  gospochtaUrl: string;
}

export interface Trust {
  caPem: string;
  portalCertificates: string[];
  documentCertificates: string[];
}

export interface SimulatorLink {
  control: SimulatorControl;
  clock: SimulatorClock;
  /** A client for one of the simulator's registered systems, over mutual TLS. */
  client(clientId: string, signer?: Signer): Promise<GospochtaClient>;
  /** A fresh GOST R 34.10-2012 key and self-signed certificate: the sender's signature on documents. */
  gostSigner(subject: string): Signer;
  close(): Promise<void>;
}

interface IssuedCertificate {
  certificatePem: string;
  privateKeyPem: string;
}

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export async function linkToSimulator(options: SimulatorLinkOptions): Promise<SimulatorLink> {
  // The first trust call makes the seed's keys (GOST in software): give it time on a busy machine.
  const control = new SimulatorControl({ baseUrl: options.simulatorUrl, timeout: 60_000 });
  const clock = await control.clock.follow();
  const trust = await control.portalControl<Trust>('gospochta', 'GET', '/trust');
  const clients: GospochtaClient[] = [];
  return {
    control,
    clock,
    async client(clientId, signer) {
      const keys = await control.portalControl<{
        keys: { kid: string; macKey: string; encryptionKey: string }[];
      }>('gospochta', 'GET', `/packet-keys?clientId=${encodeURIComponent(clientId)}`);
      const packetKeys: PacketKey[] = keys.keys.map((key) => ({
        kid: key.kid,
        macKey: bytes(key.macKey),
        encryptionKey: bytes(key.encryptionKey),
      }));
      // The operator issues each system a client certificate for the TLS handshake.
      const issued = await control.portalControl<IssuedCertificate>(
        'gospochta',
        'POST',
        `/systems/${encodeURIComponent(clientId)}/certificates`,
        {},
      );
      const client = createGospochtaClient({
        baseUrl: options.gospochtaUrl,
        auth: { type: 'client_credentials', clientId, clientSecret: DEMO_GOSPOCHTA_SECRET },
        packetKeys: { keys: packetKeys },
        tls: { cert: issued.certificatePem, key: issued.privateKeyPem, ca: trust.caPem },
        portalCertificates: trust.portalCertificates,
        documentCertificates: trust.documentCertificates,
        clock,
        ...(signer === undefined ? {} : { signer }),
      });
      clients.push(client);
      return client;
    },
    gostSigner(subject) {
      const { privateKey } = generateGostKeyPair('tc26-256-A');
      const certificate = createSelfSignedCertificate({
        privateKey,
        subject,
        notBefore: new Date(clock.now() - 86_400_000),
        days: 365,
      });
      return createSoftwareGostSigner({ privateKey, certificate: certificate.pem });
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()));
    },
  };
}
