// JWS sign/verify through @goskit/crypto (jose underneath) versus raw WebCrypto over the same
// signing input, plus GOST3410_2012_256 JWT sign/verify in software. Runs against the BUILT package:
//   pnpm --filter @goskit/crypto build && node bench/crypto-jose.mjs
// BENCH_MS sets the time per case (default 1000).
import {
  generateGostKeyPair,
  signGostJwt,
  signJws,
  staticKeys,
  verifyJws,
  verifyJwt,
} from '../packages/crypto/dist/index.js';

const DURATION_MS = Number(process.env.BENCH_MS ?? 1000);
const encoder = new TextEncoder();
const payload = JSON.stringify({
  iss: 'http://esia-portal1.test.gosuslugi.ru/',
  sub: '1000328686',
  scope: 'openid fullname snils',
  iat: 1768467600,
  exp: 4102444800,
});

async function slice(fn, ms) {
  let ops = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    await fn();
    ops++;
    elapsed = performance.now() - started;
  }
  return { ops, opsPerSec: (ops * 1000) / elapsed };
}

// A case and its baseline run in alternating slices (best of ROUNDS each), so load from other
// processes on a shared machine hits both alike.
const ROUNDS = 3;
async function measurePair(nameA, fnA, nameB, fnB) {
  for (let i = 0; i < 20; i++) {
    await fnA();
    await fnB();
  }
  const best = { a: { ops: 0, opsPerSec: 0 }, b: { ops: 0, opsPerSec: 0 } };
  for (let round = 0; round < ROUNDS; round++) {
    const a = await slice(fnA, DURATION_MS / ROUNDS);
    const b = await slice(fnB, DURATION_MS / ROUNDS);
    if (a.opsPerSec > best.a.opsPerSec) {
      best.a = a;
    }
    if (b.opsPerSec > best.b.opsPerSec) {
      best.b = b;
    }
  }
  const a = { name: nameA, opsPerSec: Math.round(best.a.opsPerSec) };
  const b = { name: nameB, opsPerSec: Math.round(best.b.opsPerSec) };
  return [{ ...a, baseline: nameB, ratio: +(a.opsPerSec / b.opsPerSec).toFixed(3) }, b];
}

const keyParams = {
  RS256: {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
};

const webCryptoParams = {
  RS256: { name: 'RSASSA-PKCS1-v1_5' },
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
};

export default async function run() {
  const results = [];
  for (const alg of ['RS256', 'ES256']) {
    const { privateKey, publicKey } = await crypto.subtle.generateKey(keyParams[alg], false, [
      'sign',
      'verify',
    ]);
    const token = await signJws(payload, privateKey, { alg });
    const [h, p, s] = token.split('.');
    const input = encoder.encode(`${h}.${p}`);
    const signature = Buffer.from(s, 'base64url');
    const params = webCryptoParams[alg];
    results.push(
      ...(await measurePair(
        `${alg} sign (goskit/jose)`,
        () => signJws(payload, privateKey, { alg }),
        `${alg} sign (raw WebCrypto)`,
        () => crypto.subtle.sign(params, privateKey, input),
      )),
      ...(await measurePair(
        `${alg} verify (goskit/jose)`,
        () => verifyJws(token, publicKey, { algorithms: [alg] }),
        `${alg} verify (raw WebCrypto)`,
        () => crypto.subtle.verify(params, publicKey, signature, input),
      )),
    );
  }
  const gost = generateGostKeyPair('tc26-256-A');
  const claims = JSON.parse(payload);
  const gostToken = await signGostJwt(claims, gost.privateKey);
  const keys = staticKeys([gost.publicKey]);
  const rsaForScale = await crypto.subtle.generateKey(keyParams.RS256, false, ['sign', 'verify']);
  const rsaToken = await signJws(payload, rsaForScale.privateKey, { alg: 'RS256' });
  const [gostSign, rsSign] = await measurePair(
    'GOST3410_2012_256 JWT sign (software)',
    () => signGostJwt(claims, gost.privateKey),
    'RS256 JWT sign (goskit/jose), for scale',
    () => signJws(payload, rsaForScale.privateKey, { alg: 'RS256' }),
  );
  const [gostVerify, rsVerify] = await measurePair(
    'GOST3410_2012_256 JWT verify (software, with claims)',
    () => verifyJwt(gostToken, { algorithms: ['GOST3410_2012_256'], keys, requireExpiration: false }),
    'RS256 JWT verify (goskit/jose), for scale',
    () => verifyJws(rsaToken, rsaForScale.publicKey, { algorithms: ['RS256'] }),
  );
  results.push(gostSign, rsSign, gostVerify, rsVerify);
  return { name: 'crypto-jose', results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await run();
  console.log(`\n${report.name} (${DURATION_MS} ms per case)`);
  console.table(
    report.results.map((r) => ({
      case: r.name,
      'ops/s': r.opsPerSec,
      'ratio vs baseline': r.ratio ?? '',
      baseline: r.baseline ?? '',
    })),
  );
  console.log(JSON.stringify(report));
}
