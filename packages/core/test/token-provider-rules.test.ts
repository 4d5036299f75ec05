/**
 * The token provider's rules at their edges: expiry is exclusive, refresh-ahead is half of the
 * lifetime counted from the fetch, a failed fetch is retried by the next caller, clear() discards a
 * fetch already in flight, an older fetch that fails or lands does not disturb a newer one. Written
 * where mutation testing (`pnpm mutation core`) found them unguarded.
 */
import { createTokenProvider, type TokenFetchReason } from '@goskit/core';
import { describe, expect, it } from 'vitest';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type Fetched = { token: string; expiresAt: number };

/** Lets every promise callback that is already due run. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A provider whose fetches wait until the test settles them, in the order they were started. */
function heldProvider(now: () => number = () => 0) {
  const fetches: { reason: TokenFetchReason; result: ReturnType<typeof deferred<Fetched>> }[] = [];
  const provider = createTokenProvider({
    now,
    fetchToken: (reason) => {
      const result = deferred<Fetched>();
      fetches.push({ reason, result });
      return result.promise;
    },
  });
  return { provider, fetches };
}

describe('expiry is exclusive: a token is no longer valid at its expiresAt', () => {
  it('a token handed out already at its expiry is TokenExpiredError', async () => {
    const provider = createTokenProvider({
      now: () => 1_000,
      fetchToken: async () => ({ token: 't', expiresAt: 1_000 }),
    });
    await expect(provider.getToken()).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('at expiresAt the refetch reason is "expired", one ms before it "expiring"', async () => {
    let clock = 0;
    const reasons: TokenFetchReason[] = [];
    const provider = createTokenProvider({
      now: () => clock,
      fetchToken: async (reason) => {
        reasons.push(reason);
        return { token: `t${reasons.length}`, expiresAt: clock + 600_000 };
      },
    });
    await provider.getToken();
    clock = 599_999;
    await provider.getToken();
    clock = 599_999 + 600_000;
    await provider.getToken();
    expect(reasons).toEqual(['initial', 'expiring', 'expired']);
  });

  it('when the refresh fails exactly at expiry, the old token is not handed out', async () => {
    let clock = 0;
    let fail = false;
    const provider = createTokenProvider({
      now: () => clock,
      fetchToken: async () => {
        if (fail) {
          throw new Error('idp down');
        }
        return { token: 'old', expiresAt: 600_000 };
      },
    });
    await provider.getToken();
    fail = true;
    clock = 599_999;
    expect(await provider.getToken()).toBe('old');
    clock = 600_000;
    await expect(provider.getToken()).rejects.toThrow('idp down');
  });

  it('forceRefresh(rejected) does not return another token that has expired meanwhile', async () => {
    let clock = 0;
    let n = 0;
    const provider = createTokenProvider({
      now: () => clock,
      fetchToken: async () => ({ token: `t${++n}`, expiresAt: clock + 600_000 }),
    });
    const first = await provider.getToken();
    const second = await provider.forceRefresh();
    expect(second).toBe('t2');
    clock = 600_000; // t2 expires exactly now
    expect(await provider.forceRefresh(first)).toBe('t3');
  });
});

describe('refresh-ahead', () => {
  it('is half the lifetime counted from when the fetch started, not from the epoch', async () => {
    let clock = 1_000_000;
    let fetches = 0;
    const provider = createTokenProvider({
      now: () => clock,
      fetchToken: async () => ({ token: `t${++fetches}`, expiresAt: clock + 60_000 }),
    });
    await provider.getToken();
    clock = 1_029_999;
    await provider.getToken();
    expect(fetches).toBe(1);
    clock = 1_030_000;
    await provider.getToken();
    expect(fetches).toBe(2);
  });
});

describe('failed and superseded fetches', () => {
  it('a failed fetch is not joined by the next caller: it fetches again', async () => {
    let attempt = 0;
    const provider = createTokenProvider({
      fetchToken: async () => {
        attempt += 1;
        if (attempt === 1) {
          throw new Error('idp down');
        }
        return { token: 'ok', expiresAt: Date.now() + 600_000 };
      },
    });
    await expect(provider.getToken()).rejects.toThrow('idp down');
    expect(await provider.getToken()).toBe('ok');
    expect(attempt).toBe(2);
  });

  it('when an older fetch fails while a newer one runs, its caller gets the newer token', async () => {
    const { provider, fetches } = heldProvider();
    const waiting = provider.getToken();
    const forced = provider.forceRefresh();
    fetches[0]?.result.reject(new Error('old fetch failed'));
    await flush(); // the failure is seen while the newer fetch is still running
    fetches[1]?.result.resolve({ token: 'new', expiresAt: 600_000 });
    expect(await waiting).toBe('new');
    expect(await forced).toBe('new');
  });

  it('an older fetch landing first does not hide the newer one still running', async () => {
    const { provider, fetches } = heldProvider();
    const waiting = provider.getToken();
    const forced = provider.forceRefresh();
    fetches[0]?.result.resolve({ token: 'old', expiresAt: 600_000 });
    await flush();
    expect(provider.peek()?.token).toBe('old');
    // The newer fetch is still in flight: a caller rejected with 'old' joins it instead of starting a third.
    const joined = provider.forceRefresh('old');
    fetches[1]?.result.resolve({ token: 'new', expiresAt: 600_000 });
    expect(await joined).toBe('new');
    expect(await forced).toBe('new');
    expect(await waiting).toBe('new');
    expect(fetches).toHaveLength(2);
  });
});

describe('clear()', () => {
  it('forgets the token: peek() is empty and the next call fetches', async () => {
    let n = 0;
    const provider = createTokenProvider({
      fetchToken: async () => ({ token: `t${++n}`, expiresAt: Date.now() + 600_000 }),
    });
    expect(await provider.getToken()).toBe('t1');
    provider.clear();
    expect(provider.peek()).toBeUndefined();
    expect(await provider.getToken()).toBe('t2');
  });

  it('a fetch in flight at clear() was asked for before it: its token is discarded, not applied', async () => {
    const { provider, fetches } = heldProvider();
    const before = provider.getToken();
    provider.clear();
    const after = provider.getToken(); // must not join the fetch started before the clear
    expect(fetches).toHaveLength(2);
    fetches[0]?.result.resolve({ token: 'before-logout', expiresAt: 600_000 });
    await flush();
    expect(provider.peek()).toBeUndefined();
    fetches[1]?.result.resolve({ token: 'after-logout', expiresAt: 600_000 });
    expect(await after).toBe('after-logout');
    expect(await before).toBe('after-logout');
  });
});

describe('options and aborts', () => {
  it('a clock that is not { now() } is refused, naming createTokenProvider', () => {
    const fetchToken = async () => ({ token: 't', expiresAt: 600_000 });
    expect(() => createTokenProvider({ fetchToken, clock: null as never })).toThrow(
      /^createTokenProvider: clock must be an object with a now\(\) method/,
    );
  });

  it('a caller that stops waiting for a refresh-ahead gets its abort, not the old token', async () => {
    let now = 0;
    const { provider, fetches } = heldProvider(() => now);
    const first = provider.getToken();
    fetches[0]?.result.resolve({ token: 'old', expiresAt: 600_000 });
    expect(await first).toBe('old');
    now = 400_000; // past refreshAt (300 000), before expiry: a refresh starts and callers wait for it
    const controller = new AbortController();
    const waiting = provider.getToken({ signal: controller.signal });
    expect(fetches).toHaveLength(2);
    controller.abort(new Error('caller gave up'));
    await expect(waiting).rejects.toThrow('caller gave up');
    // Without a signal, the same failed wait falls back to the old token while it is valid.
    const patient = provider.getToken();
    fetches[1]?.result.reject(new Error('portal down'));
    expect(await patient).toBe('old');
  });
});
