#!/usr/bin/env node
/**
 * Load, start-up and soak benchmark of the standalone goskit simulator (127.0.0.1 only).
 *
 * Same run, same stateful GET (increment a counter in state, answer small JSON), 32 connections:
 *   goskit-sim   the real standalone server (engine: routing, faults, rate limits, journal)
 *   bare         node:http answering the same JSON — the ceiling
 *   msw          stock MSW getResponse(handlers, request) behind node:http — the baseline
 * Load comes from wrk (Debian) — autocannon is used only when wrk is missing.
 * Then: goskit-sim CLI ready time (median of 5) and a soak of at least SOAK_REQUESTS (default
 * 1 000 000) requests in 10 s wrk slices, checking 0 errors and RSS growth ≤ 50 MB.
 *
 *   node bench/simulator-load.mjs            BENCH_SECONDS=8 SOAK_REQUESTS=1000000
 *   SOAK_REQUESTS=100000 BENCH_SECONDS=3 node bench/simulator-load.mjs   (quick)
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const packageDir = join(here, '..', 'mocks', 'simulator');
const distIndex = join(packageDir, 'dist', 'index.js');
const distCli = join(packageDir, 'dist', 'cli.js');
const CONNECTIONS = 32;
const PATH = '/counter/hits';

// ---------------------------------------------------------------- servers (child processes)

/** The shared "business logic": read state, change it, answer JSON. */
function counterPayload(state) {
  state.hits += 1;
  return { hits: state.hits, school: 'Демо школа', ok: true };
}

async function serveGoskit() {
  const { createSimulator } = await import(pathToFileURL(distIndex).href);
  const portal = {
    name: 'counter',
    title: 'Counter',
    hosts: ['http://counter.bench'],
    prefix: '/counter',
    createState: () => ({ hits: 0 }),
    routes: [
      {
        method: 'GET',
        path: '/hits',
        operation: 'hits.get',
        handler: ({ state }) => ({
          status: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(counterPayload(state)),
        }),
      },
    ],
  };
  const sim = createSimulator({ seed: 'bench', portals: [portal], strictContracts: false });
  const server = await sim.listen({ port: 0, host: '127.0.0.1' });
  return server.port;
}

function serveBare() {
  const state = { hits: 0 };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === PATH) {
      const body = JSON.stringify(counterPayload(state));
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

function serveMsw() {
  const require = createRequire(join(packageDir, 'package.json'));
  const { http, HttpResponse, getResponse } = require('msw');
  const state = { hits: 0 };
  const handlers = [
    http.get(`http://127.0.0.1/counter/hits`, () => HttpResponse.json(counterPayload(state))),
  ];
  const server = createServer(async (req, res) => {
    // The stock way: node request → Fetch Request → getResponse → Fetch Response → node response.
    const chunks = [];
    for await (const chunk of req) {
      chunks.push(chunk);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) {
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
    }
    const init = { method: req.method, headers };
    if (chunks.length > 0) {
      init.body = Buffer.concat(chunks);
    }
    const request = new Request(`http://127.0.0.1${req.url}`, init);
    const response = await getResponse(handlers, request);
    if (response === undefined) {
      res.writeHead(404).end();
      return;
    }
    const body = Buffer.from(await response.arrayBuffer());
    const out = {};
    response.headers.forEach((value, name) => {
      out[name] = value;
    });
    out['content-length'] = String(body.length);
    res.writeHead(response.status, out);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function serveMode(kind) {
  const port =
    kind === 'goskit' ? await serveGoskit() : kind === 'bare' ? await serveBare() : await serveMsw();
  process.stdout.write(`PORT ${port}\n`);
  process.on('SIGTERM', () => process.exit(0));
}

function startChild(kind) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', kind], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /PORT (\d+)/.exec(out);
      if (match) {
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      return resolve();
    }
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

// ---------------------------------------------------------------- load generators

function hasWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return error.status !== undefined && error.code !== 'ENOENT';
  }
}

function parseLatencyMs(text) {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (!match) {
    return Number.NaN;
  }
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}

function runWrk(port, seconds, extraArgs = []) {
  return new Promise((resolve, reject) => {
    const args = [
      '-t1',
      `-c${CONNECTIONS}`,
      `-d${seconds}s`,
      '--latency',
      ...extraArgs,
      `http://127.0.0.1:${port}${PATH}`,
    ];
    const wrk = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    wrk.stdout.on('data', (chunk) => {
      out += chunk;
    });
    wrk.on('error', reject);
    wrk.on('exit', () => {
      const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
      const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
      resolve({
        requests,
        rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
        p50: parseLatencyMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ''),
        p99: parseLatencyMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ''),
        errors: socketErrors + non2xx,
      });
    });
  });
}

async function runAutocannon(port, seconds, amount) {
  const { default: autocannon } = await import('autocannon');
  const options = { url: `http://127.0.0.1:${port}${PATH}`, connections: CONNECTIONS, pipelining: 1 };
  if (amount !== undefined) {
    options.amount = amount;
  } else {
    options.duration = seconds;
  }
  const result = await autocannon(options);
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** wrk is time-based (and its Lua thread:stop() does not end the run), so soak in slices until `amount`. */
async function runWrkAmount(port, amount) {
  const total = { requests: 0, errors: 0, p99: 0 };
  while (total.requests < amount) {
    const slice = await runWrk(port, 10);
    if (slice.requests === 0) {
      throw new Error('wrk made no requests');
    }
    total.requests += slice.requests;
    total.errors += slice.errors;
    total.p99 = Math.max(total.p99, slice.p99);
    progress(`  soak ${total.requests}/${amount}`);
  }
  return total;
}

// ---------------------------------------------------------------- phases

async function measureLoad(kind, seconds, useWrk) {
  const { child, port } = await startChild(kind);
  try {
    await (useWrk ? runWrk(port, 2) : runAutocannon(port, 2)); // warm-up: JIT, sockets
    return await (useWrk ? runWrk(port, seconds) : runAutocannon(port, seconds));
  } finally {
    await stopChild(child);
  }
}

async function measureReady(times = 5) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    samples.push(
      await new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(process.execPath, [distCli, '--port', '0'], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (/goskit-sim ready on/.test(out)) {
            const wall = performance.now() - started;
            child.kill('SIGTERM');
            child.once('exit', () => resolve(wall));
          }
        });
        child.on('error', reject);
      }),
    );
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], samples };
}

async function measureSoak(amount, useWrk) {
  const { child, port } = await startChild('goskit');
  try {
    await (useWrk ? runWrk(port, 2) : runAutocannon(port, 2));
    const rssBefore = rssMb(child.pid);
    const started = performance.now();
    const load = useWrk ? await runWrkAmount(port, amount) : await runAutocannon(port, undefined, amount);
    const seconds = (performance.now() - started) / 1000;
    const rssAfter = rssMb(child.pid);
    const journal = await fetch(`http://127.0.0.1:${port}/__goskit/journal?limit=1`).then((res) =>
      res.json(),
    );
    return {
      requests: load.requests,
      errors: load.errors,
      seconds,
      rssBeforeMb: rssBefore,
      rssAfterMb: rssAfter,
      rssGrowthMb: rssAfter - rssBefore,
      journalSize: journal.size,
      journalCapacity: journal.capacity,
    };
  } finally {
    await stopChild(child);
  }
}

const progress = (line) => process.stderr.write(`[simulator-load] ${line}\n`);

const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export default async function run() {
  if (!existsSync(distIndex) || !existsSync(distCli)) {
    throw new Error('build @goskit/simulator first: cd mocks/simulator && pnpm tsup');
  }
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const soakRequests = Number(process.env.SOAK_REQUESTS ?? 1_000_000);
  const useWrk = hasWrk();
  const load = {};
  for (const kind of ['bare', 'goskit', 'msw']) {
    progress(`load: ${kind} for ${seconds}s`);
    load[kind] = await measureLoad(kind, seconds, useWrk);
    progress(`  ${round(load[kind].rps, 0)} req/s, p99 ${load[kind].p99} ms`);
  }
  progress('CLI ready time ×5');
  const ready = await measureReady(5);
  progress(`soak: ${soakRequests} requests`);
  const soak = await measureSoak(soakRequests, useWrk);
  const results = [
    ...Object.entries(load).map(([kind, r]) => ({
      name:
        kind === 'goskit'
          ? 'goskit-sim'
          : kind === 'bare'
            ? 'bare node:http (ceiling)'
            : 'MSW getResponse (baseline)',
      rps: round(r.rps, 0),
      p50Ms: round(r.p50, 2),
      p99Ms: round(r.p99, 2),
      errors: r.errors,
    })),
    {
      name: 'ratios',
      goskitVsMsw: round(load.goskit.rps / load.msw.rps, 2),
      goskitVsBare: round(load.goskit.rps / load.bare.rps, 2),
      targetRps: 25_000,
      targetP99Ms: 10,
      meetsTarget: load.goskit.rps >= 25_000 && load.goskit.p99 < 10,
    },
    {
      name: 'cli ready (median of 5)',
      medianMs: round(ready.medianMs, 0),
      samplesMs: ready.samples.map((s) => round(s, 0)),
      targetMs: 500,
    },
    {
      name: 'soak',
      requests: soak.requests,
      errors: soak.errors,
      seconds: round(soak.seconds, 1),
      rssGrowthMb: round(soak.rssGrowthMb, 1),
      rssAfterMb: round(soak.rssAfterMb, 1),
      journal: `${soak.journalSize}/${soak.journalCapacity}`,
      ok: soak.errors === 0 && soak.rssGrowthMb <= 50,
    },
  ];
  return { name: 'simulator-load', tool: useWrk ? 'wrk -t1 -c32' : 'autocannon -c32', seconds, results };
}

function printTable(report) {
  const out = (line) => process.stdout.write(`${line}\n`);
  out(`simulator-load (${report.tool}, ${report.seconds}s per server, GET ${PATH}, 127.0.0.1)`);
  out('server                          req/s     p50 ms   p99 ms   errors');
  for (const r of report.results.slice(0, 3)) {
    out(
      `${r.name.padEnd(30)} ${String(r.rps).padStart(7)}  ${String(r.p50Ms).padStart(8)} ${String(r.p99Ms).padStart(8)}   ${r.errors}`,
    );
  }
  const [ratios, ready, soak] = report.results.slice(3);
  out(
    `goskit-sim / MSW = ${ratios.goskitVsMsw}x   goskit-sim / bare = ${ratios.goskitVsBare}   target ≥ 25k req/s, p99 < 10 ms: ${ratios.meetsTarget ? 'met' : 'NOT met'}`,
  );
  out(`CLI ready: median ${ready.medianMs} ms (samples ${ready.samplesMs.join(', ')}), target ≤ 500 ms`);
  out(
    `soak: ${soak.requests} requests in ${soak.seconds}s, ${soak.errors} errors, RSS +${soak.rssGrowthMb} MB (now ${soak.rssAfterMb} MB), journal ${soak.journal}`,
  );
  out(JSON.stringify(report));
}

const invokedDirectly =
  process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (invokedDirectly) {
  const serveIndex = process.argv.indexOf('--serve');
  if (serveIndex !== -1) {
    await serveMode(process.argv[serveIndex + 1]);
  } else {
    printTable(await run());
  }
}
