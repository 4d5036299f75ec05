import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  /** Handlers used in order, one per request; the last one repeats. */
  respond(...handlers: Handler[]): void;
  close(): Promise<void>;
}

/** A real node:http server on 127.0.0.1 with an ephemeral port. */
export async function startServer(): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let handlers: Handler[] = [json(200, { ok: true })];
  let served = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const handler = handlers[Math.min(served, handlers.length - 1)]!;
      served += 1;
      Promise.resolve(handler(recorded, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(...next) {
      handlers = next;
      served = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
  };
}

/** Answers after `ms` (the client's timeout should fire first). */
export function delayed(ms: number, handler: Handler): Handler {
  return (req, res) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (!res.destroyed && !res.writableEnded) {
          void handler(req, res);
        }
        resolve();
      }, ms);
      res.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
}

/** Drops the connection without an answer (a network error on the client). */
export const hangUp: Handler = (_req, res) => {
  res.socket?.destroy();
};

/** Records every wait the transport asks for instead of waiting. */
export function fakeSleep(): {
  delays: number[];
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
} {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms, signal) => {
      delays.push(ms);
      if (signal?.aborted) {
        throw signal.reason;
      }
    },
  };
}
