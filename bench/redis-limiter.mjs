#!/usr/bin/env node
// @goskit/redis costs, each against its raw baseline measured in the same run on the same private
// redis-server (127.0.0.1, no persistence):
// - limiter: createRedisRateLimiter acquire+release (a rate high enough never to wait, so what is
//   measured is the atomic script and our bookkeeping) vs a bare INCR round trip on the same client;
//   acquires per second and p99 latency, sequential and with 16 calls in flight;
// - store: RedisStore get/set of an ESIA pending-login record vs raw GET/SET of the same JSON;
// - transport: what the Redis limiter adds to one HTTP call through core's createTransport (against
//   a bare node:http server in a child process), beside core's in-memory limiter.
// Rounds are rotated between modes so machine drift hits each alike. Builds @goskit/core and
// @goskit/redis first when their dist/ is missing.   Run alone: node bench/redis-limiter.mjs
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurePaired } from './helpers/paired-rounds.mjs';
import { startRedisServer } from './redis-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function ensureBuilt() {
  for (const dir of ['packages/core', 'packages/redis']) {
    if (!existsSync(join(root, dir, 'dist/index.js'))) {
      console.log(`bench: building ${dir}…`);
      const result = spawnSync('pnpm', ['exec', 'tsup'], { cwd: join(root, dir), stdio: 'inherit' });
      if (result.status !== 0) {
        throw new Error(`build of ${dir} failed`);
      }
    }
  }
}

/** `node bench/redis-limiter.mjs --serve`: a bare HTTP server printing its port. */
function serve() {
  const body = '{"ok":true}';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
  process.stdin.on('end', () => process.exit(0)).resume();
}

async function startHttpServer() {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (data) => resolve(String(data).trim()));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.stdin.end() };
}

export async function run() {
  ensureBuilt();
  const { createRateLimiter, createTransport } = await import('../packages/core/dist/index.js');
  const { connectRedis, createRedisRateLimiter, RedisStore } = await import(
    '../packages/redis/dist/index.js'
  );
  const require = createRequire(join(root, 'packages/redis/package.json'));
  const { createClient } = require('@redis/client');

  const redis = await startRedisServer();
  const http = await startHttpServer();
  const raw = createClient({ url: redis.url, RESP: 2 });
  raw.on('error', () => {});
  await raw.connect();
  const connection = connectRedis(redis.url);
  const results = [];
  try {
    // A rate no run can reach: acquire never waits, so its cost is the script and our work.
    const limiter = createRedisRateLimiter({
      redis: connection,
      prefix: 'bench:rl:',
      ratePerSecond: 1e9,
      burst: 1e9,
    });
    for (const concurrency of [1, 16]) {
      const m = await measurePaired(
        {
          incr: () => raw.sendCommand(['INCR', 'bench:counter']),
          limiterAcquire: async () => (await limiter.acquire('portal'))(),
        },
        {
          rounds: 40,
          calls: concurrency === 1 ? 250 : 1000,
          concurrency,
          warmupCalls: concurrency === 1 ? 750 : 3000,
          latencies: true,
        },
      );
      results.push({
        name: `limiter acquire vs INCR, concurrency ${concurrency}`,
        incrPerSec: m.incr.perSecond,
        acquirePerSec: m.limiterAcquire.perSecond,
        incrP99Us: m.incr.p99Us,
        acquireP99Us: m.limiterAcquire.p99Us,
        acquireP50Us: m.limiterAcquire.p50Us,
        ratio: m.limiterAcquire.ratio,
      });
    }

    // An ESIA pending login as the store keeps it.
    const pending = {
      state: '6b1f0a52-7c55-4c1b-9c59-2f8d2a0f1c3e',
      codeVerifier: 'x'.repeat(64),
      scopes: ['openid', 'fullname', 'http://lk.gosuslugi.ru/api-order'],
      redirectUri: 'https://school.example/callback',
      createdAt: new Date('2026-09-01T06:00:00Z'),
      data: { back: '/diary' },
    };
    const json = JSON.stringify(pending);
    const store = new RedisStore({ redis: connection, prefix: 'bench:kv:' });
    await store.set('login', pending);
    await raw.sendCommand(['SET', 'bench:raw:login', json]);
    for (const concurrency of [1, 16]) {
      const calls = concurrency === 1 ? 250 : 1000;
      const get = await measurePaired(
        {
          rawGet: async () => JSON.parse(await raw.sendCommand(['GET', 'bench:raw:login'])),
          storeGet: () => store.get('login'),
        },
        { rounds: 30, calls, concurrency, warmupCalls: calls * 3, latencies: true },
      );
      const set = await measurePaired(
        {
          rawSet: (i) =>
            raw.sendCommand(['SET', `bench:raw:s${i % 64}`, JSON.stringify(pending), 'PX', '600000']),
          storeSet: (i) => store.set(`s${i % 64}`, pending, { ttlMs: 600_000 }),
        },
        { rounds: 30, calls, concurrency, warmupCalls: calls * 3, latencies: true },
      );
      results.push({
        name: `store get/set vs raw client (JSON.parse/stringify), concurrency ${concurrency}`,
        rawGetUs: get.rawGet.usPerCall,
        storeGetUs: get.storeGet.usPerCall,
        getRatio: get.storeGet.ratio,
        rawSetUs: set.rawSet.usPerCall,
        storeSetUs: set.storeSet.usPerCall,
        setRatio: set.storeSet.ratio,
      });
    }

    // One transport call without a limiter, with core's memory limiter, with the Redis limiter.
    const plain = createTransport({ baseUrl: http.base, retry: false });
    const withMemory = createTransport({
      baseUrl: http.base,
      retry: false,
      rateLimit: createRateLimiter({ ratePerSecond: 1e9, burst: 1e9 }),
    });
    const withRedis = createTransport({ baseUrl: http.base, retry: false, rateLimit: limiter });
    for (const concurrency of [1, 16]) {
      const m = await measurePaired(
        {
          transport: () => plain.get('/x'),
          transportMemoryLimiter: () => withMemory.get('/x'),
          transportRedisLimiter: () => withRedis.get('/x'),
        },
        {
          rounds: 40,
          calls: concurrency === 1 ? 100 : 400,
          concurrency,
          warmupCalls: concurrency === 1 ? 300 : 1200,
          latencies: true,
        },
      );
      results.push({
        name: `transport call + limiter, concurrency ${concurrency}`,
        transportUs: m.transport.usPerCall,
        memoryLimiterUs: m.transportMemoryLimiter.usPerCall,
        redisLimiterUs: m.transportRedisLimiter.usPerCall,
        redisAddsUs: +(m.transportRedisLimiter.usPerCall - m.transport.usPerCall).toFixed(1),
        redisRatio: m.transportRedisLimiter.ratio,
        redisP99Us: m.transportRedisLimiter.p99Us,
        transportP99Us: m.transport.p99Us,
      });
    }
    await limiter.close();
  } finally {
    await raw.close();
    await connection.close();
    http.stop();
    await redis.stop();
  }
  const summary = { name: 'redis-limiter', node: process.version, results };
  return summary;
}

if (process.argv.includes('--serve')) {
  serve();
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const summary = await run();
  for (const row of summary.results) {
    console.log(JSON.stringify(row));
  }
}
