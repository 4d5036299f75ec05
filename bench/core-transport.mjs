#!/usr/bin/env node
// @goskit/core transport overhead: GET + JSON + zod validation through createTransport versus raw
// fetch + JSON.parse, against the same bare node:http server on 127.0.0.1, in the same run.
// Two more modes split the picture: bare ky (the options the ky engine gives it, no validation) and
// the transport on its ky engine (`engine: 'ky'`).
// Method, chosen for a small, busy 2-core VM where run-to-run drift is larger than what we measure:
// - the server runs in a child process, so the CPU time we read is the client's alone;
// - many short rounds, the modes rotated inside each round, so drift hits every mode alike;
// - the ratio is paired: each mode's round is divided by the raw-fetch round next to it, and the
//   median of those ratios is reported (plus the median µs per call of each mode).
// Sequential and with concurrency 16. A last section swaps the network for an in-process fetch double
// (a ready Response): no sockets, so what remains is JS work alone.
// Build first: cd packages/core && pnpm tsup.   Run alone: node bench/core-transport.mjs
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measurePaired } from './helpers/paired-rounds.mjs';

const TARGET = 1.15;
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

/** `node bench/core-transport.mjs --serve`: the bare server, printing its port. */
function serve() {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
  // Ends with its parent: stdin closes when the bench process exits, however it exits.
  process.stdin.on('end', () => process.exit(0)).resume();
}

async function startServerProcess() {
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
  const { createTransport } = await import('../packages/core/dist/index.js');
  // zod and ky are dependencies of @goskit/core, resolved from there (the root has neither).
  const coreRequire = createRequire(new URL('../packages/core/package.json', import.meta.url));
  const { z } = coreRequire('zod');
  const { default: ky } = await import(pathToFileURL(coreRequire.resolve('ky')).href);
  const School = z.object({
    id: z.number(),
    name: z.string(),
    region: z.string(),
    classes: z.array(z.object({ id: z.number(), name: z.string(), students: z.number() })),
    updatedAt: z.string(),
  });

  const server = await startServerProcess();
  const results = [];
  try {
    const url = `${server.base}/schools/42`;
    const transport = createTransport({ baseUrl: server.base });
    const onKy = createTransport({ baseUrl: server.base, engine: 'ky' });
    const bareKy = ky.create({ retry: 0, timeout: false, throwHttpErrors: false });
    const raw = async () => JSON.parse(await (await fetch(url)).text());
    // The target pair runs on its own: ky's garbage (Requests, signals, finalizers) would otherwise be
    // collected during whichever round follows it.
    const target = { raw, transport: () => transport.get('/schools/42', { schema: School }) };
    const context = {
      raw,
      // What any per-request timeout costs with Node's fetch: it links every request to a signal.
      rawWithTimeout: async () =>
        JSON.parse(await (await fetch(url, { signal: AbortSignal.timeout(10_000) })).text()),
      bareKy: async () => JSON.parse(await (await bareKy(url)).text()),
      transportOnKy: () => onKy.get('/schools/42', { schema: School }),
    };
    const [a, b] = [await target.raw(), await target.transport()];
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      throw new Error('baseline and transport disagree');
    }
    for (const concurrency of [1, 16]) {
      // Rounds of a few calls (one burst of `concurrency` calls): the finer the pairing, the less
      // the machine's drift shows in the ratio.
      const calls = concurrency === 1 ? 4 : concurrency;
      const m = {
        ...(await measurePaired(context, { rounds: 400, calls, concurrency })),
        ...(await measurePaired(target, { rounds: 2000, calls, concurrency })),
      };
      results.push({
        name: `GET + JSON + zod, concurrency ${concurrency}`,
        concurrency,
        rawUsPerCall: m.raw.usPerCall,
        transportUsPerCall: m.transport.usPerCall,
        ratio: m.transport.ratio,
        cpuRatio: m.transport.cpuRatio,
        rawWithTimeoutRatio: m.rawWithTimeout.ratio,
        bareKyRatio: m.bareKy.ratio,
        transportOnKyRatio: m.transportOnKy.ratio,
        clientCpuUsPerCall: {
          raw: m.raw.cpuUsPerCall,
          rawWithTimeout: m.rawWithTimeout.cpuUsPerCall,
          transport: m.transport.cpuUsPerCall,
          bareKy: m.bareKy.cpuUsPerCall,
          transportOnKy: m.transportOnKy.cpuUsPerCall,
        },
        target: TARGET,
        met: m.transport.ratio <= TARGET,
      });
    }
    results.push(await measureWithoutNetwork(createTransport, ky, School, server.base));
  } finally {
    server.stop();
  }
  print(results);
  const summary = { name: 'core-transport', node: process.version, results };
  console.log(JSON.stringify(summary));
  return summary;
}

/** The same modes with a fetch double: isolates the per-call JS work. */
async function measureWithoutNetwork(createTransport, ky, School, base) {
  const fetchDouble = async () => new Response(payload, { headers: { 'content-type': 'application/json' } });
  const url = `${base}/schools/42`;
  const transport = createTransport({ baseUrl: base, fetch: fetchDouble });
  const onKy = createTransport({ baseUrl: base, fetch: fetchDouble, engine: 'ky' });
  const bareKy = ky.create({ retry: 0, timeout: false, throwHttpErrors: false, fetch: fetchDouble });
  const modes = {
    raw: async () => JSON.parse(await (await fetchDouble(url)).text()),
    transport: () => transport.get('/schools/42', { schema: School }),
    bareKy: async () => JSON.parse(await (await bareKy(url)).text()),
    transportOnKy: () => onKy.get('/schools/42', { schema: School }),
  };
  const m = await measurePaired(modes, { rounds: 25, calls: 1000, concurrency: 1 });
  return {
    name: 'JS work only (fetch double), concurrency 1',
    concurrency: 1,
    cpuUsPerCall: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.cpuUsPerCall])),
    transportShareUs: +(m.transport.cpuUsPerCall - m.raw.cpuUsPerCall).toFixed(1),
    kyEngineShareUs: +(m.transportOnKy.cpuUsPerCall - m.raw.cpuUsPerCall).toFixed(1),
  };
}

function print(results) {
  const row = (cells) =>
    cells.map((c, i) => String(c)[i === 0 ? 'padEnd' : 'padStart'](i === 0 ? 34 : 11)).join(' ');
  console.log(
    row(['paired median', 'raw µs', 'transport', 'ratio', 'cpu ratio', 'raw+timeout', 'bare ky', 'on ky']),
  );
  for (const r of results) {
    if (r.ratio === undefined) {
      const c = r.cpuUsPerCall;
      console.log(
        `${r.name}: cpu µs/call raw ${c.raw}, transport ${c.transport}, bare ky ${c.bareKy}, transport on ky ${c.transportOnKy}`,
      );
      continue;
    }
    console.log(
      row([
        r.name,
        r.rawUsPerCall,
        r.transportUsPerCall,
        r.ratio,
        r.cpuRatio,
        r.rawWithTimeoutRatio,
        r.bareKyRatio,
        r.transportOnKyRatio,
      ]),
    );
  }
  console.log(`target: transport ≤ ${TARGET} × raw fetch (wall, paired median)`);
}

if (process.argv[2] === '--serve') {
  serve();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run();
}
