/** Shared by the server/control/dashboard tests: a tiny stateful portal and a server on port 0. */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { definePortal } from '../src/engine/define-portal.js';
import { json } from '../src/engine/responses.js';
import type { Simulator, SimulatorOptions, SimulatorServer } from '../src/engine/types.js';
import { type ListenOptions, listen } from '../src/server/listen.js';

export interface CounterState {
  hits: number;
}

/** A portal whose GET changes state, so a test can tell real handling from caching. */
export const counterPortal = definePortal<CounterState>({
  name: 'counter',
  title: 'Счётчик (test portal)',
  hosts: ['https://counter.test'],
  prefix: '/counter',
  createState: () => ({ hits: 0 }),
  routes: [
    {
      method: 'GET',
      path: '/hits',
      operation: 'hits.get',
      handler: ({ state }) => {
        state.hits += 1;
        return json({ hits: state.hits });
      },
    },
    {
      method: 'POST',
      path: '/echo',
      operation: 'echo.post',
      handler: ({ request }) =>
        json({
          bytes: request.body?.byteLength ?? 0,
          path: request.path,
          query: Object.fromEntries(request.query),
          baseUrl: request.baseUrl,
          url: request.url,
          contentType: request.headers['content-type'] ?? null,
        }),
    },
    {
      method: 'GET',
      path: '/items/:id',
      operation: 'items.get',
      handler: ({ params, request }) => json({ id: params.id, path: request.path }),
    },
  ],
});

export interface Running {
  sim: Simulator;
  server: SimulatorServer;
  base: string;
}

export async function startServer(
  options: Partial<SimulatorOptions> = {},
  listenOptions: ListenOptions = {},
): Promise<Running> {
  const sim = createSimulator({
    seed: 'server-test',
    portals: [counterPortal],
    strictContracts: false,
    ...options,
  });
  const server = await listen(sim, { port: 0, ...listenOptions });
  return { sim, server, base: server.url };
}

/**
 * For a test file: starts servers (as `startServer`) and closes every one after each test, so a
 * failing assertion never leaves a port open. Call once at the top level of the file.
 */
export function serversClosedAfterEach(): typeof startServer {
  const open = new Set<Running>();
  afterEach(async () => {
    await Promise.all([...open].map((running) => running.server.close()));
    open.clear();
  });
  return async (options, listenOptions) => {
    const running = await startServer(options, listenOptions);
    open.add(running);
    return running;
  };
}

export interface RawResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request through node:http (fetch normalises URLs; this sends the target verbatim). */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  body?: Buffer | string,
  headers: Record<string, string> = {},
): Promise<RawResult> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes bytes on a TCP socket and returns everything the server sends until it closes. */
export function rawSocket(base: string, payload: string, endAfterMs = 2000): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), endAfterMs);
    socket.on('connect', () => socket.write(payload));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (chunks.length > 0) {
        resolve(Buffer.concat(chunks).toString('utf8'));
      } else {
        reject(error);
      }
    });
  });
}
