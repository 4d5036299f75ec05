/**
 * The HTTPS listener with mutual TLS, for the portals that declare `tls`: the certificate and CA come
 * from the portals (made per seed), every connection must present a client certificate the CA issued
 * (unknown, expired or missing → closed during or right after the handshake, before any HTTP), and a
 * portal may refuse a verified one too (`checkClient`). A plain TCP listener accepts and hands each
 * connection to the node:https server of the current seed, so a seed change serves the new CA from
 * the next connection on without restarting. That server (and so the CA and certificate) is built on
 * the first connection for its seed, not at start: the keys come from the seed, so lazy equals eager.
 */
import { X509Certificate } from 'node:crypto';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { portalRuntimeOf } from '../engine/portal-runtime-of.js';
import type { PortalDefinition, Simulator, TlsPeerCertificate } from '../engine/types.js';
import { createRequestListener, malformedRequestAnswer } from './request-listener.js';
import { jsonResponse } from './write-response.js';

export interface TlsListenerOptions {
  port: number;
  host: string;
  maxBodyBytes: number;
  /** The plain listener's URL, named in the 404 for paths this one does not serve. */
  plainUrl: string;
}

export interface TlsListener {
  readonly url: string;
  readonly port: number;
  /** The portals served here. */
  readonly portals: readonly PortalDefinition[];
  close(): Promise<void>;
}

interface SeedServer {
  server: HttpsServer;
  /** Each TLS portal's CA, to tell which portal issued a client certificate. */
  authorities: { portal: PortalDefinition; ca: X509Certificate[] }[];
}

function peerOf(certificate: X509Certificate): TlsPeerCertificate {
  const commonName = /^CN=(.*)$/m.exec(certificate.subject)?.[1] ?? '';
  return {
    subject: certificate.subject.split('\n').join(','),
    commonName,
    serialNumber: certificate.serialNumber.toLowerCase(),
    fingerprint256: certificate.fingerprint256,
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
  };
}

function splitPem(pem: string): X509Certificate[] {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(
    (block) => new X509Certificate(block),
  );
}

/** Starts the listener, or returns undefined when no loaded portal declares `tls`. */
export async function startTlsListener(
  sim: Simulator,
  options: TlsListenerOptions,
): Promise<TlsListener | undefined> {
  const portals = sim.portals.filter((portal) => portal.tls !== undefined);
  if (portals.length === 0) {
    return undefined;
  }
  const names = portals.map((portal) => `${portal.name} (${portal.prefix})`).join(', ');
  /** Which portals accepted the certificate of each connection (decided once, after the handshake). */
  const accepted = new WeakMap<Socket, ReadonlySet<string>>();
  const requests = createRequestListener(sim, {
    scheme: 'https',
    maxBodyBytes: options.maxBodyBytes,
    portals,
    unknown: (request) =>
      jsonResponse(404, {
        error: 'NOT_FOUND',
        message: `the HTTPS listener serves ${names}; ${request.path} is not one of them (plain HTTP: ${options.plainUrl})`,
      }),
    admit: (req, destination) =>
      accepted.get(req.socket)?.has(destination.portal)
        ? undefined
        : jsonResponse(403, {
            error: 'CLIENT_CERTIFICATE_REFUSED',
            message: `the client certificate of this connection was not issued for portal ${destination.portal}`,
          }),
  });
  const hosts = [options.host];
  const bySeed = new Map<string, Promise<SeedServer>>();

  async function build(): Promise<SeedServer> {
    const credentials = await Promise.all(
      portals.map((portal) =>
        (portal.tls as NonNullable<PortalDefinition['tls']>).credentials({
          runtime: portalRuntimeOf(sim, portal.name),
          hosts,
        }),
      ),
    );
    const first = credentials[0] as (typeof credentials)[number];
    const server = createHttpsServer(
      {
        key: first.privateKeyPem,
        cert: first.certificatePem,
        ca: credentials.map((item) => item.caPem),
        requestCert: true,
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
        keepAlive: true,
      },
      requests.onRequest,
    );
    const authorities = portals.map((portal, index) => ({
      portal,
      ca: splitPem((credentials[index] as (typeof credentials)[number]).caPem),
    }));
    // Runs before the HTTP layer sees the connection: a refused certificate never gets to send a request.
    server.prependListener('secureConnection', (socket: TLSSocket) => {
      const certificate = socket.getPeerX509Certificate();
      if (certificate === undefined) {
        socket.destroy();
        return;
      }
      const peer = peerOf(certificate);
      const ok = new Set<string>();
      for (const { portal, ca } of authorities) {
        const issuedHere = ca.some(
          (root) => certificate.checkIssued(root) && certificate.verify(root.publicKey),
        );
        if (!issuedHere) {
          continue;
        }
        const check = portal.tls?.checkClient;
        const reason =
          check === undefined
            ? undefined
            : check(peer, { state: sim.portalState(portal.name), sim: portalRuntimeOf(sim, portal.name) });
        if (reason === undefined) {
          ok.add(portal.name);
        }
      }
      if (ok.size === 0) {
        socket.destroy();
        return;
      }
      accepted.set(socket, ok);
    });
    server.on('tlsClientError', (_error, socket) => socket.destroy());
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable || error.code === 'ECONNRESET') {
        socket.destroy();
        return;
      }
      socket.end(malformedRequestAnswer());
    });
    return { server, authorities };
  }

  function current(): Promise<SeedServer> {
    const seed = sim.seed;
    let found = bySeed.get(seed);
    if (found === undefined) {
      found = build();
      bySeed.set(seed, found);
      found.catch(() => bySeed.delete(seed));
    }
    return found;
  }

  // No `await current()` here: the CA and server certificate are made on the first connection that
  // needs them, so a start that never speaks TLS does not wait for them.
  /** Every accepted connection, so close() ends them all (mid-handshake ones too). */
  const sockets = new Set<Socket>();
  const front = createNetServer({ pauseOnConnect: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    current().then(
      ({ server }) => {
        server.emit('connection', socket);
        socket.resume();
      },
      () => socket.destroy(),
    );
  });
  front.on('error', () => {});

  return new Promise((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port, options.host, () => {
      front.off('error', reject);
      const address = front.address() as AddressInfo;
      const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `https://${hostPart}:${address.port}`;
      requests.setOwnOrigin(url);
      resolve({
        url,
        port: address.port,
        portals,
        close() {
          requests.cancelPending();
          return new Promise<void>((done) => {
            front.close(() => done());
            for (const socket of sockets) {
              socket.destroy();
            }
          });
        },
      });
    });
  });
}
