#!/usr/bin/env node
/**
 * Load, start-up and soak benchmark of the standalone goskit simulator (127.0.0.1 only).
 *
 * Two stateful GETs, 32 connections, each against its ceiling and baseline in the same run:
 *   counter       GET /counter/hits: increment a counter in state, answer small JSON
 *   esia-person   GET /esia/rs/prns/{oid} with a Bearer access token the simulator's ESIA portal
 *                 issued through the real flow (signed authorize → login → consent → code exchange)
 * servers, each in its own child process (same layout for all three), loaded in turns (3 alternating
 * slices each, best slice kept) so load from other processes hits all three alike:
 *   goskit-sim   the real standalone server (engine: routing, faults, rate limits, journal)
 *   bare         node:http answering the same JSON — the ceiling
 *   msw          stock MSW getResponse(handlers, request) behind node:http — the baseline
 *                (counter: a plain MSW handler; esia-person: the simulator's own MSW handlers)
 * Load comes from wrk (Debian) — autocannon is used only when wrk is missing.
 * Then: goskit-sim CLI ready time (median of 11) and a soak of at least SOAK_REQUESTS (default
 * 1 000 000) counter requests in 10 s wrk slices, checking 0 errors and RSS growth ≤ 50 MB.
 *
 *   node bench/simulator-load.mjs            BENCH_SECONDS=8 SOAK_REQUESTS=1000000
 *   SOAK_REQUESTS=100000 BENCH_SECONDS=3 node bench/simulator-load.mjs   (quick)
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServerChild, stopServerChild } from './helpers/server-child.mjs';
import { hasWrk, parseLatencyMs } from './helpers/wrk.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const packageDir = join(here, '..', 'mocks', 'simulator');
const distIndex = join(packageDir, 'dist', 'index.js');
const distCli = join(packageDir, 'dist', 'cli.js');
const CONNECTIONS = 32;
const PATH = '/counter/hits';
const CASES = ['counter', 'esia-person'];

// ---------------------------------------------------------------- servers (child processes)

/** The shared "business logic": read state, change it, answer JSON. */
function counterPayload(state) {
  state.hits += 1;
  return { hits: state.hits, school: 'Демо школа', ok: true };
}

function counterPortal() {
  return {
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
}

/** A simulator of the case (non-test mode, contracts off, as the CLI runs) and the request to load it with. */
async function caseSimulator(name) {
  const simulator = await import(pathToFileURL(distIndex).href);
  if (name === 'counter') {
    const sim = simulator.createSimulator({
      seed: 'bench',
      portals: [counterPortal()],
      strictContracts: false,
    });
    return { sim, path: PATH, authorization: undefined };
  }
  const sim = simulator.createSimulator({
    seed: 'bench',
    portals: [simulator.esiaPortal()],
    strictContracts: false,
    // The virtual clock stands still, so ESIA's default bucket (burst 100) would answer 429 after
    // 100 requests; a load test raises it. The limiter still runs on every request.
    rateLimits: { esia: { ratePerSecond: 1_000_000, burst: 1_000_000_000 } },
  });
  const { issueEsiaAccessToken } = await import('./simulator-load/esia-token.mjs');
  const { accessToken, oid } = await issueEsiaAccessToken(sim, simulator.demoEsiaClient);
  return { sim, path: `/esia/rs/prns/${oid}`, authorization: `Bearer ${accessToken}` };
}

async function serveGoskit(caseName) {
  const { sim, ...target } = await caseSimulator(caseName);
  const server = await sim.listen({ port: 0, host: '127.0.0.1' });
  return { port: server.port, ...target };
}

function listenOn(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function serveBare(caseName) {
  const state = { hits: 0 };
  let answer;
  let target = { path: PATH, authorization: undefined };
  if (caseName === 'esia-person') {
    // The same JSON the simulator answers, computed once; the ceiling only compares the token.
    const { sim, ...esia } = await caseSimulator(caseName);
    target = esia;
    const { esiaRequest } = await import('./simulator-load/esia-token.mjs');
    const person = await sim.handle(
      esiaRequest('GET', esia.path.slice('/esia'.length), { headers: { authorization: esia.authorization } }),
    );
    const body = String(person.body);
    answer = (req) => (req.headers.authorization === esia.authorization ? body : undefined);
  } else {
    answer = () => JSON.stringify(counterPayload(state));
  }
  const server = createServer((req, res) => {
    const body = req.method === 'GET' && req.url === target.path ? answer(req) : undefined;
    if (body !== undefined) {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
      return;
    }
    res.writeHead(404).end();
  });
  return { port: await listenOn(server), ...target };
}

async function serveMsw(caseName) {
  const require = createRequire(join(packageDir, 'package.json'));
  const { http, HttpResponse, getResponse } = require('msw');
  let handlers;
  let toUrl;
  let target;
  if (caseName === 'esia-person') {
    // The simulator's own MSW handlers (what `setupServer(...sim.handlers)` runs) on ESIA's real host.
    const { sim, ...esia } = await caseSimulator(caseName);
    const { ESIA_BASE } = await import('./simulator-load/esia-token.mjs');
    handlers = sim.handlers;
    toUrl = (url) => `${ESIA_BASE}${url.slice('/esia'.length)}`;
    target = esia;
  } else {
    const state = { hits: 0 };
    handlers = [http.get('http://127.0.0.1/counter/hits', () => HttpResponse.json(counterPayload(state)))];
    toUrl = (url) => `http://127.0.0.1${url}`;
    target = { path: PATH, authorization: undefined };
  }
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
    const request = new Request(toUrl(req.url), init);
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
  return { port: await listenOn(server), ...target };
}

const startChild = (kind, caseName = 'counter') =>
  startServerChild(fileURLToPath(import.meta.url), [kind, caseName]);
const stopChild = stopServerChild;

async function serveMode(kind, caseName) {
  const serve = kind === 'goskit' ? serveGoskit : kind === 'bare' ? serveBare : serveMsw;
  const target = await serve(caseName);
  process.stdout.write(`READY ${JSON.stringify(target)}\n`);
  process.on('SIGTERM', () => process.exit(0));
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

// ---------------------------------------------------------------- load generators

/** target: { port, path, authorization? } as the server child reported it. */
function runWrk(target, seconds) {
  return new Promise((resolve, reject) => {
    const args = ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency'];
    if (target.authorization !== undefined) {
      args.push('-H', `Authorization: ${target.authorization}`);
    }
    args.push(`http://127.0.0.1:${target.port}${target.path}`);
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

async function runAutocannon(target, seconds, amount) {
  const { default: autocannon } = await import('autocannon');
  const options = {
    url: `http://127.0.0.1:${target.port}${target.path}`,
    connections: CONNECTIONS,
    pipelining: 1,
  };
  if (target.authorization !== undefined) {
    options.headers = { authorization: target.authorization };
  }
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
async function runWrkAmount(target, amount) {
  const total = { requests: 0, errors: 0, p99: 0 };
  while (total.requests < amount) {
    const slice = await runWrk(target, 10);
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

const KINDS = ['bare', 'goskit', 'msw'];
const ROUNDS = 3;

/**
 * All three servers of a case run at once (idle ones cost nothing) and take turns under load in
 * ROUNDS alternating slices; each keeps its best slice. Other processes on the machine then hit
 * every server alike instead of whichever happened to run during a busy moment.
 */
async function measureCase(caseName, seconds, useWrk) {
  const load = (target, secs) => (useWrk ? runWrk(target, secs) : runAutocannon(target, secs));
  const children = {};
  try {
    for (const kind of KINDS) {
      children[kind] = await startChild(kind, caseName);
      await load(children[kind].target, 2); // warm-up: JIT, sockets
    }
    const best = {};
    const slice = Math.max(2, Math.round(seconds / ROUNDS));
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of KINDS) {
        const result = await load(children[kind].target, slice);
        const errors = (best[kind]?.errors ?? 0) + result.errors;
        if (best[kind] === undefined || result.rps > best[kind].rps) {
          best[kind] = result;
        }
        best[kind].errors = errors;
      }
    }
    return best;
  } finally {
    for (const started of Object.values(children)) {
      await stopChild(started.child);
    }
  }
}

const READY_STARTS = 11;

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
  const { child, target } = await startChild('goskit', 'counter');
  const { port } = target;
  try {
    await (useWrk ? runWrk(target, 2) : runAutocannon(target, 2));
    const rssBefore = rssMb(child.pid);
    const started = performance.now();
    const load = useWrk ? await runWrkAmount(target, amount) : await runAutocannon(target, undefined, amount);
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

const SERVER_NAMES = {
  bare: 'bare node:http (ceiling)',
  goskit: 'goskit-sim',
  msw: 'MSW getResponse (baseline)',
};

export default async function run() {
  if (!existsSync(distIndex) || !existsSync(distCli)) {
    throw new Error('build @goskit/simulator first: cd mocks/simulator && pnpm tsup');
  }
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const soakRequests = Number(process.env.SOAK_REQUESTS ?? 1_000_000);
  const useWrk = hasWrk();
  const results = [];
  for (const caseName of CASES) {
    progress(`load: ${caseName}, ${KINDS.join(' / ')} in ${ROUNDS} alternating slices of ${seconds}s in all`);
    const load = await measureCase(caseName, seconds, useWrk);
    for (const kind of KINDS) {
      progress(`  ${kind}: ${round(load[kind].rps, 0)} req/s, p99 ${load[kind].p99} ms`);
    }
    for (const [kind, r] of Object.entries(load)) {
      results.push({
        name: `${caseName}: ${SERVER_NAMES[kind]}`,
        case: caseName,
        server: kind,
        rps: round(r.rps, 0),
        p50Ms: round(r.p50, 2),
        p99Ms: round(r.p99, 2),
        errors: r.errors,
      });
    }
    const ratios = {
      name: `${caseName}: ratios`,
      case: caseName,
      goskitVsMsw: round(load.goskit.rps / load.msw.rps, 2),
      goskitVsBare: round(load.goskit.rps / load.bare.rps, 2),
    };
    if (caseName === 'counter') {
      // The issue's figure: a stateful GET at 32 connections.
      Object.assign(ratios, {
        targetRps: 25_000,
        targetP99Ms: 10,
        meetsTarget: load.goskit.rps >= 25_000 && load.goskit.p99 < 10,
      });
    }
    results.push(ratios);
  }
  progress(`CLI ready time ×${READY_STARTS}`);
  const ready = await measureReady(READY_STARTS);
  progress(`soak: ${soakRequests} requests`);
  const soak = await measureSoak(soakRequests, useWrk);
  results.push(
    {
      name: `cli ready (median of ${READY_STARTS})`,
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
  );
  return { name: 'simulator-load', tool: useWrk ? 'wrk -t1 -c32' : 'autocannon -c32', seconds, results };
}

function printTable(report) {
  const out = (line) => process.stdout.write(`${line}\n`);
  out(
    `simulator-load (${report.tool}, ${report.seconds}s per server in ${ROUNDS} alternating slices, best slice, 127.0.0.1)`,
  );
  for (const caseName of CASES) {
    const rows = report.results.filter((r) => r.case === caseName);
    out(`\n${caseName}: GET ${caseName === 'counter' ? PATH : '/esia/rs/prns/{oid} (Bearer)'}`);
    out('server                          req/s     p50 ms   p99 ms   errors');
    for (const r of rows.filter((row) => row.server !== undefined)) {
      out(
        `${SERVER_NAMES[r.server].padEnd(30)} ${String(r.rps).padStart(7)}  ${String(r.p50Ms).padStart(8)} ${String(r.p99Ms).padStart(8)}   ${r.errors}`,
      );
    }
    const ratios = rows.find((row) => row.server === undefined);
    const target =
      ratios.meetsTarget === undefined
        ? ''
        : `   target ≥ 25k req/s, p99 < 10 ms: ${ratios.meetsTarget ? 'met' : 'NOT met'}`;
    out(`goskit-sim / MSW = ${ratios.goskitVsMsw}x   goskit-sim / bare = ${ratios.goskitVsBare}${target}`);
  }
  const ready = report.results.find((r) => r.name.startsWith('cli ready'));
  const soak = report.results.find((r) => r.name === 'soak');
  out(`\nCLI ready: median ${ready.medianMs} ms (samples ${ready.samplesMs.join(', ')}), target ≤ 500 ms`);
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
    await serveMode(process.argv[serveIndex + 1], process.argv[serveIndex + 2] ?? 'counter');
  } else {
    printTable(await run());
  }
}
