#!/usr/bin/env node
// Protected packets of @goskit/gospochta, build + verify per second (a letter body with 8 personal-
// data fields: encrypt them with AES-256-GCM, canonical JSON, SHA-256 digest, HMAC-SHA-256 over the
// protected header; verify: header, time, MAC, digest, parse, decrypt, replay record) versus the bare
// WebCrypto primitives doing the same cryptographic work — 8 AES-GCM encryptions + one HMAC sign,
// then one HMAC verify + 8 decryptions, keys imported once — measured in the same run, in alternating
// slices. Also with an RS256 JWS over the body (versus the bare primitives plus one RSA sign + verify)
// and with a GOST3410_2012_256 JWS in software (versus the bare primitives plus @goskit/crypto's GOST
// sign + verify).
// `ratio` compares CPU-second rates (steadier on a shared machine); `wallRatio` the wall-clock ones.
// Runs against the BUILT packages:  pnpm --filter @goskit/gospochta... build && node bench/gospochta-packets.mjs
// BENCH_MS sets the time per case (default 1500).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../packages/gospochta/dist/index.js', import.meta.url));
const DURATION_MS = Number(process.env.BENCH_MS ?? 1500);
const ROUNDS = 3;

const LETTER = {
  recipient: { lastName: 'Петрова', firstName: 'Анна', middleName: 'Сергеевна', snils: '112-233-445 95' },
  payer: {
    inn: '500100732259',
    passport: '4508 123456',
    address: 'г. Москва, ул. Тверская, д. 7',
    phone: '+79161234567',
  },
  documentType: 'court-notice',
  subject: 'Судебное извещение по делу № 2-1234/2025',
  text: 'Вы вызываетесь в судебное заседание.',
  externalId: 'case-2-1234',
  attachments: [
    {
      name: 'notice.pdf',
      mediaType: 'application/pdf',
      sha256: 'ab'.repeat(32),
      streebog256: 'cd'.repeat(32),
    },
  ],
};
const PII = [
  LETTER.recipient.lastName,
  LETTER.recipient.firstName,
  LETTER.recipient.middleName,
  LETTER.recipient.snils,
  LETTER.payer.inn,
  LETTER.payer.passport,
  LETTER.payer.address,
  LETTER.payer.phone,
];

/** Ops per wall-clock second and per CPU second of this process (threadpool included: WebCrypto runs there). */
async function slice(fn, ms) {
  let ops = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < ms) {
    await fn();
    ops++;
    elapsed = performance.now() - started;
  }
  const used = process.cpuUsage(cpu);
  return { wall: (ops * 1000) / elapsed, cpu: (ops * 1e6) / (used.user + used.system) };
}

/**
 * A case and its baseline in alternating slices, best of ROUNDS each (load from other processes hits
 * both alike). The CPU-second rate is the steadier one on a shared machine; `ratio` uses it.
 */
async function measurePair(nameA, fnA, nameB, fnB) {
  for (let i = 0; i < 30; i++) {
    await fnA();
    await fnB();
  }
  const a = { wall: 0, cpu: 0 };
  const b = { wall: 0, cpu: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const x = await slice(fnA, DURATION_MS / ROUNDS);
    const y = await slice(fnB, DURATION_MS / ROUNDS);
    a.wall = Math.max(a.wall, x.wall);
    a.cpu = Math.max(a.cpu, x.cpu);
    b.wall = Math.max(b.wall, y.wall);
    b.cpu = Math.max(b.cpu, y.cpu);
  }
  return [
    {
      name: nameA,
      opsPerSec: Math.round(a.wall),
      opsPerCpuSec: Math.round(a.cpu),
      baseline: nameB,
      ratio: +(a.cpu / b.cpu).toFixed(3),
      wallRatio: +(a.wall / b.wall).toFixed(3),
    },
    { name: nameB, opsPerSec: Math.round(b.wall), opsPerCpuSec: Math.round(b.cpu) },
  ];
}

export default async function run() {
  if (!existsSync(dist)) {
    throw new Error('packages/gospochta/dist is missing: pnpm --filter @goskit/gospochta... build');
  }
  const { createPacketCodec } = await import(dist);
  const {
    generateGostKeyPair,
    createSelfSignedCertificate,
    createSoftwareGostSigner,
    gostSign,
    gostVerify,
    WebCryptoSigner,
  } = await import(fileURLToPath(new URL('../packages/crypto/dist/index.js', import.meta.url)));
  const subtle = globalThis.crypto.subtle;
  const random = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));
  const key = { kid: 'k1', macKey: random(32), encryptionKey: random(32) };
  const clock = { now: () => Date.now() };
  const request = {
    method: 'POST',
    target: '/v1/outbox',
    requestId: 'req-bench-0001',
    idempotencyKey: 'idem-bench-0001',
  };

  const sender = createPacketCodec({ keys: { keys: [key] }, clock });
  const receiver = createPacketCodec({ keys: { keys: [key] }, clock });
  const packetRoundTrip = async (from, to) => {
    const packet = await from.buildRequest({ ...request, json: LETTER });
    await to.verifyRequest({
      method: 'POST',
      target: '/v1/outbox',
      headers: packet.headers,
      body: packet.body,
    });
  };

  // The bare primitives: the same encryptions, MAC and decryptions on keys imported once.
  const aes = await subtle.importKey('raw', key.encryptionKey, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const hmac = await subtle.importKey('raw', key.macKey, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  const encoder = new TextEncoder();
  const plain = PII.map((value) => encoder.encode(value));
  const body = encoder.encode(JSON.stringify(LETTER));
  const bare = async (extraSign, extraVerify) => {
    const sealed = await Promise.all(
      plain.map(async (bytes) => {
        const iv = random(12);
        return { iv, data: await subtle.encrypt({ name: 'AES-GCM', iv }, aes, bytes) };
      }),
    );
    const mac = await subtle.sign('HMAC', hmac, body);
    const signature = extraSign ? await extraSign(body) : undefined;
    if (!(await subtle.verify('HMAC', hmac, mac, body))) {
      throw new Error('bare HMAC failed');
    }
    if (extraVerify) {
      await extraVerify(body, signature);
    }
    await Promise.all(sealed.map(({ iv, data }) => subtle.decrypt({ name: 'AES-GCM', iv }, aes, data)));
  };

  const results = [];
  results.push(
    ...(await measurePair(
      'packet build + verify (8 PII fields, HMAC, digest, replay check)',
      () => packetRoundTrip(sender, receiver),
      'bare AES-256-GCM ×8 + HMAC-SHA-256 (sign + verify)',
      () => bare(),
    )),
  );

  // RS256 JWS over the body.
  const rsaParams = {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  };
  const rsa = await subtle.generateKey(rsaParams, true, ['sign', 'verify']);
  const rsaCert = await rsaCertificate(rsa);
  const rsaSigner = new WebCryptoSigner({
    algorithm: 'RS256',
    privateKey: rsa.privateKey,
    certificate: rsaCert,
  });
  const rsSender = createPacketCodec({ keys: { keys: [key] }, clock, jws: { signer: rsaSigner } });
  const rsReceiver = createPacketCodec({
    keys: { keys: [key] },
    clock,
    jws: { trust: [rsaCert], require: true },
  });
  results.push(
    ...(await measurePair(
      'packet build + verify with RS256 JWS',
      () => packetRoundTrip(rsSender, rsReceiver),
      'bare AES-GCM ×8 + HMAC + RSA sign + verify',
      () =>
        bare(
          async (data) => subtle.sign('RSASSA-PKCS1-v1_5', rsa.privateKey, data),
          async (data, signature) => subtle.verify('RSASSA-PKCS1-v1_5', rsa.publicKey, signature, data),
        ),
    )),
  );

  // GOST JWS over the body, in software.
  const gost = generateGostKeyPair('tc26-256-A');
  const gostCert = createSelfSignedCertificate({ privateKey: gost.privateKey, subject: 'CN=bench', days: 2 });
  const gostSigner = createSoftwareGostSigner({ privateKey: gost.privateKey, certificate: gostCert.pem });
  const gostSender = createPacketCodec({ keys: { keys: [key] }, clock, jws: { signer: gostSigner } });
  const gostReceiver = createPacketCodec({
    keys: { keys: [key] },
    clock,
    jws: { trust: [gostCert.pem], require: true },
  });
  results.push(
    ...(await measurePair(
      'packet build + verify with GOST3410_2012_256 JWS (software)',
      () => packetRoundTrip(gostSender, gostReceiver),
      'bare AES-GCM ×8 + HMAC + GOST sign + verify (@goskit/crypto)',
      () =>
        bare(
          async (data) => gostSign(gost.privateKey, data),
          async (data, signature) => gostVerify(gost.publicKey, data, signature),
        ),
    )),
  );
  return { results };
}

/** A self-signed certificate for the WebCrypto RSA key, made by openssl. */
async function rsaCertificate(pair) {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'gospochta-bench-'));
  try {
    const pkcs8 = Buffer.from(await globalThis.crypto.subtle.exportKey('pkcs8', pair.privateKey)).toString(
      'base64',
    );
    writeFileSync(
      join(dir, 'key.pem'),
      `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g).join('\n')}\n-----END PRIVATE KEY-----\n`,
    );
    execFileSync(
      'openssl',
      ['req', '-x509', '-key', 'key.pem', '-out', 'cert.pem', '-days', '2', '-subj', '/CN=bench'],
      { cwd: dir, stdio: 'ignore' },
    );
    return readFileSync(join(dir, 'cert.pem'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { results } = await run();
  for (const row of results) {
    console.log(row);
  }
}
