import { createTokenProvider, createTransport, HttpError, type TokenFetchReason } from '@goskit/core';
import { describe, expect, it } from 'vitest';
import { json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

/** A promise you resolve from outside — to hold a token fetch in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createTokenProvider', () => {
  it('single-flight: 50 concurrent callers cause one fetch and all get its token', async () => {
    let fetches = 0;
    const gate = deferred<void>();
    const provider = createTokenProvider({
      fetchToken: async () => {
        fetches += 1;
        await gate.promise;
        return { token: `t${fetches}`, expiresAt: Date.now() + 3_600_000 };
      },
    });
    const callers = Array.from({ length: 50 }, () => provider.getToken());
    gate.resolve();
    expect(new Set(await Promise.all(callers))).toEqual(new Set(['t1']));
    expect(fetches).toBe(1);
    await provider.getToken();
    expect(fetches).toBe(1); // cached
  });

  it('refreshes ahead of expiry with the right reason', async () => {
    let clock = 0;
    const reasons: TokenFetchReason[] = [];
    const provider = createTokenProvider({
      now: () => clock,
      refreshAheadMs: 60_000,
      fetchToken: async (reason) => {
        reasons.push(reason);
        return { token: `t${reasons.length}`, expiresAt: clock + 600_000 };
      },
    });
    expect(await provider.getToken()).toBe('t1');
    clock = 539_999;
    expect(await provider.getToken()).toBe('t1');
    clock = 540_000; // 60 s before expiry
    expect(await provider.getToken()).toBe('t2');
    clock = 540_000 + 600_001; // t2 expired
    expect(await provider.getToken()).toBe('t3');
    expect(reasons).toEqual(['initial', 'expiring', 'expired']);
  });

  it('caps refresh-ahead at half the lifetime so short tokens are not refetched every call', async () => {
    let clock = 0;
    let fetches = 0;
    const provider = createTokenProvider({
      now: () => clock,
      fetchToken: async () => ({ token: `t${++fetches}`, expiresAt: new Date(clock + 60_000) }),
    });
    await provider.getToken();
    clock = 29_000;
    await provider.getToken();
    expect(fetches).toBe(1);
    clock = 30_000;
    await provider.getToken();
    expect(fetches).toBe(2);
  });

  it('a failed refresh-ahead keeps the still-valid token; a failed fetch with nothing valid throws', async () => {
    let clock = 0;
    let fail = false;
    const provider = createTokenProvider({
      now: () => clock,
      fetchToken: async () => {
        if (fail) {
          throw new Error('idp down');
        }
        return { token: 'good', expiresAt: clock + 600_000 };
      },
    });
    await provider.getToken();
    fail = true;
    clock = 590_000;
    expect(await provider.getToken()).toBe('good');
    clock = 700_000;
    await expect(provider.getToken()).rejects.toThrow('idp down');
  });

  it('a stale (older, slower) fetch never overwrites a newer token', async () => {
    const slow = deferred<{ token: string; expiresAt: number }>();
    const fast = deferred<{ token: string; expiresAt: number }>();
    const queue = [slow, fast];
    const provider = createTokenProvider({ fetchToken: () => queue.shift()!.promise });
    const waiting = provider.getToken(); // starts the slow fetch (#1)
    const forced = provider.forceRefresh(); // supersedes it (#2)
    fast.resolve({ token: 'new', expiresAt: Date.now() + 3_600_000 });
    expect(await forced).toBe('new');
    slow.resolve({ token: 'old', expiresAt: Date.now() + 7_200_000 });
    expect(await waiting).toBe('new');
    expect(await provider.getToken()).toBe('new');
    expect(provider.peek()?.token).toBe('new');
  });

  it('forceRefresh(rejected) coalesces: callers rejected with the same token share one fetch', async () => {
    let fetches = 0;
    const provider = createTokenProvider({
      fetchToken: async () => ({ token: `t${++fetches}`, expiresAt: Date.now() + 3_600_000 }),
    });
    const first = await provider.getToken();
    const refreshed = await Promise.all([provider.forceRefresh(first), provider.forceRefresh(first)]);
    expect(refreshed).toEqual(['t2', 't2']);
    expect(await provider.forceRefresh(first)).toBe('t2'); // already replaced: no new fetch
    expect(fetches).toBe(2);
  });

  it('throws TokenExpiredError when the source hands out an expired token', async () => {
    const provider = createTokenProvider({
      fetchToken: async () => ({ token: 'x', expiresAt: Date.now() - 1 }),
    });
    await expect(provider.getToken()).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });
});

describe('transport auth', () => {
  const server = useTestServer();

  it('sends Bearer, and on 401 refreshes once and repeats the request once (even a POST)', async () => {
    let fetches = 0;
    const auth = createTokenProvider({
      fetchToken: async () => ({ token: `token-${++fetches}`, expiresAt: Date.now() + 3_600_000 }),
    });
    server.respond(json(401, { error: 'invalid_token' }), json(200, { ok: true }));
    const transport = createTransport({ baseUrl: server.url, auth });
    const result = await transport.raw({ path: '/orders', method: 'POST', json: {} });
    expect(result.data).toEqual({ ok: true });
    expect(result.attempts).toBe(2);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('a second 401 is final: HttpError 401, no loop', async () => {
    let fetches = 0;
    const auth = createTokenProvider({
      fetchToken: async () => ({ token: `token-${++fetches}`, expiresAt: Date.now() + 3_600_000 }),
    });
    server.respond(json(401, { error: 'invalid_token' }));
    const transport = createTransport({ baseUrl: server.url, auth });
    const error = (await transport.get('/me').catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(401);
    expect(server.requests).toHaveLength(2);
    expect(fetches).toBe(2);
  });

  it('concurrent 401s share one refresh', async () => {
    let fetches = 0;
    const auth = createTokenProvider({
      fetchToken: async () => ({ token: `token-${++fetches}`, expiresAt: Date.now() + 3_600_000 }),
    });
    const transport = createTransport({ baseUrl: server.url, auth });
    server.respond(json(200, {}));
    await transport.get('/warm'); // token-1 cached
    server.respond((req, res) => {
      const ok = req.headers.authorization === 'Bearer token-2';
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok }));
    });
    const results = await Promise.all(Array.from({ length: 5 }, () => transport.get('/me')));
    expect(results).toEqual(Array.from({ length: 5 }, () => ({ ok: true })));
    expect(fetches).toBe(2);
  });
});
