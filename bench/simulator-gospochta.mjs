#!/usr/bin/env node
/**
 * The gospochta portal of the standalone goskit-sim server, driven by the real @goskit/gospochta client
 * (every request and answer a protected packet: PII fields under AES-256-GCM, HMAC-SHA-256, digest):
 *
 * 1. letters → delivery act: a batch of 16 legally significant letters (a signed PDF each) sent
 *    concurrently, the virtual clock moved 2 minutes (control API), then each letter's signed delivery
 *    act fetched and verified (signature, hashes). Baseline, same run: a bare node:http echo answering
 *    the very same HTTP exchanges the client made for a batch — same count, methods, body sizes and
 *    concurrency — so the ratio is what the portal's work (packets, CMS check, acts, PDFs, journal)
 *    costs against the HTTP floor.
 * 2. mutual TLS vs plain HTTP: `session()` (a protected GET) at 16 in flight, one client over the
 *    HTTPS listener with a certificate the control API issued, one over plain HTTP, same server. Both
 *    pools are warmed at full concurrency first; the TLS connections opened while measuring are
 *    reported (keep-alive: 0 — a handshake per request would show here).
 *
 * Server in a child process (NODE_ENV=production), slices alternate, best of BENCH_ROUNDS (3) at
 * BENCH_SECONDS (2) each; load from other processes hits both sides alike.
 * Runs against the BUILT packages:  pnpm --filter @goskit/simulator... build && pnpm --filter
 * @goskit/gospochta build && node bench/simulator-gospochta.mjs
 */
import diagnostics from 'node:diagnostics_channel';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServerChild, stopServerChild } from './helpers/server-child.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const simulatorDist = join(here, '..', 'mocks', 'simulator', 'dist', 'index.js');
const gospochtaDist = join(here, '..', 'packages', 'gospochta', 'dist', 'index.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCH = 16;
const IN_FLIGHT = 16;
const SECRET_SYSTEM = 'demo-school';

/** The child: goskit-sim with esia + gospochta (HTTP and HTTPS), or a bare node:http echo. */
async function serveMode(kind) {
  if (kind === 'bare') {
    const server = createServer((req, res) => {
      let received = 0;
      req.on('data', (chunk) => {
        received += chunk.length;
      });
      req.on('end', () => {
        // The answer's size rides in the request (the size the portal's answer had): an echo of work.
        const size = Number(req.headers['x-answer-bytes'] ?? received);
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size });
        res.end(Buffer.alloc(size, 0x61));
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.stdout.write(`READY ${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
  } else {
    const simulator = await import(pathToFileURL(simulatorDist).href);
    const sim = simulator.createSimulator({
      seed: 'bench-gospochta',
      portals: [
        simulator.esiaPortal(),
        simulator.gospochtaPortal({ signatureAlg: 'RS256', sla: { failureRate: 0 } }),
      ],
      rateLimits: { gospochta: { ratePerSecond: 1e9, burst: 1e9 } },
      strictContracts: false,
      journalSize: 1000,
    });
    const server = await sim.listen({ port: 0, tlsPort: 0, host: '127.0.0.1' });
    process.stdout.write(
      `READY ${JSON.stringify({ url: server.url, http: server.baseUrl('gospochta'), https: server.tlsBaseUrl('gospochta') })}\n`,
    );
  }
  process.on('SIGTERM', () => process.exit(0));
}

const startChild = (kind) => startServerChild(fileURLToPath(import.meta.url), [kind]);
const stopChild = stopServerChild;

/** Runs `fn` repeatedly for `seconds`; units per second (fn returns how many units it did). */
async function slice(fn, seconds) {
  const started = performance.now();
  let units = 0;
  while (performance.now() - started < seconds * 1000) {
    units += await fn();
  }
  return (units * 1000) / (performance.now() - started);
}

/** `count` calls, at most IN_FLIGHT at a time. */
async function inFlight(count, call) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(IN_FLIGHT, count) }, async () => {
      while (next < count) {
        next += 1;
        await call();
      }
    }),
  );
  return count;
}

/** New TLS connections undici opens to the HTTPS listener, and how many resumed a session. */
function watchTlsConnections(port) {
  const counts = { opened: 0, resumed: 0 };
  const onConnected = ({ connectParams, socket }) => {
    if (connectParams.protocol === 'https:' && String(connectParams.port) === String(port)) {
      counts.opened += 1;
      counts.resumed += socket.isSessionReused() ? 1 : 0;
    }
  };
  diagnostics.subscribe('undici:client:connected', onConnected);
  return Object.assign(counts, {
    stop: () => diagnostics.unsubscribe('undici:client:connected', onConnected),
  });
}

/** A one-page PDF, enough for the portal's magic-byte and hash checks. */
function smallPdf() {
  return new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

async function clients(target) {
  const { SimulatorControl } = await import(pathToFileURL(simulatorDist).href);
  const gospochta = await import(pathToFileURL(gospochtaDist).href);
  const crypto = await import(pathToFileURL(join(here, '..', 'packages', 'crypto', 'dist', 'index.js')).href);
  // The first trust call makes the seed's keys (GOST in software): slow on a loaded machine.
  const control = new SimulatorControl({ baseUrl: target.url, timeout: 120_000 });
  const clock = await control.clock.follow();
  const trust = await control.portalControl('gospochta', 'GET', '/trust');
  const keys = await control.portalControl('gospochta', 'GET', `/packet-keys?clientId=${SECRET_SYSTEM}`);
  const packetKeys = {
    keys: keys.keys.map((key) => ({
      kid: key.kid,
      macKey: new Uint8Array(Buffer.from(key.macKey, 'base64')),
      encryptionKey: new Uint8Array(Buffer.from(key.encryptionKey, 'base64')),
    })),
  };
  const issued = await control.portalControl(
    'gospochta',
    'POST',
    `/systems/${SECRET_SYSTEM}/certificates`,
    {},
  );
  const pair = crypto.generateGostKeyPair('tc26-256-A');
  const certificate = crypto.createSelfSignedCertificate({
    privateKey: pair.privateKey,
    subject: 'CN=Bench school',
    days: 30,
  });
  const signer = crypto.createSoftwareGostSigner({
    privateKey: pair.privateKey,
    certificate: certificate.pem,
  });
  const exchanges = [];
  const recordingFetch = async (input, init) => {
    const request = new Request(input, init);
    const sent = (await request.clone().arrayBuffer()).byteLength;
    const response = await fetch(request);
    const answer = new Uint8Array(await response.arrayBuffer());
    exchanges.push({ method: request.method, sent, answered: answer.byteLength });
    return new Response(answer, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  const common = {
    auth: {
      type: 'client_credentials',
      clientId: SECRET_SYSTEM,
      clientSecret: (await import(pathToFileURL(simulatorDist).href)).DEMO_GOSPOCHTA_SECRET,
    },
    packetKeys,
    clock,
    signer,
    portalCertificates: trust.portalCertificates,
    documentCertificates: trust.documentCertificates,
  };
  return {
    control,
    exchanges,
    plain: gospochta.createGospochtaClient({ ...common, baseUrl: target.http }),
    recorded: gospochta.createGospochtaClient({ ...common, baseUrl: target.http, fetch: recordingFetch }),
    mtls: gospochta.createGospochtaClient({
      ...common,
      baseUrl: target.https,
      tls: { cert: issued.certificatePem, key: issued.privateKeyPem, ca: trust.caPem },
    }),
    persons: (await control.portalControl('gospochta', 'GET', '/persons')).persons.filter(
      (person) => person.consent,
    ),
  };
}

/** A batch of letters to their delivery acts; returns the letters done. */
async function letterBatch(world, client, round) {
  const pdf = smallPdf();
  const sent = [];
  await inFlight(BATCH, async () => {
    const index = sent.length;
    const person = world.persons[(round * BATCH + index) % world.persons.length];
    sent.push(
      client.outbox.send({
        recipient: { lastName: person.lastName, firstName: person.firstName, snils: person.snils },
        documentType: 'notice',
        subject: `Уведомление ${round}-${index}`,
        attachments: [{ name: 'notice.pdf', mediaType: 'application/pdf', content: pdf }],
      }),
    );
    await sent.at(-1);
  });
  const letters = await Promise.all(sent);
  await world.control.clock.advance('PT2M');
  let at = 0;
  await inFlight(BATCH, async () => {
    const { letter } = letters[at];
    at += 1;
    const current = await client.outbox.get(letter.id);
    const { act } = await client.outbox.deliveryAct(letter.id, { letter: current });
    if (act === undefined) {
      throw new Error(`letter ${letter.id}: no act`);
    }
  });
  return BATCH;
}

/** The same exchanges as a recorded batch, against the echo: same sizes, same concurrency. */
async function echoBatch(url, exchanges) {
  let at = 0;
  const half = Math.floor(exchanges.length / 2);
  const run = async (until) => {
    await inFlight(until - at, async () => {
      const exchange = exchanges[at];
      at += 1;
      const response = await fetch(`${url}/gospochta/v1/echo`, {
        method: exchange.method,
        headers: { 'x-answer-bytes': String(exchange.answered) },
        ...(exchange.method === 'GET' || exchange.sent === 0
          ? {}
          : { body: Buffer.alloc(exchange.sent, 0x62) }),
      });
      await response.arrayBuffer();
    });
  };
  await run(half);
  await run(exchanges.length);
  return BATCH;
}

async function best(pair) {
  const results = pair.map(() => 0);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, fn] of pair.entries()) {
      results[index] = Math.max(results[index], await slice(fn, SECONDS));
    }
  }
  return results;
}

export async function run() {
  const goskit = await startChild('goskit');
  const bare = await startChild('bare');
  try {
    const world = await clients(goskit.target);
    // Warm-up and the exchange record of one batch (the token request of the first call excluded).
    await world.recorded.session();
    world.exchanges.length = 0;
    await letterBatch(world, world.recorded, 0);
    const exchanges = [...world.exchanges];
    await letterBatch(world, world.plain, 1);
    await echoBatch(bare.target.url, exchanges);
    let round = 2;
    const [letters, echo] = await best([
      () => letterBatch(world, world.plain, round++),
      () => echoBatch(bare.target.url, exchanges),
    ]);
    // Warm at full concurrency: every connection of the pool open (and its handshake done) before
    // the clock starts; then count what the measured slices open — keep-alive means none.
    const session = (client) => () => inFlight(IN_FLIGHT * 4, () => client.session());
    await session(world.mtls)();
    await session(world.plain)();
    const connections = watchTlsConnections(new URL(goskit.target.https).port);
    const [mtls, plain] = await best([session(world.mtls), session(world.plain)]);
    connections.stop();
    await Promise.all([world.plain.close(), world.recorded.close(), world.mtls.close()]);
    return [
      {
        name: `gospochta letters → verified delivery act (batches of ${BATCH}, ${exchanges.length} HTTP exchanges a batch)`,
        opsPerSec: Number(letters.toFixed(1)),
        baseline: 'bare node:http echo of the same exchanges (count, methods, sizes, concurrency)',
        baselineOpsPerSec: Number(echo.toFixed(1)),
        ratio: Number((letters / echo).toFixed(4)),
      },
      {
        name: `gospochta session() over mutual TLS (${IN_FLIGHT} in flight)`,
        opsPerSec: Math.round(mtls),
        baseline: 'the same call over plain HTTP to the same server',
        baselineOpsPerSec: Math.round(plain),
        ratio: Number((mtls / plain).toFixed(3)),
        tlsConnectionsOpenedWhileMeasured: connections.opened,
        ofThemResumed: connections.resumed,
      },
    ];
  } finally {
    await stopChild(goskit.child);
    await stopChild(bare.child);
  }
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex !== -1) {
  await serveMode(process.argv[serveIndex + 1]);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await run(), null, 2));
  process.exit(0);
}
