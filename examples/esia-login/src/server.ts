/**
 * node:http around the app, linked to a standalone simulator by its ESIA base URL. Listens first,
 * so the callback URL (and the redirect_uri registered with the simulator) carries the real port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type ExampleApp, SCOPES } from './app.js';
import { type ClientRegistration, connectToSimulator } from './simulator-link.js';

export interface StartOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Address to bind; default '127.0.0.1'. */
  host?: string;
  /** Host name the browser uses for this app; default 'localhost'. */
  publicHost?: string;
  /** Default http://127.0.0.1:4010/esia (`pnpm start` at the repository root). */
  esiaBaseUrl?: string;
  /** Mnemonic for the app's own certificate; default 'GOSKIT_EXAMPLE'. */
  clientId?: string;
  /** How the app's certificate gets registered; default POST /__goskit/esia/clients. */
  register?: (registration: ClientRegistration) => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface RunningApp {
  /** e.g. http://localhost:3000 */
  url: string;
  esiaBaseUrl: string;
  clientId: string;
  app: ExampleApp;
  close(): Promise<void>;
}

export const DEFAULT_ESIA_BASE_URL = 'http://127.0.0.1:4010/esia';

async function send(app: ExampleApp, appUrl: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const answer = await app.handle(new URL(req.url ?? '/', appUrl));
  res.writeHead(answer.status, answer.headers).end(req.method === 'HEAD' ? undefined : answer.body);
}

export async function startExampleApp(options: StartOptions = {}): Promise<RunningApp> {
  const esiaBaseUrl = (options.esiaBaseUrl ?? DEFAULT_ESIA_BASE_URL).replace(/\/+$/, '');
  let app: ExampleApp | undefined;
  let appUrl = '';
  const server = createServer((req, res) => {
    if (!app) {
      res.writeHead(503).end('starting');
      return;
    }
    send(app, appUrl, req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) {
        res.writeHead(500).end();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve());
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  try {
    appUrl = `http://${options.publicHost ?? 'localhost'}:${(server.address() as AddressInfo).port}`;
    const link = await connectToSimulator({
      esiaBaseUrl,
      redirectUri: `${appUrl}/callback`,
      scopes: SCOPES,
      ...(options.clientId ? { clientId: options.clientId } : {}),
      ...(options.register ? { register: options.register } : {}),
    });
    app = createApp({
      appUrl,
      esia: {
        environment: { baseUrl: esiaBaseUrl },
        clientId: link.clientId,
        signer: link.signer,
        tokenKeys: { jwksUrl: `${esiaBaseUrl}/aas/oauth2/jwks` },
        clock: link.clock,
        beforeEsiaCall: () => link.clock.sync(),
      },
      ...(options.onError ? { onError: options.onError } : {}),
    });
    return { url: appUrl, esiaBaseUrl, clientId: link.clientId, app, close };
  } catch (error) {
    await close();
    throw error;
  }
}
