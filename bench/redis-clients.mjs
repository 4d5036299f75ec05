#!/usr/bin/env node
// Which Redis client @goskit/redis builds on (docs/decisions/030): node-redis (@redis/client) versus
// ioredis, each on its own connection to one private redis-server on 127.0.0.1, in the same run.
// Cases: GET, SET PX, and EVALSHA of a small script (what the limiter sends), sequential and with
// 16 calls in flight. Rounds are rotated between the clients so machine drift hits both alike;
// reported: median µs per call and calls per second, and ioredis/node-redis ratios.
// Run alone: node bench/redis-clients.mjs
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { measurePaired, median } from './helpers/paired-rounds.mjs';
import { startRedisServer } from './redis-server.mjs';

const SCRIPT = "local v = redis.call('INCR', KEYS[1]); redis.call('PEXPIRE', KEYS[1], ARGV[1]); return v";

export async function run() {
  const require = createRequire(new URL('../packages/redis/package.json', import.meta.url));
  const { createClient } = require('@redis/client');
  const { Redis } = require('ioredis');
  const server = await startRedisServer();
  const nodeRedis = createClient({ url: server.url });
  nodeRedis.on('error', () => {});
  await nodeRedis.connect();
  const ioredis = new Redis(server.url, { lazyConnect: true });
  ioredis.on('error', () => {});
  await ioredis.connect();
  // ioredis batches writes only when asked to; node-redis always does. Both ways are measured.
  const ioPiped = new Redis(server.url, { lazyConnect: true, enableAutoPipelining: true });
  ioPiped.on('error', () => {});
  await ioPiped.connect();
  const results = [];
  try {
    const sha = await nodeRedis.sendCommand(['SCRIPT', 'LOAD', SCRIPT]);
    const value = JSON.stringify({ state: 'x'.repeat(64), createdAt: 1_790_000_000_000 });
    await nodeRedis.sendCommand(['SET', 'bench:get', value]);
    const cases = {
      GET: {
        nodeRedis: () => nodeRedis.sendCommand(['GET', 'bench:get']),
        ioredis: () => ioredis.call('GET', 'bench:get'),
        ioredisAutoPipelining: () => ioPiped.call('GET', 'bench:get'),
      },
      'SET PX': {
        nodeRedis: (i) => nodeRedis.sendCommand(['SET', `bench:set:${i % 64}`, value, 'PX', '60000']),
        ioredis: (i) => ioredis.call('SET', `bench:set:${i % 64}`, value, 'PX', '60000'),
        ioredisAutoPipelining: (i) => ioPiped.call('SET', `bench:set:${i % 64}`, value, 'PX', '60000'),
      },
      EVALSHA: {
        nodeRedis: () => nodeRedis.sendCommand(['EVALSHA', sha, '1', 'bench:eval', '60000']),
        ioredis: () => ioredis.call('EVALSHA', sha, '1', 'bench:eval', '60000'),
        ioredisAutoPipelining: () => ioPiped.call('EVALSHA', sha, '1', 'bench:eval', '60000'),
      },
    };
    for (const concurrency of [1, 16]) {
      for (const [name, modes] of Object.entries(cases)) {
        const calls = concurrency === 1 ? 200 : 800;
        const m = await measurePaired(modes, { rounds: 60, calls, concurrency, warmupCalls: calls * 5 });
        results.push({
          name: `${name}, concurrency ${concurrency}`,
          nodeRedisUsPerCall: +m.nodeRedis.usPerCall,
          ioredisUsPerCall: +m.ioredis.usPerCall,
          ioredisAutoPipeliningUsPerCall: +m.ioredisAutoPipelining.usPerCall,
          nodeRedisPerSec: Math.round(1e6 / m.nodeRedis.usPerCall),
          ioredisToNodeRedis: +(m.ioredis.usPerCall / m.nodeRedis.usPerCall).toFixed(3),
          ioredisAutoPipeliningToNodeRedis: +(
            m.ioredisAutoPipelining.usPerCall / m.nodeRedis.usPerCall
          ).toFixed(3),
        });
      }
    }
  } finally {
    await nodeRedis.close();
    ioredis.disconnect();
    ioPiped.disconnect();
    await server.stop();
  }
  // Cold start: loading each client module in a fresh process (what a serverless instance pays).
  for (const [label, module] of [
    ['@redis/client', '@redis/client'],
    ['ioredis', 'ioredis'],
  ]) {
    const script = `const t=performance.now();require(${JSON.stringify(module)});console.log(performance.now()-t)`;
    const samples = [];
    for (let i = 0; i < 5; i += 1) {
      const out = spawnSync(process.execPath, ['-e', script], {
        cwd: new URL('../packages/redis/', import.meta.url),
      });
      samples.push(Number(String(out.stdout).trim()));
    }
    results.push({ name: `cold require of ${label}`, medianMs: +median(samples).toFixed(0) });
  }
  const summary = { name: 'redis-clients', node: process.version, results };
  if (import.meta.url === `file://${process.argv[1]}`) {
    console.table(results);
  }
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run();
}
