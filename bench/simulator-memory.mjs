#!/usr/bin/env node
/**
 * Memory of the standalone simulator under large request bodies (issue 9 §3), 127.0.0.1 only.
 *
 * One goskit-sim server (the built package: ESIA + EPGU, journal of 1000 entries) in a child
 * process; its resident set size (VmRSS) is read from /proc after each phase, once the process has
 * settled. The baseline is measured in the same run, on the same server:
 *   baseline       200 authorised EPGU pushes of 4 KiB (small bodies, the journal fills normally)
 * then, each reported as growth over the baseline and as a ratio to it:
 *   unauth-50MB    3 unauthenticated 50 MB pushes (refused on their headers, bodies never read)
 *   auth-10MB      LARGE_ROUNDS (default 20) authorised 10 MB pushes (read, handled, journaled),
 *                  then as many again ('-again'): the second round must add ~nothing
 *   ungated-10MB   LARGE_ROUNDS 10 MB form posts to ESIA's token endpoint (no header check:
 *                  read whole, refused, journaled), twice likewise
 * Before the fix the journal held a view of every body (+10 MB per entry, +150 MB for three
 * 50 MB pushes); now each entry keeps at most a 16 KiB copy plus size and SHA-256, so RSS stays
 * near the baseline whatever the number of large bodies.
 *
 *   node bench/simulator-memory.mjs              LARGE_ROUNDS=20
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const packageDir = join(here, '..', 'mocks', 'simulator');
const distIndex = join(packageDir, 'dist', 'index.js');
const LARGE_ROUNDS = Number(process.env.LARGE_ROUNDS ?? 20);
const MB = 1024 * 1024;

/** The server process: the package's own listen(), any-bearer EPGU auth so no login is needed. */
const SERVER_SCRIPT = `
import { createSimulator, esiaPortal, epguPortal } from ${JSON.stringify(pathToFileURL(distIndex).href)};
const sim = createSimulator({ portals: [esiaPortal(), epguPortal({ auth: 'any-bearer', limits: { perMinute: 1e6, perHour: 1e9 }, orderLimit: { count: 1e9 } })], journalSize: 1000, strictContracts: false });
const server = await sim.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(server.url + '\\n');
`;

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SERVER_SCRIPT], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', (chunk) => resolve({ child, url: chunk.toString().trim() }));
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
// With the person's APIPGU consent: EPGU refuses a token without one (403) before reading the body.
const CONSENT = [
  {
    sysname: 'APIPGU',
    actions: [{ sysname: 'ALL_ACTIONS_TO_DATA' }],
    purposes: [{ sysname: 'APIPGU' }],
    scopes: [{ sysname: 'http://lk.gosuslugi.ru/api-order' }],
  },
];
const TOKEN = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ 'urn:esia:sbj_id': 1000000001, client_id: 'GOSKIT_BENCH', scope: 'openid http://lk.gosuslugi.ru/api-order', permissions: CONSENT })}.c2ln`;
const BOUNDARY = '----goskitBenchBoundary';
const META = JSON.stringify({
  region: '45000000000',
  serviceCode: '10000000367',
  targetCode: '-10000000367',
});

/** A multipart push: meta + a zip-signed file of `size` bytes, streamed (the bench never holds it twice). */
function pushParts(size) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="meta"\r\n\r\n${META}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="req.zip"\r\nContent-Type: application/zip\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  return { head, tail, total: head.length + size + tail.length };
}

const FILE_CHUNK = (() => {
  const chunk = Buffer.alloc(MB, 0x61);
  chunk.write('PK\u0003\u0004', 0, 'latin1');
  return chunk;
})();

/** POSTs `total` bytes produced by `write(req)`; resolves with the status (or 0 when the server hung up). */
function post(url, path, headers, write) {
  const target = new URL(url);
  return new Promise((resolve) => {
    const req = request(
      { host: target.hostname, port: target.port, method: 'POST', path, headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    write(req);
  });
}

async function streamBody(req, parts, size) {
  if (!req.write(parts.head)) {
    await new Promise((resolve) => req.once('drain', resolve));
  }
  let left = size;
  while (left > 0 && !req.destroyed) {
    const piece = left >= MB ? FILE_CHUNK : FILE_CHUNK.subarray(0, left);
    left -= piece.length;
    if (!req.write(piece)) {
      await new Promise((resolve) => {
        req.once('drain', resolve);
        req.once('close', resolve);
      });
    }
  }
  req.end(parts.tail);
}

function push(url, size, authorised) {
  const parts = pushParts(size);
  const headers = {
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    'content-length': String(parts.total),
    ...(authorised ? { authorization: `Bearer ${TOKEN}` } : {}),
  };
  return post(url, '/epgu/api/gusmev/push', headers, (req) => {
    streamBody(req, parts, size);
  });
}

function tokenForm(url, size) {
  const body = Buffer.alloc(size, 0x61);
  body.write('grant_type=authorization_code&code=', 0, 'latin1');
  return post(
    url,
    '/esia/aas/oauth2/v3/te',
    { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(size) },
    (req) => req.end(body),
  );
}

export async function run() {
  if (!existsSync(distIndex)) {
    throw new Error('mocks/simulator/dist is missing: run pnpm build first (bench/run.mjs does)');
  }
  const { child, url } = await startServer();
  const results = [];
  try {
    await settle();
    const started = rssMb(child.pid);
    const statuses = new Map();
    const count = (status) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    for (let i = 0; i < 200; i += 1) {
      count(await push(url, 4096, true));
    }
    await settle();
    const baseline = rssMb(child.pid);
    results.push({
      case: 'baseline',
      requests: 200,
      bodyMb: 0.004,
      rssMb: +baseline.toFixed(1),
      startRssMb: +started.toFixed(1),
    });
    const phase = async (name, requests, bodyMb, send) => {
      for (let i = 0; i < requests; i += 1) {
        count(await send());
      }
      await settle();
      const rss = rssMb(child.pid);
      results.push({
        case: name,
        requests,
        bodyMb,
        rssMb: +rss.toFixed(1),
        growthMb: +(rss - baseline).toFixed(1),
        ratio: +(rss / baseline).toFixed(2),
        bodiesMb: requests * bodyMb,
      });
    };
    await phase('unauth-50MB', 3, 50, () => push(url, 50_000_000, false));
    // Twice the same phase: bounded memory shows as the second round adding nothing to the first.
    await phase('auth-10MB', LARGE_ROUNDS, 10, () => push(url, 10 * MB, true));
    await phase('auth-10MB-again', LARGE_ROUNDS, 10, () => push(url, 10 * MB, true));
    await phase('ungated-10MB', LARGE_ROUNDS, 10, () => tokenForm(url, 10 * MB));
    await phase('ungated-10MB-again', LARGE_ROUNDS, 10, () => tokenForm(url, 10 * MB));
    results.push({
      case: 'statuses',
      ...Object.fromEntries([...statuses].map(([status, n]) => [`http${status}`, n])),
    });
  } finally {
    child.kill('SIGTERM');
  }
  return { results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { results } = await run();
  for (const row of results) {
    console.log(JSON.stringify(row));
  }
}
