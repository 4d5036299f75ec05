/**
 * Four real processes, each an instance with its own Redis connection and goskit clients, against
 * the simulator started in-process as an HTTP server (`sim.listen({ port: 0 })`): a shared Redis
 * limiter keeps them together under EPGU's limit (the simulator's journal has no 429 and no window
 * over the limit, while four local limiters do get 429s); an ESIA login started in one process
 * finishes in another and only once; an expired ESIA token is refreshed once for all four.
 */

import type { EsiaTokens } from '@goskit/gosuslugi';
import { createSimulator, demoEsiaClient, type Simulator, type SimulatorServer } from '@goskit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThroughPages } from '../../gosuslugi/test/helpers/browser-walk.js';
import { demoParent } from '../../gosuslugi/test/helpers/simulator-client.js';
import { connectRedis, createSharedTokenProvider } from '../src/index.js';
import { type Instance, InstanceError, startInstance } from './helpers/instances.js';
import { type RedisServer, startRedisServer } from './helpers/redis-server.js';

const REDIRECT = 'http://localhost:3000/callback';
const SERVICE = { region: '45000000000', serviceCode: '10000000367', targetCode: '-10000000367' };
// The portal's limit, and the instances' shared limit kept a little below it (a safety margin
// for the network and the simulator clock's 1 ms steps).
const PORTAL = { ratePerSecond: 20, burst: 5 };
const SHARED = { ratePerSecond: 16, burst: 3 };

let redis: RedisServer;
let sim: Simulator;
let http: SimulatorServer;
let clockSync: ReturnType<typeof setInterval>;
let instances: Instance[] = [];
let loginTokens: EsiaTokens;
let orderId: number;

beforeAll(async () => {
  redis = await startRedisServer();
  // The simulator's clock follows real time here: the portal's bucket refills as the instances' do.
  sim = createSimulator({ seed: 'redis-multi-process', clock: Date.now(), rateLimits: { epgu: PORTAL } });
  clockSync = setInterval(() => sim.clock.set(Date.now()), 1);
  http = await sim.listen({ port: 0 });
  const demo = demoEsiaClient(sim);
  instances = [0, 1, 2, 3].map(() => startInstance());
  await Promise.all(
    instances.map((instance) =>
      instance.call(
        {
          type: 'setup',
          setup: {
            redisUrl: redis.url,
            esiaBaseUrl: http.baseUrl('esia'),
            epguBaseUrl: http.baseUrl('epgu'),
            clientId: demo.clientId,
            privateKeyPem: demo.privateKeyPem,
            certificatePem: demo.certificatePem,
            redirectUri: REDIRECT,
          },
        },
        60_000,
      ),
    ),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  clearInterval(clockSync);
  await http?.close();
  await redis?.stop();
});

/** Most entries in any window of `windowMs` (journal times are the simulator's clock = real time). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) {
      start += 1;
    }
    best = Math.max(best, end - start + 1);
  }
  return best;
}

async function login(): Promise<{ callback: string; state: string }> {
  const start = await instances[0]!.call<{ url: string; state: string }>({ type: 'esia-start' });
  const callback = await loginThroughPages(start.url, REDIRECT, demoParent(sim));
  return { callback, state: start.state };
}

describe('several processes sharing Redis', () => {
  it('an ESIA login started in one process finishes in another, once', async () => {
    const { callback, state } = await login();
    expect(new URL(callback).searchParams.get('state')).toBe(state);
    loginTokens = await instances[1]!.call<EsiaTokens>({ type: 'esia-finish', callbackUrl: callback });
    expect(loginTokens.oid).toBe(demoParent(sim).oid);
    expect(loginTokens.refreshToken).toBeDefined();
    expect(loginTokens.expiresAt).toBeInstanceOf(Date);
    // the pending login was taken: a replay in a third process is refused
    const replay = await instances[2]!
      .call({ type: 'esia-finish', callbackUrl: callback })
      .catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(InstanceError);
    expect((replay as InstanceError).details.code).toBe('STATE_MISMATCH');
  });

  it('four processes under one Redis limiter never exceed the portal limit', async () => {
    orderId = await instances[3]!.call<number>({
      type: 'epgu-create-order',
      accessToken: loginTokens.accessToken,
      service: SERVICE,
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the portal bucket refills
    const since = sim.clock.now();
    const outcomes = await Promise.all(
      instances.map((instance) =>
        instance.call<string[]>(
          {
            type: 'epgu-burst',
            accessToken: loginTokens.accessToken,
            calls: 12,
            orderId,
            limiter: { shared: true, prefix: 'mp:limit:shared:', ...SHARED },
          },
          60_000,
        ),
      ),
    );
    expect(outcomes.flat()).toEqual(Array(48).fill('ok'));
    const entries = sim.journal.find({ portal: 'epgu', operation: 'getOrder', since });
    expect(entries).toHaveLength(48);
    expect(entries.filter((entry) => entry.status === 429 || entry.effects.includes('rate-limit'))).toEqual(
      [],
    );
    const times = entries.map((entry) => Date.parse(entry.time));
    for (const windowMs of [250, 500, 1000]) {
      // a token bucket lets through at most burst + rate·W calls in any window W
      expect(maxInWindow(times, windowMs)).toBeLessThanOrEqual(
        PORTAL.burst + Math.floor((PORTAL.ratePerSecond * windowMs) / 1000),
      );
    }
  });

  it('(control) four processes with their own local limiters at the same rate get 429s', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500)); // the portal bucket refills
    const since = sim.clock.now();
    const outcomes = await Promise.all(
      instances.map((instance) =>
        instance.call<string[]>(
          {
            type: 'epgu-burst',
            accessToken: loginTokens.accessToken,
            calls: 12,
            orderId,
            limiter: { shared: false, prefix: 'unused', ...SHARED },
          },
          60_000,
        ),
      ),
    );
    expect(outcomes.flat()).toContain('429');
    expect(sim.journal.count({ portal: 'epgu', operation: 'getOrder', status: 429, since })).toBeGreaterThan(
      0,
    );
  });

  it('an expired ESIA token is refreshed once for all processes', async () => {
    const name = `esia:user:${loginTokens.oid}`;
    const connection = connectRedis(redis.url);
    const seeder = createSharedTokenProvider<EsiaTokens>({
      redis: connection,
      name,
      fetchToken: async () => {
        throw new Error('the seeder never refreshes');
      },
    });
    // the login's tokens, stored as expiring in a moment
    await seeder.seed({ token: loginTokens.accessToken, expiresAt: Date.now() + 300, data: loginTokens });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const since = sim.clock.now();
    const tokens = await Promise.all(
      instances.map((instance) => instance.call<string>({ type: 'shared-token', name })),
    );
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(loginTokens.accessToken);
    expect(sim.journal.count({ portal: 'esia', operation: 'token', since })).toBe(1);
    const record = await seeder.read();
    expect(record?.token).toBe(tokens[0]);
    expect(record?.data?.refreshToken).toBeDefined();
    await seeder.close();
  });
});
