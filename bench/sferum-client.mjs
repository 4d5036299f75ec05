#!/usr/bin/env node
// @goskit/sferum VK client overhead per call versus raw fetch + JSON.parse, against the same bare
// node:http server on 127.0.0.1 (a child process answering `POST /method/<name>` with a VK envelope),
// in the same run. Both sides POST the same form body (access_token, v, user_ids) and read JSON; the
// client adds what it always does: parameter checks, the per-token limiter (a limit far above what the
// bench reaches, so it grants at once but still does its bookkeeping), core's retry loop and attempt
// deadline, the envelope check — and, for `users.get`, the zod schema of the answer.
// Method (as bench/core-transport.mjs, for a busy 2-core VM): the server is another process, so the
// CPU we read is the client's; many short rounds with the modes rotated; ratios are paired with the
// raw round next to them and the median is reported.
// Needs the built packages (built here when dist/ is missing). Run alone: node bench/sferum-client.mjs
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measurePaired } from './helpers/paired-rounds.mjs';

const TARGET = 1.15;
const TOKEN = 'vk1.a.bench-community-token-0123456789abcdef';
const payload = JSON.stringify({
  response: [{ id: 1, first_name: 'Анна', last_name: 'Иванова', is_closed: false, can_access_closed: true }],
});

/** `node bench/sferum-client.mjs --serve`: the bare server, printing its port. */
function serve() {
  const server = createServer((req, res) => {
    req.resume(); // read and drop the form body, as any server must
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(payload),
      });
      res.end(payload);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
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

function ensureBuilt() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const dir of ['packages/core', 'packages/validation', 'packages/sferum']) {
    if (!existsSync(`${root}/${dir}/dist/index.js`)) {
      console.log(`bench: building ${dir}…`);
      const built = spawnSync('pnpm', ['exec', 'tsup'], { cwd: `${root}/${dir}`, stdio: 'inherit' });
      if (built.status !== 0) {
        throw new Error(`could not build ${dir}`);
      }
    }
  }
}

export async function run() {
  ensureBuilt();
  const { createVkClient } = await import('../packages/sferum/dist/index.js');
  const server = await startServerProcess();
  const results = [];
  try {
    const url = `${server.base}/method/users.get`;
    const vk = createVkClient({
      token: TOKEN,
      tokenKind: 'community',
      environment: { baseUrl: server.base },
      rateLimit: { ratePerSecond: 1e9, burst: 1e9 },
    });
    const raw = async () => {
      const body = new URLSearchParams({ access_token: TOKEN, v: '5.199', user_ids: '1' });
      const res = await fetch(url, { method: 'POST', body });
      const data = JSON.parse(await res.text());
      if (data.error) {
        throw new Error('VK error');
      }
      return data.response;
    };
    const modes = {
      raw,
      call: () => vk.call('users.get', { user_ids: [1] }),
      typed: () => vk.users.get({ user_ids: [1] }),
    };
    const [a, b, c] = [await modes.raw(), await modes.call(), await modes.typed()];
    if (JSON.stringify(a) !== JSON.stringify(b) || a[0].id !== c[0].id) {
      throw new Error('baseline and client disagree');
    }
    for (const concurrency of [1, 16]) {
      const calls = concurrency === 1 ? 4 : concurrency;
      const m = await measurePaired(modes, { rounds: concurrency === 1 ? 1500 : 600, calls, concurrency });
      for (const mode of ['call', 'typed']) {
        results.push({
          name: `${mode === 'call' ? 'vk.call(users.get)' : 'vk.users.get (zod)'}, concurrency ${concurrency}`,
          concurrency,
          rawUsPerCall: m.raw.usPerCall,
          clientUsPerCall: m[mode].usPerCall,
          ratio: m[mode].ratio,
          cpuRatio: m[mode].cpuRatio,
          clientCpuUsPerCall: m[mode].cpuUsPerCall,
          rawCpuUsPerCall: m.raw.cpuUsPerCall,
          target: TARGET,
          met: m[mode].ratio <= TARGET,
        });
      }
    }
  } finally {
    server.stop();
  }
  for (const r of results) {
    console.log(
      `${r.name.padEnd(36)} raw ${String(r.rawUsPerCall).padStart(6)} µs  client ${String(r.clientUsPerCall).padStart(6)} µs  ratio ${r.ratio}  cpu ratio ${r.cpuRatio}`,
    );
  }
  console.log(`target: client ≤ ${TARGET} × raw fetch + JSON.parse (wall, paired median)`);
  const summary = { name: 'sferum-client', node: process.version, results };
  console.log(JSON.stringify(summary));
  return summary;
}

if (process.argv[2] === '--serve') {
  serve();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run();
}
