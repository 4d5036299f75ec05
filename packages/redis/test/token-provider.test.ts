/**
 * The shared token provider on a real redis-server, several "instances" (separate connections) in
 * one process: one refresh for all of them, refresh data (a rotating refresh token) handed along,
 * forceRefresh after a 401 refreshing once, a crashed refresher replaced after its lease, and
 * core's transport using it as `auth`.
 */

import { createServer, type Server } from 'node:http';
import { createTransport } from '@goskit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectRedis,
  createSharedTokenProvider,
  type FetchedSharedToken,
  type RedisConnection,
  type SharedTokenProviderOptions,
} from '../src/index.js';
import { type RedisServer, startRedisServer } from './helpers/redis-server.js';

let server: RedisServer;
const connections: RedisConnection[] = [];
let counter = 0;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await server?.stop();
});

/** A portal that rotates refresh tokens: each may be used once, like ESIA's. */
function rotatingPortal() {
  let issued = 0;
  let validRefresh = 'r0';
  const calls: string[] = [];
  return {
    calls,
    async refresh(refreshToken: string | undefined): Promise<FetchedSharedToken<string>> {
      calls.push(refreshToken ?? 'none');
      await new Promise((resolve) => setTimeout(resolve, 80)); // the portal is not instant
      if (refreshToken !== validRefresh) {
        throw new Error(`refresh token ${refreshToken} already used`);
      }
      issued += 1;
      validRefresh = `r${issued}`;
      return { token: `access-${issued}`, expiresAt: Date.now() + 3_600_000, data: validRefresh };
    },
  };
}

function instances(
  count: number,
  options: Omit<SharedTokenProviderOptions<string>, 'redis' | 'name'> & { name?: string },
) {
  counter += 1;
  const name = options.name ?? `token-${counter}`;
  return Array.from({ length: count }, () => {
    const connection = connectRedis(server.url);
    connections.push(connection);
    return createSharedTokenProvider<string>({ ...options, redis: connection, name, pollMs: 10 });
  });
}

describe('shared token provider', () => {
  it('refreshes once for all instances and hands the rotated refresh token along', async () => {
    const portal = rotatingPortal();
    const providers = instances(4, {
      fetchToken: (_reason, previous) => portal.refresh(previous?.data ?? 'r0'),
    });
    const tokens = await Promise.all(providers.flatMap((p) => [p.getToken(), p.getToken(), p.getToken()]));
    expect(new Set(tokens)).toEqual(new Set(['access-1']));
    expect(portal.calls).toEqual(['r0']);
    // the shared record expires soon: one more refresh, with the refresh token it returned
    const record = await providers[0]!.read();
    expect(record?.data).toBe('r1');
    await providers[0]!.seed({ token: 'access-1', expiresAt: Date.now() + 1000, data: 'r1' });
    const next = await Promise.all(providers.map((p) => p.forceRefresh('access-1')));
    expect(new Set(next)).toEqual(new Set(['access-2']));
    expect(portal.calls).toEqual(['r0', 'r1']);
  });

  it('forceRefresh(rejected) returns a newer shared token without refreshing again', async () => {
    const portal = rotatingPortal();
    const [a, b] = instances(2, {
      fetchToken: (_reason, previous) => portal.refresh(previous?.data ?? 'r0'),
    });
    const first = await a!.getToken();
    expect(await b!.getToken()).toBe(first);
    const renewed = await a!.forceRefresh(first); // the portal said 401 to instance a
    expect(renewed).toBe('access-2');
    expect(await b!.forceRefresh(first)).toBe('access-2'); // b saw the same 401 a moment later
    expect(portal.calls).toEqual(['r0', 'r1']);
  });

  it('refreshes ahead of expiry while the old token is still handed out', async () => {
    let fetches = 0;
    const fetchToken = async () => {
      fetches += 1;
      return { token: `t${fetches}`, expiresAt: Date.now() + (fetches === 1 ? 30_000 : 3_600_000) };
    };
    const [a] = instances(1, { refreshAheadMs: 60_000, fetchToken });
    const name = `token-${counter}`;
    // t1 lives 30 s; refresh-ahead 60 s is capped at half the lifetime: refresh from 15 s on
    expect(await a!.getToken()).toBe('t1');
    const later = { now: () => Date.now() + 20_000 }; // an instance 20 s later, in the window
    const [b] = instances(1, { name, refreshAheadMs: 60_000, fetchToken, clock: later });
    expect(await b!.getToken()).toBe('t2');
    expect(fetches).toBe(2);
    expect(await a!.getToken()).toBe('t1'); // a's own copy is still fresh for a
    // a refresh that fails inside the window is not fatal while the old token works
    const [c] = instances(1, {
      name: `${name}-failing`,
      refreshAheadMs: 60_000,
      fetchToken: async () => {
        throw new Error('portal down');
      },
    });
    await c!.seed({ token: 'old', expiresAt: Date.now() + 30_000 });
    const [d] = instances(1, {
      name: `${name}-failing`,
      refreshAheadMs: 60_000,
      clock: later,
      fetchToken: async () => {
        throw new Error('portal down');
      },
    });
    expect(await d!.getToken()).toBe('old');
  });

  it('when the refreshing instance dies, another takes over after its lease', async () => {
    const providers = instances(2, {
      leaseMs: 300,
      fetchToken: async () => ({ token: 'from-survivor', expiresAt: Date.now() + 60_000 }),
    });
    const name = `token-${counter}`;
    // a crashed instance: took the refresh lease and never wrote a token
    await connections[connections.length - 1]!.send([
      'SET',
      `goskit:token:lease:{${name}}:held`,
      'crashed:1',
      'PX',
      '300',
    ]);
    const started = performance.now();
    expect(await providers[0]!.getToken()).toBe('from-survivor');
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('gives up waiting with REFRESH_WAIT_TIMEOUT, and a failed refresh is retried by the next caller', async () => {
    let attempts = 0;
    const [a] = instances(1, {
      leaseMs: 5000,
      waitTimeoutMs: 200,
      fetchToken: async () => {
        attempts += 1;
        if (attempts === 1) {
          throw new Error('portal down');
        }
        return { token: 'ok', expiresAt: Date.now() + 60_000 };
      },
    });
    await expect(a!.getToken()).rejects.toThrow('portal down');
    expect(await a!.getToken()).toBe('ok');
    const name = `token-${counter}`;
    await a!.clearShared();
    await connections[connections.length - 1]!.send([
      'SET',
      `goskit:token:lease:{${name}}:held`,
      'other:9',
      'PX',
      '5000',
    ]);
    const [b] = instances(1, {
      name,
      waitTimeoutMs: 200,
      fetchToken: async () => ({ token: 'x', expiresAt: Date.now() + 1000 }),
    });
    await expect(b!.getToken()).rejects.toMatchObject({ code: 'REFRESH_WAIT_TIMEOUT' });
  });

  it("works as core's transport `auth`: a 401 refreshes once for every instance", async () => {
    let valid = 'access-1';
    const seen: string[] = [];
    const api: Server = createServer((request, response) => {
      seen.push(request.headers.authorization ?? '');
      response.writeHead(request.headers.authorization === `Bearer ${valid}` ? 200 : 401, {
        'content-type': 'application/json',
      });
      response.end('{}');
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const port = (api.address() as { port: number }).port;
    try {
      let issued = 0;
      const providers = instances(3, {
        fetchToken: async () => {
          issued += 1;
          await new Promise((resolve) => setTimeout(resolve, 50));
          return { token: `access-${issued}`, expiresAt: Date.now() + 3_600_000 };
        },
      });
      const transports = providers.map((auth) =>
        createTransport({ baseUrl: `http://127.0.0.1:${port}`, auth, retry: false }),
      );
      await Promise.all(transports.map((t) => t.get('/me')));
      expect(issued).toBe(1);
      valid = 'access-2'; // the portal revoked access-1
      await Promise.all(transports.map((t) => t.get('/me')));
      expect(issued).toBe(2);
      expect(seen.filter((h) => h === 'Bearer access-2').length).toBe(3);
    } finally {
      await new Promise((resolve) => api.close(resolve));
    }
  });
});
