#!/usr/bin/env node
/**
 * ESIA portal throughput in process (software GOST), each case against a baseline measured in the
 * same run, in alternating slices (best of 3) so load from other processes hits both alike:
 *   authorize        full GET /aas/oauth2/v2/ac through sim.handle (GOST verify + engine)
 *                    vs  bare verifyClientSecret of @goskit/crypto (the GOST verify alone)
 *   code exchange    full POST /aas/oauth2/v3/te (GOST verify + JWT verify + 2 JWTs signed)
 *                    vs  bare verifyClientSecret
 *   person GET       GET /rs/prns/{oid}?embed=(contacts.elements) with a Bearer token
 *                    vs  the school demo portal's GET /school (engine floor, no token)
 * Runs the TypeScript sources through tsx (the portal is not in dist until it is exported):
 *   node bench/simulator-esia.mjs            BENCH_MS=1000 per slice
 */
import { register } from 'tsx/esm/api';

const DURATION_MS = Number(process.env.BENCH_MS ?? 1000);
const ROUNDS = 3;

async function slice(fn, ms, maxOps = Number.POSITIVE_INFINITY) {
  let ops = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms && ops < maxOps) {
    await fn();
    ops++;
    elapsed = performance.now() - started;
  }
  return (ops * 1000) / elapsed;
}

async function pair(name, fn, baselineName, baseline, maxOps) {
  await fn();
  await baseline();
  let best = 0;
  let bestBaseline = 0;
  for (let round = 0; round < ROUNDS; round++) {
    best = Math.max(best, await slice(fn, DURATION_MS / ROUNDS, maxOps));
    bestBaseline = Math.max(bestBaseline, await slice(baseline, DURATION_MS / ROUNDS));
  }
  return {
    name,
    opsPerSec: Math.round(best),
    baseline: baselineName,
    baselineOpsPerSec: Math.round(bestBaseline),
    ratio: Number((best / bestBaseline).toFixed(3)),
  };
}

export async function run() {
  const unregister = register();
  try {
    const src = (path) => import(new URL(`../mocks/simulator/${path}`, import.meta.url).href);
    const { createSimulator } = await src('src/engine/create-simulator.ts');
    const { esiaPortal } = await src('src/portals/esia/index.ts');
    const { schoolPortal } = await src('src/portals/school/school-portal.ts');
    const support = await src('test/esia-support.ts');
    const crypto = await import(new URL('../packages/crypto/src/index.ts', import.meta.url).href);

    // Generous limits: the bench measures work, not throttling.
    const sim = createSimulator({
      seed: 'bench',
      portals: [esiaPortal({ rateLimit: { ratePerSecond: 1e9, burst: 1e9 } }), schoolPortal],
      strictContracts: false,
      rateLimits: { school: { ratePerSecond: 1e9, burst: 1e9 } },
    });
    const demo = (await src('src/portals/esia/demo-client.ts')).demoEsiaClient(sim);
    const query = await support.authorizeQuery(sim);
    const verifyOnly = async () => {
      crypto.verifyClientSecret({
        secret: query.client_secret,
        certificate: demo.certificatePem,
        fields: {
          flow: 'v2/ac',
          clientId: query.client_id,
          scope: query.scope,
          timestamp: query.timestamp,
          state: query.state,
          redirectUri: query.redirect_uri,
        },
      });
    };
    const results = [];
    results.push(
      await pair(
        'authorize (v2/ac)',
        () => sim.handle(support.acRequest(query)),
        'verifyClientSecret',
        verifyOnly,
      ),
    );

    // One code per exchange: prepare a pool of codes and signed forms outside the timed loop.
    const pool = [];
    const refill = async (count) => {
      for (let i = 0; i < count; i++) {
        const started = await sim.handle(support.acRequest(await support.authorizeQuery(sim)));
        const back = await support.loginAndConsent(sim, started, 'ivan.ivanov');
        const code = new URL(back.headers.location).searchParams.get('code');
        pool.push(
          support.request('POST', '/aas/oauth2/v3/te', { form: await support.codeExchangeForm(sim, code) }),
        );
      }
    };
    const perRound = 150;
    await refill(perRound * ROUNDS + 1);
    const exchange = async () => {
      const next = pool.pop();
      if (!next) {
        throw new Error('code pool exhausted: raise the pool size');
      }
      const response = await sim.handle(next);
      if (response.status !== 200) {
        throw new Error(`exchange failed ${response.status}`);
      }
    };
    results.push(await pair('code exchange (v3/te)', exchange, 'verifyClientSecret', verifyOnly, perRound));

    const last = await sim.handle(
      support.acRequest(await support.authorizeQuery(sim, { scope: 'openid fullname contacts' })),
    );
    const back = await support.loginAndConsent(sim, last, 'ivan.ivanov');
    const code = new URL(back.headers.location).searchParams.get('code');
    const tokenResponse = await sim.handle(
      support.request('POST', '/aas/oauth2/v3/te', {
        form: await support.codeExchangeForm(sim, code, { scope: 'openid fullname contacts' }),
      }),
    );
    const { access_token } = JSON.parse(tokenResponse.body);
    // The token's own person: another oid would time a 403.
    const oid = sim.demo.personas.find((persona) => persona.login === 'ivan.ivanov').oid;
    const personRequest = support.request('GET', `/rs/prns/${oid}?embed=(contacts.elements)`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    const probe = await sim.handle(personRequest);
    if (probe.status !== 200) {
      throw new Error(`person GET answered ${probe.status}, expected 200`);
    }
    const schoolRequest = {
      ...support.request('GET', '/school'),
      portal: 'school',
      baseUrl: 'https://school.goskit.test',
      url: 'https://school.goskit.test/school',
    };
    results.push(
      await pair(
        'person GET (RS256 token)',
        () => sim.handle(personRequest),
        'school GET /school',
        () => sim.handle(schoolRequest),
      ),
    );
    return { name: 'simulator-esia', results };
  } finally {
    await unregister();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await run();
  console.table(report.results);
  console.log(JSON.stringify(report));
}
