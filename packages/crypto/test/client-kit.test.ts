// One client kit in @goskit/crypto (issue 10 §3): `clock` instead of `now`, `timeout` instead of
// `timeoutMs` (old names still work, with a one-time DeprecationWarning), and the ASN.1 internals on
// the `@goskit/crypto/asn1` subpath (the root keeps PEM ↔ DER and deprecated re-exports).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1 from '@goskit/crypto/asn1';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as root from '../src/index.js';
import { type GostFixture, makeGostFixture, opensslGostAvailable } from './signer-fixtures.js';

const { createWebhookVerifier, OpenSslGostSigner, signWebhook, staticKeys, verifyJwt, verifyWebhook } = root;

afterEach(() => vi.restoreAllMocks());

describe('@goskit/crypto/asn1', () => {
  it('holds the DER reader/writer; the root keeps PEM and deprecated aliases of the moved names', () => {
    const encoded = asn1.der.sequence(asn1.der.oid('1.2.643.7.1.1.1.1'), asn1.der.integer(5n));
    const node = asn1.expectSequence(asn1.parseDer(encoded), 'test', 2);
    expect(asn1.oidToString(node.children[0]!)).toBe('1.2.643.7.1.1.1.1');
    expect(asn1.readInteger(node.children[1]!)).toBe(5n);
    const pem = asn1.derToPem(encoded, 'TEST');
    expect(root.pemToDer(pem)).toEqual(encoded);
    expect(root.derToPem(encoded, 'TEST')).toBe(pem);
    // Deprecated root aliases are the very same functions, for one minor release.
    expect(root.der).toBe(asn1.der);
    expect(root.parseDer).toBe(asn1.parseDer);
    expect(root.TAG).toBe(asn1.TAG);
  });
});

describe('clock', () => {
  it('verifyJwt checks exp against the given clock', async () => {
    const secret = new TextEncoder().encode('0123456789abcdef0123456789abcdef');
    const at = Date.UTC(2030, 0, 1);
    const token = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(at / 1000)
      .setExpirationTime(at / 1000 + 60)
      .sign(secret);
    const keys = staticKeys([secret]);
    await expect(
      verifyJwt(token, { algorithms: ['HS256'], keys, clock: { now: () => at + 30_000 } }),
    ).resolves.toBeDefined();
    await expect(
      verifyJwt(token, { algorithms: ['HS256'], keys, clock: { now: () => at + 600_000 } }),
    ).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    await expect(verifyJwt(token, { algorithms: ['HS256'], keys, clock: {} as never })).rejects.toMatchObject(
      { code: 'INVALID_INPUT' },
    );
  });

  it('verifyJwt: the deprecated now (Date, ms or function) still works and warns once', async () => {
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const secret = new TextEncoder().encode('0123456789abcdef0123456789abcdef');
    const at = Date.UTC(2030, 0, 1);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(at / 1000 + 60)
      .sign(secret);
    const keys = staticKeys([secret]);
    for (const now of [at, new Date(at), () => at]) {
      await expect(verifyJwt(token, { algorithms: ['HS256'], keys, now })).resolves.toBeDefined();
    }
    const warnings = emitted.mock.calls.filter((call) => String(call[0]).includes('verifyJwt'));
    expect(warnings.length).toBeLessThanOrEqual(1); // once per process (an earlier file may have used it)
  });

  it('verifyWebhook and createWebhookVerifier follow the clock, replay window included', async () => {
    const secret = 'webhook-secret-0123456789abcdef';
    const t0 = Date.UTC(2030, 0, 1);
    const header = await signWebhook('{"a":1}', secret, { timestamp: t0 });
    let now = t0 + 299_000;
    const clock = { now: () => now };
    await expect(verifyWebhook('{"a":1}', header, secret, { clock })).resolves.toEqual({
      timestamp: t0 / 1000,
    });
    now = t0 + 301_000;
    await expect(verifyWebhook('{"a":1}', header, secret, { clock })).rejects.toMatchObject({
      code: 'TIMESTAMP_OUT_OF_TOLERANCE',
    });
    now = t0;
    const verify = createWebhookVerifier(secret, { clock });
    await expect(verify('{"a":1}', header)).resolves.toBeDefined();
    await expect(verify('{"a":1}', header)).rejects.toMatchObject({ code: 'REPLAY_DETECTED' });
  });
});

describe.skipIf(!opensslGostAvailable())('signer timeout', () => {
  let fixture: GostFixture;
  beforeAll(() => {
    fixture = makeGostFixture();
  });
  afterAll(() => fixture?.cleanup?.());

  it('`timeout` kills a hung tool; `timeoutMs` still works with a one-time warning', async () => {
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const hung = join(fixture.dir, 'hung-openssl-kit.sh');
    writeFileSync(hung, '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
    const base = { keyFile: fixture.keyFile, certificateFile: fixture.certFile, opensslPath: hung };
    const data = new TextEncoder().encode('x');
    for (const signer of [
      new OpenSslGostSigner({ ...base, timeout: 200 }),
      new OpenSslGostSigner({ ...base, timeoutMs: 200 }),
    ]) {
      const started = Date.now();
      await expect(signer.sign(data)).rejects.toMatchObject({ code: 'SIGNER_TIMEOUT', step: 'timeout' });
      expect(Date.now() - started).toBeLessThan(5000);
    }
    expect(() => new OpenSslGostSigner({ ...base, timeout: 0 })).toThrow(/timeout must be a positive number/);
    new OpenSslGostSigner({ ...base, timeoutMs: 200 });
    const renames = emitted.mock.calls.filter((call) =>
      String(call[0]).includes("'timeoutMs' option is renamed"),
    );
    expect(renames.length).toBeLessThanOrEqual(1);
  });
});
