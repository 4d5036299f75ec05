#!/usr/bin/env node
/**
 * @goskit/sferum/max against baselines measured in the same run:
 *   polling      a bot consuming 100 000 updates by long polling from the standalone simulator
 *                (`startPolling`, limit 1000, marker committed after each batch's handlers)
 *                vs  a raw fetch loop over the same endpoint (GET /updates, marker, JSON.parse)
 *                — goal ≥ 0.8 of raw. Both at minIntervalMs 0; a second case keeps MAX's 300 ms
 *                minimum interval on both sides (fewer updates: the interval bounds both alike).
 *   webhook      requests/s of the webhook node listener (secret check, bounded body, JSON,
 *                onUpdate, 200) vs a bare node:http handler reading the body and answering 200,
 *                each in its own child process, load from wrk (autocannon if wrk is missing)
 *                — goal ≥ 0.5.
 * The simulator runs in a child process too (the node server from dist, the per-token limit opened:
 * the bench measures work, not throttling); each update is a person's message in a chat where the
 * bot is an admin with read_all_messages, generated through the control API before each measured run.
 *
 * Each comparison runs several rounds, alternating which side goes first; the best of each side is
 * compared and every round's own ratio is listed (`rounds`), since a loaded machine moves single runs.
 *
 *   node bench/sferum-max.mjs        UPDATES=100000 POLLING_ROUNDS=4 WEBHOOK_SECONDS=5 WEBHOOK_ROUNDS=3
 *                                    (needs `pnpm build`)
 */
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const UPDATES = Number(process.env.UPDATES ?? 100_000);
const PACED_UPDATES = Number(process.env.PACED_UPDATES ?? 10_000);
const WEBHOOK_SECONDS = Number(process.env.WEBHOOK_SECONDS ?? 5);
const POLLING_ROUNDS = Number(process.env.POLLING_ROUNDS ?? 4);
const WEBHOOK_ROUNDS = Number(process.env.WEBHOOK_ROUNDS ?? 3);
const CONNECTIONS = 32;
const SECRET = 'bench-secret_2026';
const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const dist = (path) => pathToFileURL(join(root, path)).href;

/** Child process modes: the simulator server, the webhook listener, the bare handler. */
async function serve(mode) {
  if (mode === 'simulator') {
    const { createSimulator } = await import(dist('mocks/simulator/dist/index.js'));
    const sim = createSimulator({
      seed: 'bench-max',
      rateLimits: { max: { ratePerSecond: 1e9, burst: 1e9 } },
      journalSize: 100,
      journalBodies: 'none',
    });
    const server = await sim.listen({ port: 0 });
    process.send?.({ port: server.port });
    return;
  }
  let handler;
  if (mode === 'webhook') {
    const { createMaxWebhookNodeListener } = await import(dist('packages/sferum/dist/max.js'));
    const stored = { count: 0 };
    handler = createMaxWebhookNodeListener({
      secret: SECRET,
      onUpdate: () => {
        stored.count += 1;
      },
    });
  } else {
    handler = (req, res) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        Buffer.concat(chunks);
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': 2 });
        res.end('OK');
      });
    };
  }
  const server = createServer({ keepAlive: true }, handler);
  server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
}

function child(mode) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', mode], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    proc.once('message', (message) => resolve({ port: message.port, stop: () => proc.kill('SIGKILL') }));
    proc.once('exit', (code) => reject(new Error(`${mode} server exited ${code}`)));
  });
}

async function json(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) {
    throw new Error(`${init?.method ?? 'GET'} ${url} → ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** Queues `count` updates for the bot: a teacher writes in the teachers' chat (the bot reads all). */
async function queueUpdates(origin, count) {
  for (let done = 0; done < count; ) {
    const batch = Math.min(50_000, count - done);
    await json(`${origin}/__goskit/max/chats/-70000000000001/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'teacher-demo', text: 'Расписание на завтра', count: batch }),
    });
    done += batch;
  }
}

/** Commits everything queued, so each run starts from an empty queue. */
async function drain(base, token) {
  let marker;
  for (;;) {
    const batch = await json(`${base}/updates?limit=1000&timeout=0${marker ? `&marker=${marker}` : ''}`, {
      headers: { authorization: token },
    });
    marker = batch.marker;
    if (batch.updates.length === 0) {
      return;
    }
  }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function rawLoop(base, token, count, intervalMs) {
  let marker;
  let got = 0;
  let last = 0;
  const started = performance.now();
  while (got < count) {
    const wait = last + intervalMs - performance.now();
    if (wait > 0) {
      await pause(wait);
    }
    last = performance.now();
    const response = await fetch(`${base}/updates?limit=1000&timeout=0${marker ? `&marker=${marker}` : ''}`, {
      headers: { authorization: token },
    });
    const batch = JSON.parse(await response.text());
    for (const update of batch.updates) {
      if (update.update_type === 'message_created') {
        got += 1;
      }
    }
    marker = batch.marker;
  }
  // The last marker commits the last batch, as the poller's next poll does.
  await fetch(`${base}/updates?limit=1&timeout=0&marker=${marker}`, { headers: { authorization: token } });
  return (count * 1000) / (performance.now() - started);
}

async function clientLoop(createMaxClient, base, token, count, intervalMs) {
  const max = createMaxClient({ token, baseUrl: base, rateLimit: { ratePerSecond: 1e9 } });
  let got = 0;
  let finish;
  const finished = new Promise((resolve) => {
    finish = resolve;
  });
  const started = performance.now();
  const poller = max.startPolling({
    limit: 1000,
    timeout: 0,
    minIntervalMs: intervalMs,
    onUpdate: (update) => {
      if (update.update_type === 'message_created') {
        got += 1;
        if (got === count) {
          finish();
        }
      }
    },
  });
  await finished;
  const elapsed = performance.now() - started;
  await poller.stop();
  // stop() leaves the last batch's marker stored but not yet sent: commit it like the raw loop.
  await max.getUpdates({ timeout: 0, limit: 1, marker: poller.marker });
  return (count * 1000) / elapsed;
}

/**
 * Rounds alternate which side runs first (raw–client, client–raw, …): the simulator's heap grows with
 * every queued batch and the machine's load drifts, and a fixed order would hand one side the
 * better half each time. The best of each side is compared; the per-round ratios are listed too.
 */
async function pollingCase(name, origin, token, createMaxClient, count, intervalMs, rounds) {
  const base = `${origin}/max`;
  let best = 0;
  let bestRaw = 0;
  const samples = [];
  const measure = async (loop) => {
    await drain(base, token);
    await queueUpdates(origin, count);
    return loop();
  };
  for (let round = 0; round < rounds; round += 1) {
    const raw = () => measure(() => rawLoop(base, token, count, intervalMs));
    const client = () => measure(() => clientLoop(createMaxClient, base, token, count, intervalMs));
    let rawRate;
    let clientRate;
    if (round % 2 === 0) {
      rawRate = await raw();
      clientRate = await client();
    } else {
      clientRate = await client();
      rawRate = await raw();
    }
    bestRaw = Math.max(bestRaw, rawRate);
    best = Math.max(best, clientRate);
    samples.push((clientRate / rawRate).toFixed(2));
  }
  return {
    name,
    updates: count,
    updatesPerSec: Math.round(best),
    baseline: 'raw fetch loop',
    baselineUpdatesPerSec: Math.round(bestRaw),
    ratio: Number((best / bestRaw).toFixed(3)),
    rounds: samples.join(' '),
  };
}

function hasWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return error.status !== undefined; // wrk --version exits 1 but exists
  }
}

function wrk(port, seconds, body) {
  const script = join(tmpdir(), `goskit-max-webhook-${process.pid}.lua`);
  writeFileSync(
    script,
    [
      'wrk.method = "POST"',
      `wrk.body = ${JSON.stringify(body)}`,
      'wrk.headers["Content-Type"] = "application/json"',
      `wrk.headers["X-Max-Bot-Api-Secret"] = "${SECRET}"`,
    ].join('\n'),
  );
  return new Promise((resolve, reject) => {
    const proc = spawn(
      'wrk',
      ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '-s', script, `http://127.0.0.1:${port}/max/hook`],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
    });
    proc.on('error', reject);
    proc.on('exit', () => {
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
      resolve({ rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0), errors: non2xx });
    });
  });
}

async function autocannonRun(port, seconds, body) {
  const { default: autocannon } = await import('autocannon');
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/max/hook`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'x-max-bot-api-secret': SECRET },
    body,
  });
  return { rps: result.requests.average, errors: result.non2xx + result.errors };
}

async function webhookCase() {
  const body = JSON.stringify({
    update_type: 'message_created',
    timestamp: 1_788_242_400_000,
    message: {
      sender: {
        user_id: 407108120,
        first_name: 'Ольга',
        last_name: 'Смирнова',
        is_bot: false,
        last_activity_time: 0,
      },
      recipient: { chat_id: -70000000000001, chat_type: 'chat', user_id: null },
      timestamp: 1_788_242_400_000,
      body: {
        mid: 'mid.00003faa252260010000689786263001',
        seq: 115000000000001,
        text: 'Расписание на завтра',
      },
    },
    user_locale: 'ru',
  });
  const load = hasWrk() ? wrk : autocannonRun;
  const listener = await child('webhook');
  const bare = await child('bare');
  try {
    await load(listener.port, 1, body); // warm up both
    await load(bare.port, 1, body);
    let best = 0;
    let bestBare = 0;
    const samples = [];
    // Alternating order, as in the polling case; every run must answer 200 only.
    const measure = async (port, side) => {
      const result = await load(port, WEBHOOK_SECONDS, body);
      if (result.errors > 0) {
        throw new Error(`non-2xx answers under load from the ${side}: ${result.errors}`);
      }
      return result.rps;
    };
    for (let round = 0; round < WEBHOOK_ROUNDS; round += 1) {
      let a;
      let b;
      if (round % 2 === 0) {
        a = await measure(listener.port, 'listener');
        b = await measure(bare.port, 'bare handler');
      } else {
        b = await measure(bare.port, 'bare handler');
        a = await measure(listener.port, 'listener');
      }
      best = Math.max(best, a);
      bestBare = Math.max(bestBare, b);
      samples.push((a / b).toFixed(2));
    }
    return {
      name: 'webhook node listener',
      requestsPerSec: Math.round(best),
      baseline: 'bare node:http handler',
      baselineRequestsPerSec: Math.round(bestBare),
      ratio: Number((best / bestBare).toFixed(3)),
      rounds: samples.join(' '),
      load: load === wrk ? 'wrk' : 'autocannon',
    };
  } finally {
    listener.stop();
    bare.stop();
  }
}

export async function run() {
  const { createMaxClient } = await import(dist('packages/sferum/dist/max.js'));
  const simulator = await child('simulator');
  const results = [];
  try {
    const origin = `http://127.0.0.1:${simulator.port}`;
    const { bots } = await json(`${origin}/__goskit/max/bots`);
    const token = bots[0].token;
    results.push(
      await pollingCase(
        'long polling, 100 000 updates (minIntervalMs 0)',
        origin,
        token,
        createMaxClient,
        UPDATES,
        0,
        POLLING_ROUNDS,
      ),
    );
    results.push(
      await pollingCase(
        'long polling at MAX’s 300 ms minimum interval',
        origin,
        token,
        createMaxClient,
        PACED_UPDATES,
        300,
        1,
      ),
    );
  } finally {
    simulator.stop();
  }
  results.push(await webhookCase());
  return { results };
}

if (process.argv[2] === '--serve') {
  await serve(process.argv[3]);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { results } = await run();
  console.table(results);
}
