import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createControlApi } from '../control/api.js';
import { createDashboard } from '../dashboard/dashboard.js';
import { SimulatorError } from '../engine/errors.js';
import type { PortalDefinition, ServeOptions, Simulator, SimulatorServer } from '../engine/types.js';
import { createCors } from './cors.js';
import { DEFAULT_MAX_BODY_BYTES } from './read-body.js';
import { createRequestListener, malformedRequestAnswer } from './request-listener.js';
import { startTlsListener, type TlsListener } from './tls-listener.js';

export interface ListenOptions extends ServeOptions {
  /** Largest accepted request body; default 50 MB + 256 KB (EPGU pushes up to 50 MB). */
  maxBodyBytes?: number;
  /** Serve the HTML dashboard at '/'; default true. */
  dashboard?: boolean;
  /**
   * Host names the control API answers to besides IP addresses and localhost (e.g. a docker
   * service name, 'goskit-sim'); other names are refused so DNS-rebinding pages cannot reach it.
   */
  allowedHosts?: readonly string[];
}

/**
 * Serves a simulator over plain node:http: one port, a path prefix per portal, the control API
 * under /__goskit/ and the dashboard at /. With `tlsPort`, the portals that declare `tls` are served
 * on an HTTPS listener too, requiring client certificates (tls-listener.ts).
 */
export function listen(sim: Simulator, options: ListenOptions = {}): Promise<SimulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const cors = options.cors === undefined ? undefined : createCors(options.cors);
  const allowedHosts = [...(options.allowedHosts ?? []), ...boundHost(host)];
  const handleControl = createControlApi(sim, {
    startedAt: Date.now(),
    allowedHosts,
    ...(cors === undefined ? {} : { isAllowedOrigin: (origin: string) => cors.isAllowed(origin) }),
  });
  const dashboard = options.dashboard === false ? undefined : createDashboard(sim);
  const requests = createRequestListener(sim, {
    scheme: 'http',
    maxBodyBytes,
    portals: sim.portals,
    control: handleControl,
    ...(cors === undefined ? {} : { cors }),
    ...(dashboard === undefined ? {} : { dashboard }),
  });

  const server = createServer({ keepAlive: true }, requests.onRequest);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    socket.end(malformedRequestAnswer());
  });

  const closePlain = (): Promise<void> =>
    new Promise((done) => {
      requests.cancelPending();
      server.close(() => done());
      server.closeAllConnections();
    });

  return new Promise<{ url: string; port: number }>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${hostPart}:${address.port}`;
      requests.setOwnOrigin(url);
      resolve({ url, port: address.port });
    });
  }).then(async ({ url, port }) => {
    let tls: TlsListener | undefined;
    if (options.tlsPort !== undefined) {
      try {
        tls = await startTlsListener(sim, { port: options.tlsPort, host, maxBodyBytes, plainUrl: url });
      } catch (error) {
        await closePlain();
        throw error;
      }
    }
    const definitionOf = (portal: string): PortalDefinition => {
      const definition = sim.portals.find((candidate) => candidate.name === portal);
      if (definition === undefined) {
        const names = sim.portals.map((candidate) => candidate.name).join(', ');
        throw new SimulatorError('UNKNOWN_PORTAL', `unknown portal "${portal}"; portals: ${names}`);
      }
      return definition;
    };
    return {
      url,
      port,
      ...(tls === undefined ? {} : { tlsUrl: tls.url, tlsPort: tls.port }),
      baseUrl(portal: string): string {
        return url + definitionOf(portal).prefix.replace(/\/+$/, '');
      },
      tlsBaseUrl(portal: string): string {
        const definition = definitionOf(portal);
        if (tls === undefined || !tls.portals.includes(definition)) {
          throw new SimulatorError(
            'UNKNOWN_PORTAL',
            tls === undefined
              ? 'no HTTPS listener: give listen({ tlsPort }) (goskit-sim --tls-port) and load a portal that declares tls'
              : `portal "${portal}" is not served over TLS; the HTTPS listener serves ${tls.portals.map((p) => p.name).join(', ')}`,
          );
        }
        return tls.url + definition.prefix.replace(/\/+$/, '');
      },
      async close(): Promise<void> {
        await Promise.all([closePlain(), tls?.close()]);
      },
    };
  });
}

/** The bound address counts as allowed when it is a name (an IP literal is allowed anyway). */
function boundHost(host: string): string[] {
  return /^[\d.]+$|:/.test(host) ? [] : [host];
}
