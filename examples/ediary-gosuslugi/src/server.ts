/**
 * node:http around the app: GET pages and urlencoded POST forms (bodies past 1 MiB are 413), linked
 * to a goskit-sim by its root URL. Listens first, so the callback URL registered with the simulator's
 * ESIA carries the real port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppRequest, createApp, type EdiaryApp } from './app.js';
import { connectToSimulator } from './simulator-link.js';

export const DEFAULT_SIMULATOR_URL = 'http://127.0.0.1:4010';
/** The largest form the app reads (the administrator's data file travels in one). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface StartOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Address to bind; default '127.0.0.1'. */
  host?: string;
  /** Host name the browser uses for this app; default 'localhost'. */
  publicHost?: string;
  /** The goskit-sim of `pnpm sim`; default http://127.0.0.1:4010. */
  simulatorUrl?: string;
  onError?: (error: unknown) => void;
}

export interface RunningApp {
  /** e.g. http://localhost:3000 */
  url: string;
  app: EdiaryApp;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

/** Past the limit the rest is read and dropped (up to 16 MiB, then the socket is cut) so the 413 arrives. */
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > DRAIN_LIMIT_BYTES) {
      req.destroy();
      break;
    }
    if (size <= MAX_BODY_BYTES) {
      chunks.push(chunk);
    }
  }
  if (size > MAX_BODY_BYTES) {
    throw new BodyTooLarge();
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function send(app: EdiaryApp, appUrl: string, req: IncomingMessage, res: ServerResponse) {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
    res.writeHead(405, { allow: 'GET, HEAD, POST' }).end();
    return;
  }
  const request: AppRequest = {
    method: method === 'HEAD' ? 'GET' : method,
    url: new URL(req.url ?? '/', appUrl),
    ...(req.headers.cookie === undefined ? {} : { cookie: req.headers.cookie }),
  };
  if (method === 'POST') {
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      res.writeHead(415, { 'content-type': 'text/plain; charset=utf-8' }).end('forms only');
      return;
    }
    try {
      request.form = await readForm(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res
          .writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
          .end('too large');
        return;
      }
      throw error;
    }
  }
  const answer = await app.handle(request);
  res.writeHead(answer.status, answer.headers).end(method === 'HEAD' ? undefined : answer.body);
}

export async function startEdiaryApp(options: StartOptions = {}): Promise<RunningApp> {
  let app: EdiaryApp | undefined;
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
      simulatorUrl: options.simulatorUrl ?? DEFAULT_SIMULATOR_URL,
      redirectUri: `${appUrl}/callback`,
    });
    app = createApp({ link, appUrl, ...(options.onError ? { onError: options.onError } : {}) });
    return { url: appUrl, app, close };
  } catch (error) {
    await close();
    throw error;
  }
}
