/**
 * The ESIA portal's refusal rules one by one, called directly (no route around them): the timestamp
 * window, the certificate's validity and hash, the GOST client_secret and its byte order, the legacy
 * PKCS#7 secret, and what a client registration accepts. Each test states one rule at its edge;
 * mutation testing (`pnpm mutation esia`) checks that no rule can be weakened unnoticed.
 */
import {
  createClientSecret,
  createPkcs7ClientSecret,
  createSelfSignedCertificate,
  createSoftwareGostSigner,
  type EsiaSignedFields,
  esiaTimestamp,
  generateGostKeyPair,
} from '@goskit/crypto';
import { describe, expect, it } from 'vitest';
import {
  checkCertificateHash,
  checkCertificateValidity,
  checkClientSecret,
  checkClientSecretAny,
  checkPkcs7Secret,
  checkTimestamp,
} from '../src/portals/esia/checks.js';
import {
  addClient,
  buildClientRecord,
  clientAllowsScope,
  registerEsiaClient,
  summarizeClient,
} from '../src/portals/esia/clients.js';
import { EsiaRejection } from '../src/portals/esia/errors.js';
import type { EsiaState } from '../src/portals/esia/state.js';
import { newSim } from './esia-support.js';

const NOT_BEFORE = new Date(Date.UTC(2026, 0, 1));
const DAY_MS = 86_400_000;
const pair = generateGostKeyPair();
const certificate = createSelfSignedCertificate({
  privateKey: pair.privateKey,
  subject: 'CN=Rules,O=Vendor',
  notBefore: NOT_BEFORE,
  days: 365,
});
const signer = createSoftwareGostSigner({ privateKey: pair.privateKey, certificate: certificate.pem });
const client = buildClientRecord({
  clientId: 'RULES_SYS',
  redirectUris: ['https://vendor.example/cb'],
  certificatePem: certificate.pem,
});
const otherKey = generateGostKeyPair().privateKey;
const other = createSelfSignedCertificate({
  privateKey: otherKey,
  subject: 'CN=Other,O=V',
  notBefore: NOT_BEFORE,
});
const otherSigner = createSoftwareGostSigner({ privateKey: otherKey, certificate: other.pem });

/** Thrown SimulatorError of a registration (code, field, message). */
function refusal(
  input: unknown,
  nowMs?: number,
): { code: string; field: string; message: string; cause: unknown } {
  try {
    buildClientRecord(input, nowMs);
  } catch (error) {
    return error as { code: string; field: string; message: string; cause: unknown };
  }
  throw new Error('expected the registration to be refused');
}

const valid = {
  clientId: 'RULES_SYS',
  redirectUris: ['https://vendor.example/cb'],
  certificatePem: certificate.pem,
};

describe('checkTimestamp: ESIA-007015 outside ±skew of the virtual now', () => {
  const now = Date.UTC(2026, 8, 1, 9, 0, 0);
  const at = (ms: number) => esiaTimestamp(new Date(ms));

  it('accepts exactly the skew on either side and refuses one millisecond more', () => {
    expect(checkTimestamp(at(now), now, 5)).toBeUndefined();
    expect(checkTimestamp(at(now - 300_000), now, 5)).toBeUndefined();
    expect(checkTimestamp(at(now + 300_000), now, 5)).toBeUndefined();
    // The timestamp has whole seconds: move the virtual now by one millisecond instead.
    expect(checkTimestamp(at(now - 300_000), now + 1, 5)?.code).toBe('007015');
    expect(checkTimestamp(at(now + 300_000), now - 1, 5)?.code).toBe('007015');
  });

  it('the window is skewMinutes wide: 0 accepts only the same instant', () => {
    expect(checkTimestamp(at(now), now, 0)).toBeUndefined();
    expect(checkTimestamp(at(now + 1000), now, 0)?.code).toBe('007015');
    expect(checkTimestamp(at(now + 600_000), now, 10)).toBeUndefined();
    expect(checkTimestamp(at(now + 601_000), now, 10)?.code).toBe('007015');
  });

  it('the note names the virtual clock, its time, the window and the timestamp read', () => {
    const far = checkTimestamp(at(now + 3_600_000), now, 5);
    expect(far).toBeInstanceOf(EsiaRejection);
    expect(far?.note).toContain("timestamp is 2026-09-01T10:00:00.000Z; the simulator's virtual clock reads");
    expect(far?.note).toContain('2026-09-01T09:00:00.000Z and accepts ±5 min — sign with that clock');
    expect(far?.note).toContain('GET /__goskit/clock');
  });

  it('a timestamp that is not yyyy.MM.dd HH:mm:ss ±hhmm is 007015 saying so', () => {
    for (const text of ['', '2026-09-01 12:00:00 +0300', '2026.09.01 12:00:00', 'now']) {
      const rejection = checkTimestamp(text, now, 5);
      expect(rejection?.code, text).toBe('007015');
      expect(rejection?.note).toContain("timestamp is not 'yyyy.MM.dd HH:mm:ss +hhmm'");
      expect(rejection?.note).toContain('virtual clock reads 2026-09-01T09:00:00.000Z');
    }
  });
});

describe('checkCertificateValidity: ESIA-007053 outside notBefore … notAfter', () => {
  const notAfter = NOT_BEFORE.getTime() + 365 * DAY_MS;

  it('valid from its first to its last millisecond, both included', () => {
    expect(client.notBeforeMs).toBe(NOT_BEFORE.getTime());
    expect(client.notAfterMs).toBe(notAfter);
    expect(checkCertificateValidity(client, client.notBeforeMs)).toBeUndefined();
    expect(checkCertificateValidity(client, client.notAfterMs)).toBeUndefined();
  });

  it('one millisecond before is "not yet valid", one after "has expired", with the dates', () => {
    const early = checkCertificateValidity(client, client.notBeforeMs - 1);
    expect(early?.code).toBe('007053');
    expect(early?.note).toContain('the registered certificate is not yet valid at 2025-12-31T23:59:59.999Z');
    expect(early?.note).toContain('(valid 2026-01-01T00:00:00.000Z … 2027-01-01T00:00:00.000Z)');
    const late = checkCertificateValidity(client, client.notAfterMs + 1);
    expect(late?.code).toBe('007053');
    expect(late?.note).toContain('the registered certificate has expired at 2027-01-01T00:00:00.001Z');
  });
});

describe('checkCertificateHash: ESIA-007053 unless it is the registered certificate’s', () => {
  it('the hash matches in either letter case; another certificate’s does not', () => {
    expect(client.certificateHash).toMatch(/^[0-9A-F]{64}$/);
    expect(checkCertificateHash(client, client.certificateHash)).toBeUndefined();
    expect(checkCertificateHash(client, client.certificateHash.toLowerCase())).toBeUndefined();
    const wrong = checkCertificateHash(
      client,
      buildClientRecord({ ...valid, certificatePem: other.pem }).certificateHash,
    );
    expect(wrong?.code).toBe('007053');
    expect(wrong?.note).toBeUndefined();
    expect(checkCertificateHash(client, '')?.code).toBe('007053');
  });
});

describe('checkClientSecret: a GOST signature of the signed string by the registered certificate', () => {
  const fields: EsiaSignedFields = {
    flow: 'v2/ac',
    clientId: 'RULES_SYS',
    scope: 'openid fullname',
    timestamp: '2026.09.01 12:00:00 +0300',
    state: '4f2b0c3e-1111-4222-8333-444455556666',
    redirectUri: 'https://vendor.example/cb',
  };
  const reverse = (secret: string) => Buffer.from(secret, 'base64url').reverse().toString('base64url');

  it('the OpenSSL byte order verifies; other fields or another key are 007053 without a note', async () => {
    const { clientSecret } = await createClientSecret(signer, fields);
    expect(checkClientSecret(client, clientSecret, fields)).toBeUndefined();
    expect(checkClientSecret(client, clientSecret, fields, 'either')).toBeUndefined();
    const changed = checkClientSecret(client, clientSecret, { ...fields, state: 'other' });
    expect(changed?.code).toBe('007053');
    expect(changed?.note).toBeUndefined();
    const foreign = await createClientSecret(otherSigner, fields);
    expect(checkClientSecret(client, foreign.clientSecret, fields)?.code).toBe('007053');
    expect(checkClientSecret(client, 'not a signature', fields)?.code).toBe('007053');
  });

  it('reversed bytes (CryptoPro order) are refused by default with a note, accepted with "either"', async () => {
    const { clientSecret } = await createClientSecret(signer, fields);
    const reversed = reverse(clientSecret);
    const refused = checkClientSecret(client, reversed, fields);
    expect(refused?.code).toBe('007053');
    expect(refused?.note).toContain('the signature verifies only with its bytes reversed (CryptoPro order)');
    expect(checkClientSecret(client, reversed, fields, 'openssl')?.code).toBe('007053');
    expect(checkClientSecret(client, reversed, fields, 'either')).toBeUndefined();
  });

  it('checkClientSecretAny: one verifying variant suffices; the reversed note survives later misses', async () => {
    const { clientSecret } = await createClientSecret(signer, fields);
    const misses = [
      { ...fields, state: 'a' },
      { ...fields, state: 'b' },
    ];
    expect(checkClientSecretAny(client, clientSecret, [...misses, fields])).toBeUndefined();
    expect(checkClientSecretAny(client, clientSecret, [fields, ...misses])).toBeUndefined();
    const none = checkClientSecretAny(client, clientSecret, [{ ...fields, scope: 'openid' }, ...misses]);
    expect(none?.code).toBe('007053');
    expect(none?.note).toBeUndefined();
    expect(checkClientSecretAny(client, clientSecret, [])?.code).toBe('007053');

    const reversed = reverse(clientSecret);
    for (const variants of [
      [fields, ...misses],
      [misses[0] as EsiaSignedFields, fields, misses[1] as EsiaSignedFields],
      [...misses, fields],
    ]) {
      const rejection = checkClientSecretAny(client, reversed, variants);
      expect(rejection?.code).toBe('007053');
      expect(rejection?.note).toMatch(/bytes reversed/);
    }
    expect(checkClientSecretAny(client, reversed, [...misses, fields], 'either')).toBeUndefined();
  });
});

describe('checkPkcs7Secret (legacy v1): a detached PKCS#7 by the registered certificate', () => {
  const fields = {
    clientId: 'RULES_SYS',
    scope: 'openid',
    timestamp: '2026.09.01 12:00:00 +0300',
    state: '4f2b0c3e-1111-4222-8333-444455556666',
  };

  it('verifies over scope + timestamp + client_id + state; anything else is 007053', async () => {
    const { clientSecret } = await createPkcs7ClientSecret(signer, fields);
    expect(await checkPkcs7Secret(client, clientSecret, fields)).toBeUndefined();
    expect((await checkPkcs7Secret(client, clientSecret, { ...fields, state: 'other' }))?.code).toBe(
      '007053',
    );
    // Not base64 at all: the verifier throws, the check still answers 007053.
    expect((await checkPkcs7Secret(client, '%%%', fields))?.code).toBe('007053');
    const foreign = await createPkcs7ClientSecret(otherSigner, fields);
    expect((await checkPkcs7Secret(client, foreign.clientSecret, fields))?.code).toBe('007053');
  });
});

describe('client registration: what buildClientRecord accepts', () => {
  it('stores the trimmed certificate, its hash, validity, every scope and the id as title by default', () => {
    const record = buildClientRecord({ ...valid, certificatePem: `\n  ${certificate.pem}\n\n` });
    expect(record).toEqual({
      clientId: 'RULES_SYS',
      redirectUris: ['https://vendor.example/cb'],
      certificatePem: certificate.pem.trim(),
      certificateHash: client.certificateHash,
      notBeforeMs: NOT_BEFORE.getTime(),
      notAfterMs: NOT_BEFORE.getTime() + 365 * DAY_MS,
      scopes: ['*'],
      title: 'RULES_SYS',
    });
    expect(buildClientRecord({ ...valid, scopes: [] }).scopes).toEqual(['*']);
    expect(buildClientRecord({ ...valid, scopes: ['openid', 'fullname'] }).scopes).toEqual([
      'openid',
      'fullname',
    ]);
    expect(buildClientRecord({ ...valid, title: 'Школа №1' }).title).toBe('Школа №1');
    expect(buildClientRecord({ ...valid, title: 'T'.repeat(200) }).title).toHaveLength(200);
    const two = ['https://a.example/cb', 'http://localhost/'];
    expect(buildClientRecord({ ...valid, redirectUris: two }).redirectUris).toEqual(two);
  });

  it('the client id may use every letter, digit, _ . and - ', () => {
    for (const id of ['AZaz09', '_.-', 'Zz', '9-', 'a.b_c-d']) {
      expect(buildClientRecord({ ...valid, clientId: id }).clientId, id).toBe(id);
    }
    for (const bad of ['a b', 'a/b', 'a+b', 'ab\n', '\nab', 'a', 'Ж1', '']) {
      const error = refusal({ ...valid, clientId: bad });
      expect(error, JSON.stringify(bad)).toMatchObject({ code: 'INVALID_DATA', field: 'clientId' });
      expect(error.message).toContain('clientId: 2–64 characters of A–Z, a–z, 0–9, _ . -');
    }
  });

  it('each refused field is named with its rule', () => {
    expect(refusal({ ...valid, redirectUris: ['not a url'] })).toMatchObject({ field: 'redirectUris.0' });
    expect(refusal({ ...valid, redirectUris: ['ftp://x.example/'] }).message).toContain(
      'redirectUris: absolute http(s) URLs',
    );
    expect(refusal({ ...valid, redirectUris: [] })).toMatchObject({ field: 'redirectUris' });
    expect(refusal({ ...valid, redirectUris: [] }).message).toContain('redirectUris: at least one URI');
    const pem = refusal({ ...valid, certificatePem: 'MIIB' });
    expect(pem).toMatchObject({ code: 'INVALID_DATA', field: 'certificatePem' });
    expect(pem.message).toContain('certificatePem: a PEM certificate (-----BEGIN CERTIFICATE-----)');
    expect(refusal({ ...valid, scopes: ['openid', ''] })).toMatchObject({ field: 'scopes.1' });
    expect(refusal({ ...valid, title: 'T'.repeat(201) })).toMatchObject({ field: 'title' });
    expect(refusal(null)).toMatchObject({ code: 'INVALID_DATA', field: 'client' });
  });

  it('a PEM that does not parse is refused naming certificatePem, with the parser’s error as cause', () => {
    const broken = refusal({
      ...valid,
      certificatePem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
    });
    expect(broken).toMatchObject({ code: 'INVALID_DATA', field: 'certificatePem' });
    expect(broken.message).toContain('not a parsable X.509 certificate');
    expect(broken.cause).toBeInstanceOf(Error);
  });

  it('with the simulator’s time, a certificate outside its validity is refused; at either end it is not', () => {
    const first = NOT_BEFORE.getTime();
    const last = first + 365 * DAY_MS;
    expect(buildClientRecord(valid, first).clientId).toBe('RULES_SYS');
    expect(buildClientRecord(valid, last).clientId).toBe('RULES_SYS');
    const early = refusal(valid, first - 1);
    expect(early).toMatchObject({ code: 'INVALID_DATA', field: 'certificatePem' });
    expect(early.message).toContain('the certificate is not yet valid');
    const late = refusal(valid, last + 1);
    expect(late).toMatchObject({ code: 'INVALID_DATA', field: 'certificatePem' });
    expect(late.message).toContain('the certificate has expired');
    // Without a time (a --data file read before the clock runs) validity is checked per request.
    expect(buildClientRecord(valid).notAfterMs).toBe(last);
  });

  it('registerEsiaClient uses the simulator’s clock when it has one; addClient stores and summarises', () => {
    const sim = newSim();
    const state = sim.portalState<EsiaState>('esia');
    const withoutClock = registerEsiaClient(
      { portalState: <T>(name: string) => sim.portalState<T>(name) },
      valid,
    );
    expect(withoutClock).toEqual({
      clientId: 'RULES_SYS',
      redirectUris: ['https://vendor.example/cb'],
      certificateHash: client.certificateHash,
      scopes: ['*'],
      title: 'RULES_SYS',
    });
    expect(state.clients.get('RULES_SYS')?.certificatePem).toBe(certificate.pem.trim());
    sim.clock.set(NOT_BEFORE.getTime() + 400 * DAY_MS);
    expect(() => registerEsiaClient(sim, { ...valid, clientId: 'LATE_SYS' })).toThrow(/has expired/);
    expect(state.clients.has('LATE_SYS')).toBe(false);
    const summary = addClient(state, { ...valid, clientId: 'NEXT', scopes: ['openid'], title: 'Next' });
    expect(summary).toEqual({
      clientId: 'NEXT',
      redirectUris: ['https://vendor.example/cb'],
      certificateHash: client.certificateHash,
      scopes: ['openid'],
      title: 'Next',
    });
    const record = state.clients.get('NEXT');
    expect(record && summarizeClient(record)).toEqual(summary);
  });

  it('clientAllowsScope: "*" allows every scope, a list only its own names', () => {
    expect(clientAllowsScope(client, 'anything')).toBe(true);
    const narrow = buildClientRecord({ ...valid, scopes: ['openid', 'fullname'] });
    expect(clientAllowsScope(narrow, 'openid')).toBe(true);
    expect(clientAllowsScope(narrow, 'fullname')).toBe(true);
    expect(clientAllowsScope(narrow, 'snils')).toBe(false);
    expect(clientAllowsScope(narrow, '*')).toBe(false);
  });
});
