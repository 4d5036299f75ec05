#!/usr/bin/env node
// @goskit/core transport overhead: GET + JSON + zod validation through createTransport (ky underneath)
// versus raw fetch + JSON.parse, against the same bare node:http server on 127.0.0.1, in the same run.
// A third mode, bare ky (same options the transport gives it, no validation), splits the overhead into
// ky's share and goskit's share. Rounds rotate the modes so that load from other processes hits all
// alike; the figure per mode is the median round. Wall time and process CPU time (client + server in
// this process) are both reported: CPU time is steadier on a shared, busy machine.
// Sequential and with concurrency 16. A last section swaps the network for an in-process fetch double
// (a ready Response): no sockets, so what remains is JS overhead alone — ky's and goskit's share — and
// it is far steadier on a busy machine than the loopback figures.
// Build first: cd packages/core && pnpm tsup.   Run alone: node bench/core-transport.mjs
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createTransport } from '../packages/core/dist/index.js';

// zod and ky are dependencies of @goskit/core, resolved from there (the root has neither).
const coreRequire = createRequire(new URL('../packages/core/package.json', import.meta.url));
const { z } = coreRequire('zod');
const { default: ky } = await import(pathToFileURL(coreRequire.resolve('ky')).href);

const ROUNDS = 25;
const CALLS_PER_ROUND = 250;
const CONCURRENCY = 16;

const payload = JSON.stringify({
  id: 42,
  name: 'Демо школа',
  region: '77',
  classes: [
    { id: 1, name: '5А', students: 27 },
    { id: 2, name: '10Б', students: 24 },
  ],
  updatedAt: '2026-11-23T12:00:00Z',
});
const School = z.object({
  id: z.number(),
  name: z.string(),
  region: z.string(),
  classes: z.array(z.object({ id: z.number(), name: z.string(), students: z.number() })),
  updatedAt: z.string(),
});

function startServer() {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function timeRound(call, calls, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      next += 1;
      await call();
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = ((performance.now() - started) * 1000) / calls; // µs per call
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / calls };
}

/** Same three modes with a fetch double: isolates the per-call JS work of ky and of the transport. */
async function measureWithoutNetwork(base) {
  const fetchDouble = async () => new Response(payload, { headers: { 'content-type': 'application/json' } });
  const url = `${base}/schools/42`;
  const transport = createTransport({ baseUrl: base, fetch: fetchDouble });
  const bareKy = ky.create({ retry: 0, timeout: false, throwHttpErrors: false, fetch: fetchDouble });
  const modes = {
    // raw: the Request that fetch() would build, then the same read and parse
    baseline: async () => {
      new Request(url);
      return JSON.parse(await (await fetchDouble()).text());
    },
    ky: async () => JSON.parse(await (await bareKy(url)).text()),
    transport: () => transport.get('/schools/42', { schema: School }),
  };
  const names = Object.keys(modes);
  const calls = 1000;
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) {
    await timeRound(modes[name], calls, 1);
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const name of names) {
      samples[name].push((await timeRound(modes[name], calls, 1)).cpu);
    }
  }
  const m = Object.fromEntries(names.map((n) => [n, median(samples[n])]));
  return {
    name: 'JS overhead only (fetch double), concurrency 1, cpu',
    concurrency: 1,
    baselineUsPerCall: +m.baseline.toFixed(1),
    kyUsPerCall: +m.ky.toFixed(1),
    transportUsPerCall: +m.transport.toFixed(1),
    kyShareUsPerCall: +(m.ky - m.baseline).toFixed(1),
    goskitShareUsPerCall: +(m.transport - m.ky).toFixed(1),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run() {
  const server = await startServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  const url = `${base}/schools/42`;
  const transport = createTransport({ baseUrl: base });
  const bareKy = ky.create({ retry: 0, timeout: false, throwHttpErrors: false });

  const modes = {
    baseline: async () => JSON.parse(await (await fetch(url)).text()),
    ky: async () => JSON.parse(await (await bareKy(url)).text()),
    transport: () => transport.get('/schools/42', { schema: School }),
  };
  // Sanity: both return the same data.
  const [a, b] = [await modes.baseline(), await modes.transport()];
  if (JSON.stringify(a) !== JSON.stringify(School.parse(b))) {
    throw new Error('baseline and transport disagree');
  }

  const results = [];
  try {
    for (const concurrency of [1, CONCURRENCY]) {
      for (const call of Object.values(modes)) {
        await timeRound(call, 500, concurrency); // warm-up: JIT, sockets
      }
      const names = Object.keys(modes);
      const wall = Object.fromEntries(names.map((n) => [n, []]));
      const cpu = Object.fromEntries(names.map((n) => [n, []]));
      for (let round = 0; round < ROUNDS; round += 1) {
        // Rotate the order, so no mode always runs right after another.
        const order = names.map((_, i) => names[(i + round) % names.length]);
        for (const mode of order) {
          const sample = await timeRound(modes[mode], CALLS_PER_ROUND, concurrency);
          wall[mode].push(sample.wall);
          cpu[mode].push(sample.cpu);
        }
      }
      const w = Object.fromEntries(names.map((n) => [n, median(wall[n])]));
      const c = Object.fromEntries(names.map((n) => [n, median(cpu[n])]));
      results.push({
        name: `GET + JSON + zod, concurrency ${concurrency}`,
        concurrency,
        baselineUsPerCall: +w.baseline.toFixed(1),
        kyUsPerCall: +w.ky.toFixed(1),
        transportUsPerCall: +w.transport.toFixed(1),
        ratio: +(w.transport / w.baseline).toFixed(3),
        kyRatio: +(w.ky / w.baseline).toFixed(3),
        cpu: {
          baselineUsPerCall: +c.baseline.toFixed(1),
          kyUsPerCall: +c.ky.toFixed(1),
          transportUsPerCall: +c.transport.toFixed(1),
          ratio: +(c.transport / c.baseline).toFixed(3),
          kyRatio: +(c.ky / c.baseline).toFixed(3),
          goskitShareUsPerCall: +(c.transport - c.ky).toFixed(1),
        },
        target: 1.15,
      });
    }
    results.push(await measureWithoutNetwork(base));
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  const row = (cells) =>
    cells
      .map((cell, i) =>
        String(cell)
          .padStart(i === 0 ? 0 : 12)
          .padEnd(i === 0 ? 34 : 0),
      )
      .join(' ');
  console.log(row(['µs/call (median round)', 'raw fetch', 'bare ky', 'transport', 'ratio', 'ky ratio']));
  for (const r of results) {
    if (r.cpu === undefined) {
      console.log(
        row([
          r.name.replace(', concurrency 1, cpu', ''),
          r.baselineUsPerCall,
          r.kyUsPerCall,
          r.transportUsPerCall,
        ]),
      );
      console.log(
        `  ky's share ${r.kyShareUsPerCall} µs/call, goskit's share ${r.goskitShareUsPerCall} µs/call`,
      );
      continue;
    }
    console.log(
      row([`${r.name} wall`, r.baselineUsPerCall, r.kyUsPerCall, r.transportUsPerCall, r.ratio, r.kyRatio]),
    );
    const cpuRow = r.cpu;
    console.log(
      row([
        `${r.name} cpu`,
        cpuRow.baselineUsPerCall,
        cpuRow.kyUsPerCall,
        cpuRow.transportUsPerCall,
        cpuRow.ratio,
        cpuRow.kyRatio,
      ]),
    );
  }
  console.log('target: transport ≤ 1.15 × raw fetch');
  const summary = {
    name: 'core-transport',
    node: process.version,
    rounds: ROUNDS,
    callsPerRound: CALLS_PER_ROUND,
    results,
  };
  console.log(JSON.stringify(summary));
  return summary;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run();
}
