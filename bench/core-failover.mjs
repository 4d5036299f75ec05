#!/usr/bin/env node
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
// Failover timing (issue 17 §6): two real node:http servers on 127.0.0.1 — the primary answers 503, the
// backup 200. For ROUNDS fresh failover transports (threshold 2, retry limit 3, backoff capped at 50 ms),
// the time from the primary's first failure event to the backup's first answer, on the transport's
// clock (a manual clock that never moves: the virtual time a simulator would show) and in wall time;
// baseline in the same run: one plain call to the backup through a core transport.
// Build first: cd packages/core && pnpm tsup.   Run alone: node bench/core-failover.mjs
import { createFailoverTransport, createTransport } from '../packages/core/dist/index.js';

const ROUNDS = Number(process.env.ROUNDS ?? 200);

function listen(status) {
  const server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(status === 200 ? '{"ok":true}' : '{"code":"unavailable","message":"down"}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

export async function run() {
  const primary = await listen(503);
  const backup = await listen(200);
  const url = (server) => `http://127.0.0.1:${server.address().port}`;
  const clock = { now: () => Date.parse('2026-09-01T09:00:00Z') };
  const wall = [];
  const virtual = [];
  const baseline = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      let first;
      let answered;
      const transport = createFailoverTransport({
        servers: [url(primary), url(backup)],
        clock,
        retry: { limit: 3, backoff: { baseMs: 10, capMs: 50 } },
        failover: {
          failureThreshold: 2,
          onEvent: (event) => {
            if (event.type === 'failure' && first === undefined) {
              first = event;
            }
            if (event.type === 'answer' && answered === undefined) {
              answered = event;
            }
          },
        },
      });
      await transport.get('/records');
      wall.push(answered.wallMs - first.wallMs);
      virtual.push(answered.at - first.at);
      const plain = createTransport({ baseUrl: url(backup), clock });
      const started = performance.now();
      await plain.get('/records');
      baseline.push(performance.now() - started);
    }
  } finally {
    primary.close();
    backup.close();
  }
  const results = [
    {
      name: 'first failure → backup answer',
      rounds: ROUNDS,
      wallMedianMs: +median(wall).toFixed(2),
      wallMaxMs: +Math.max(...wall).toFixed(2),
      virtualMedianMs: median(virtual),
    },
    { name: 'baseline: one call to the backup', rounds: ROUNDS, wallMedianMs: +median(baseline).toFixed(2) },
  ];
  return { results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { results } = await run();
  for (const row of results) {
    console.log(JSON.stringify(row));
  }
}
