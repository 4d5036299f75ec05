/**
 * The rules JOSE verification refuses or accepts by, one per test, calling the checks directly:
 * compact token parts, verifyJwt (allow-list, crit, typ, key kinds, rotation, claims), detached and
 * compact JWS, the key resolvers (JWKS in memory and remote, static keys, X.509 certificates and
 * their thumbprints), GOST signature layout and the JWE field rules. Keys are made in-process (EC,
 * HMAC, GOST; RSA only where an RSA key is the point), so the `jose` mutation area
 * (`pnpm mutation jose`) runs fast.
 */
import { createHash, createHmac, KeyObject, sign as nodeSign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CompactEncrypt,
  CompactSign,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { der } from '../src/asn1/index.js';
import {
  applyByteOrder,
  CryptoError,
  certificateKeys,
  createSelfSignedCertificate,
  decodeJwtUnverified,
  decryptFields,
  encryptFields,
  fromBase64Url,
  fromUtf8,
  type GostPrivateKey,
  type GostPublicKey,
  generateGostKeyPair,
  gostSign,
  type JwtKeyResolver,
  jwksKeys,
  parseCompactJws,
  remoteJwksKeys,
  signDetachedJws,
  signGostJwt,
  signJws,
  staticKeys,
  streebog256,
  toBase64Url,
  toHex,
  utf8,
  verifyDetachedJws,
  verifyGostJwsSignature,
  verifyJws,
  verifyJwt,
} from '../src/index.js';
import { MAX_TOKEN_LENGTH, parseJsonObject } from '../src/jose/token-parts.js';
import { encodeName } from '../src/x509/index.js';

const NOW_SEC = 1_767_000_000;
const NOW = NOW_SEC * 1000;
const clock = { now: () => NOW };
const claims = { iss: 'https://issuer.test/', sub: '1000328686', iat: NOW_SEC, exp: NOW_SEC + 600 };
const SECRET = new Uint8Array(32).fill(7);

const b64json = (value: unknown) => toBase64Url(utf8(JSON.stringify(value)));
const hmac = (input: string, secret: Uint8Array = SECRET) =>
  toBase64Url(new Uint8Array(createHmac('sha256', secret).update(input).digest()));

/** An HS256 token built by hand, so any header (crit, typ, b64) can be signed. */
function hsToken(header: Record<string, unknown>, payload: unknown = claims, secret = SECRET): string {
  const input = `${b64json({ alg: 'HS256', ...header })}.${b64json(payload)}`;
  return `${input}.${hmac(input, secret)}`;
}

/** A GOST3410_2012_256 token signed in-process, in OpenSSL layout (or reversed). */
function gostToken(
  privateKey: GostPrivateKey,
  header: Record<string, unknown> = {},
  payload: unknown = claims,
  reversed = false,
): string {
  const input = `${b64json({ alg: 'GOST3410_2012_256', ...header })}.${b64json(payload)}`;
  const signature = gostSign(privateKey, utf8(input));
  return `${input}.${toBase64Url(reversed ? signature.slice().reverse() : signature)}`;
}

/** The CryptoError code a promise rejects with; undefined when it resolves. */
async function codeOfAsync(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return error instanceof CryptoError ? error.code : `NOT_CRYPTO_ERROR: ${String(error)}`;
  }
  return undefined;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CryptoError ? error.code : `NOT_CRYPTO_ERROR: ${String(error)}`;
  }
  return undefined;
}

/** A self-signed X.509 certificate of an EC P-256 key (jose reads its key; nobody checks its signature here). */
async function ecCertificate(cn: string): Promise<{ der: Uint8Array; privateKey: CryptoKey }> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const algorithm = der.sequence(der.oid('1.2.840.10045.4.3.2'));
  const name = encodeName(`CN=${cn}`);
  const validity = der.sequence(
    der.utcTime(new Date(NOW - 86_400_000)),
    der.utcTime(new Date(NOW + 86_400_000)),
  );
  const tbs = der.sequence(
    der.contextSpecific(0, der.integer(2n)),
    der.integer(1n),
    algorithm,
    name,
    validity,
    name,
    spki,
  );
  const signature = new Uint8Array(nodeSign('sha256', tbs, KeyObject.from(pair.privateKey)));
  return { der: der.sequence(tbs, algorithm, der.bitString(signature)), privateKey: pair.privateKey };
}

const es256Token = (privateKey: CryptoKey, header: Record<string, unknown> = {}, payload: unknown = claims) =>
  new CompactSign(utf8(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'ES256', ...header })
    .sign(privateKey);

describe('compact JWS parts (parseCompactJws)', () => {
  /** A token of exactly `length` characters that is well formed in every other way. */
  function tokenOfLength(length: number): string {
    const header = b64json({ alg: 'HS256' });
    let signature = '';
    let payloadLength = length - header.length - 2;
    if (payloadLength % 4 === 1) {
      signature = 'AA';
      payloadLength -= 2;
    }
    const token = `${header}.${'A'.repeat(payloadLength)}.${signature}`;
    expect(token).toHaveLength(length);
    return token;
  }

  it('a token of exactly MAX_TOKEN_LENGTH characters is read; one character more is refused', () => {
    expect(parseCompactJws(tokenOfLength(MAX_TOKEN_LENGTH)).header.alg).toBe('HS256');
    expect(codeOf(() => parseCompactJws(tokenOfLength(MAX_TOKEN_LENGTH + 1)))).toBe('MALFORMED_TOKEN');
  });

  it('an empty token or a non-string is refused', () => {
    expect(codeOf(() => parseCompactJws(''))).toBe('MALFORMED_TOKEN');
    expect(codeOf(() => parseCompactJws(42 as never))).toBe('MALFORMED_TOKEN');
    expect(() => parseCompactJws('')).toThrow(/empty/);
  });

  it('exactly three dot-separated parts', () => {
    const header = b64json({ alg: 'HS256' });
    expect(() => parseCompactJws(`${header}.e30`)).toThrow('expected 3 parts, got 2');
    expect(() => parseCompactJws(`${header}.e30.AA.AA`)).toThrow('expected 3 parts, got 4');
    expect(parseCompactJws(`${header}.e30.AA`).header).toEqual({ alg: 'HS256' });
  });

  it('each part must be base64url; the cause is kept', () => {
    const header = b64json({ alg: 'HS256' });
    for (const token of [`${header}+.e30.AA`, `${header}.e3+0.AA`, `${header}.e30.A/A`]) {
      expect(codeOf(() => parseCompactJws(token))).toBe('MALFORMED_TOKEN');
      expect(() => parseCompactJws(token)).toThrow('a part is not base64url');
      try {
        parseCompactJws(token);
      } catch (error) {
        expect((error as CryptoError).cause).toBeInstanceOf(CryptoError);
      }
    }
  });

  it('the header must be a JSON object with a string alg', () => {
    const withHeader = (header: string) => `${toBase64Url(utf8(header))}.e30.AA`;
    expect(() => parseCompactJws(withHeader('not json'))).toThrow('header is not JSON');
    for (const header of ['[]', 'null', '"alg"', '7']) {
      expect(() => parseCompactJws(withHeader(header))).toThrow('header is not a JSON object');
    }
    expect(() => parseCompactJws(withHeader('{}'))).toThrow('header has no alg');
    expect(() => parseCompactJws(withHeader('{"alg":1}'))).toThrow('header has no alg');
  });

  it('returns the decoded header, payload and signature, and the signing input as sent', () => {
    const header = b64json({ alg: 'HS256', kid: 'k' });
    const parts = parseCompactJws(`${header}.${b64json({ a: 1 })}.AQID`);
    expect(parts.header).toEqual({ alg: 'HS256', kid: 'k' });
    expect(fromUtf8(parts.payload)).toBe('{"a":1}');
    expect([...parts.signature]).toEqual([1, 2, 3]);
    expect(parts.signingInput).toBe(`${header}.${b64json({ a: 1 })}`);
  });

  it('parseJsonObject names the part and keeps the JSON error as the cause; an error without one has none', () => {
    let error: CryptoError | undefined;
    try {
      parseJsonObject(utf8('{'), 'payload');
    } catch (caught) {
      error = caught as CryptoError;
    }
    expect(error?.message).toMatch(/payload is not JSON/);
    expect(error?.cause).toBeInstanceOf(SyntaxError);
    try {
      parseJsonObject(utf8('[]'), 'payload');
    } catch (caught) {
      error = caught as CryptoError;
    }
    expect(error?.message).toMatch(/payload is not a JSON object/);
    expect('cause' in (error as object)).toBe(false);
  });
});

describe('verifyJwt: the algorithm allow-list, crit and typ', () => {
  const keys = staticKeys([SECRET]);
  const verify = (token: string, options: Partial<Parameters<typeof verifyJwt>[1]> = {}) =>
    codeOfAsync(verifyJwt(token, { algorithms: ['HS256'], keys, clock, ...options }));

  it('accepts a valid token and returns its header and payload', async () => {
    const result = await verifyJwt(hsToken({ kid: 'k1' }), { algorithms: ['HS256'], keys, clock });
    expect(result.header).toEqual({ alg: 'HS256', kid: 'k1' });
    expect(result.payload).toEqual(claims);
  });

  it('the allow-list must be a non-empty array', async () => {
    expect(await verify(hsToken({}), { algorithms: [] })).toBe('INVALID_INPUT');
    expect(await verify(hsToken({}), { algorithms: undefined as never })).toBe('INVALID_INPUT');
    expect(await verify(hsToken({}), { algorithms: 'HS256' as never })).toBe('INVALID_INPUT');
  });

  it('"none" in the allow-list, in any case and beside other algorithms, is refused', async () => {
    expect(await verify(hsToken({}), { algorithms: ['HS256', 'NoNe' as never] })).toBe(
      'ALGORITHM_NOT_ALLOWED',
    );
    expect(await verify(hsToken({}), { algorithms: ['none' as never, 'HS256'] })).toBe(
      'ALGORITHM_NOT_ALLOWED',
    );
  });

  it("the token's alg must be in the allow-list", async () => {
    expect(await verify(hsToken({}), { algorithms: ['HS384'] })).toBe('ALGORITHM_NOT_ALLOWED');
    expect(await verify(hsToken({}), { algorithms: ['HS384', 'HS256'] })).toBeUndefined();
  });

  it('a token with a crit header is refused even when its signature is good', async () => {
    expect(await verify(hsToken({ crit: ['exp'], exp: 1 }))).toBe('MALFORMED_TOKEN');
    const { privateKey, publicKey } = generateGostKeyPair('tc26-256-A');
    expect(
      await verify(gostToken(privateKey, { crit: ['x'], x: 1 }), {
        algorithms: ['GOST3410_2012_256'],
        keys: staticKeys([publicKey]),
      }),
    ).toBe('MALFORMED_TOKEN');
  });

  it('typ is compared case-insensitively, with a leading "application/" ignored on either side', async () => {
    expect(await verify(hsToken({ typ: 'jwt' }), { typ: 'JWT' })).toBeUndefined();
    expect(await verify(hsToken({ typ: 'application/JWT' }), { typ: 'jwt' })).toBeUndefined();
    expect(await verify(hsToken({ typ: 'JWT' }), { typ: 'application/jwt' })).toBeUndefined();
  });

  it('typ: only a leading "application/" is ignored, not one inside the value', async () => {
    expect(await verify(hsToken({ typ: 'at+application/jwt' }), { typ: 'at+jwt' })).toBe(
      'TOKEN_CLAIM_INVALID',
    );
  });

  it('typ: a different, missing or non-string typ is refused when one is expected; none expected, none needed', async () => {
    expect(await verify(hsToken({ typ: 'at+jwt' }), { typ: 'JWT' })).toBe('TOKEN_CLAIM_INVALID');
    expect(await verify(hsToken({}), { typ: 'JWT' })).toBe('TOKEN_CLAIM_INVALID');
    expect(await verify(hsToken({ typ: 1 }), { typ: 'JWT' })).toBe('TOKEN_CLAIM_INVALID');
    expect(await verify(hsToken({}))).toBeUndefined();
    expect(await verify(hsToken({ typ: 'anything' }))).toBeUndefined();
  });

  it('the payload must be a JSON object, and its claims are checked after the signature', async () => {
    expect(await verify(hsToken({}, [1, 2]))).toBe('MALFORMED_TOKEN');
    await expect(verifyJwt(hsToken({}, [1, 2]), { algorithms: ['HS256'], keys, clock })).rejects.toThrow(
      'payload is not a JSON object',
    );
    expect(await verify(hsToken({}, { ...claims, exp: NOW_SEC - 3600 }))).toBe('TOKEN_EXPIRED');
    expect(await verify(hsToken({}, { ...claims, exp: NOW_SEC - 3600 }, new Uint8Array(32)))).toBe(
      'SIGNATURE_MISMATCH',
    );
  });

  it('decodeJwtUnverified reads header and payload without a key, and refuses a payload that is not an object', () => {
    expect(decodeJwtUnverified(hsToken({ kid: 'x' }, claims, new Uint8Array(32)))).toEqual({
      header: { alg: 'HS256', kid: 'x' },
      payload: claims,
    });
    expect(codeOf(() => decodeJwtUnverified(hsToken({}, 'text')))).toBe('MALFORMED_TOKEN');
    expect(() => decodeJwtUnverified(hsToken({}, 'text'))).toThrow('payload is not a JSON object');
  });
});

describe('verifyJwt: keys', () => {
  let gost: { privateKey: GostPrivateKey; publicKey: GostPublicKey };
  let other: { privateKey: GostPrivateKey; publicKey: GostPublicKey };
  let ec: CryptoKeyPair;
  let ec2: CryptoKeyPair;
  let ed: CryptoKeyPair;
  beforeAll(async () => {
    gost = generateGostKeyPair('tc26-256-A');
    other = generateGostKeyPair('tc26-256-A');
    ec = await generateKeyPair('ES256');
    ec2 = await generateKeyPair('ES256');
    ed = await generateKeyPair('EdDSA');
  });
  const GOST = ['GOST3410_2012_256'] as const;

  it('the resolver gets the header and the three parts of the token as sent', async () => {
    const token = hsToken({ kid: 'k1' });
    const seen: unknown[] = [];
    const keys: JwtKeyResolver = {
      resolve: async (header, parts) => {
        seen.push(header, parts);
        return [{ kind: 'jose', key: SECRET }];
      },
    };
    await verifyJwt(token, { algorithms: ['HS256'], keys, clock });
    const [h, p, s] = token.split('.');
    expect(seen).toEqual([
      { alg: 'HS256', kid: 'k1' },
      { protected: h, payload: p, signature: s },
    ]);
  });

  it('a resolver that fails means KEY_NOT_FOUND; its CryptoError code is kept', async () => {
    const failing = (error: unknown): JwtKeyResolver => ({
      resolve: async () => {
        throw error;
      },
    });
    const options = { algorithms: ['HS256'] as const, clock };
    expect(await codeOfAsync(verifyJwt(hsToken({}), { ...options, keys: failing(new Error('down')) }))).toBe(
      'KEY_NOT_FOUND',
    );
    expect(
      await codeOfAsync(
        verifyJwt(hsToken({}), { ...options, keys: failing(new CryptoError('INVALID_PUBLIC_KEY', 'bad')) }),
      ),
    ).toBe('INVALID_PUBLIC_KEY');
  });

  it('a GOST token needs a GOST key and a JOSE token a JOSE key: otherwise KEY_NOT_FOUND', async () => {
    expect(
      await codeOfAsync(
        verifyJwt(gostToken(gost.privateKey), { algorithms: GOST, keys: staticKeys([SECRET]), clock }),
      ),
    ).toBe('KEY_NOT_FOUND');
    expect(
      await codeOfAsync(
        verifyJwt(hsToken({}), { algorithms: ['HS256'], keys: staticKeys([gost.publicKey]), clock }),
      ),
    ).toBe('KEY_NOT_FOUND');
    expect(
      await codeOfAsync(verifyJwt(hsToken({}), { algorithms: ['HS256'], keys: staticKeys([]), clock })),
    ).toBe('KEY_NOT_FOUND');
  });

  it('GOST keys are tried in order: a wrong one first, then the right one verifies', async () => {
    const token = gostToken(gost.privateKey);
    const result = await verifyJwt(token, {
      algorithms: GOST,
      keys: staticKeys([other.publicKey, gost.publicKey]),
      clock,
    });
    expect(result.payload).toEqual(claims);
    expect(
      await codeOfAsync(verifyJwt(token, { algorithms: GOST, keys: staticKeys([other.publicKey]), clock })),
    ).toBe('SIGNATURE_MISMATCH');
  });

  it('GOST layout: "openssl" by default, "reversed" when asked, never both', async () => {
    const keys = staticKeys([gost.publicKey]);
    const reversed = gostToken(gost.privateKey, {}, claims, true);
    const openssl = gostToken(gost.privateKey);
    expect(await codeOfAsync(verifyJwt(openssl, { algorithms: GOST, keys, clock }))).toBeUndefined();
    expect(await codeOfAsync(verifyJwt(reversed, { algorithms: GOST, keys, clock }))).toBe(
      'SIGNATURE_MISMATCH',
    );
    const asReversed = { algorithms: GOST, keys, clock, gostSignatureByteOrder: 'reversed' } as const;
    expect(await codeOfAsync(verifyJwt(reversed, asReversed))).toBeUndefined();
    expect(await codeOfAsync(verifyJwt(openssl, asReversed))).toBe('SIGNATURE_MISMATCH');
  });

  it('JOSE keys: a key that does not verify or is of another type passes to the next one (rotation)', async () => {
    const token = await es256Token(ec.privateKey);
    const options = { algorithms: ['ES256'] as const, clock };
    for (const first of [ec2.publicKey, ed.publicKey, SECRET]) {
      const result = await verifyJwt(token, { ...options, keys: staticKeys([first, ec.publicKey]) });
      expect(result.payload).toEqual(claims);
    }
    expect(
      await codeOfAsync(verifyJwt(token, { ...options, keys: staticKeys([ec2.publicKey, ed.publicKey]) })),
    ).toBe('SIGNATURE_MISMATCH');
  });

  it('JOSE keys: any other failure of a key ends the verification (it does not fall through to the next key)', async () => {
    const token = hsToken({});
    const keys = staticKeys([new Uint8Array(0), SECRET]);
    expect(await codeOfAsync(verifyJwt(token, { algorithms: ['HS256'], keys, clock }))).toBe(
      'MALFORMED_TOKEN',
    );
  });

  it('the key is checked with the token alg only (jose is given the allow-list of one)', async () => {
    const token = await es256Token(ec.privateKey);
    expect(
      await codeOfAsync(
        verifyJwt(token, { algorithms: ['ES256', 'HS256'], keys: staticKeys([ec.publicKey]), clock }),
      ),
    ).toBeUndefined();
  });
});

describe('staticKeys', () => {
  it('Uint8Array and CryptoKey keys are JOSE keys, anything else a GOST public key, in the given order', async () => {
    const { publicKey: ecKey } = await generateKeyPair('ES256');
    const { publicKey: gostKey } = generateGostKeyPair('tc26-256-A');
    const candidates = await staticKeys([SECRET, gostKey, ecKey]).resolve({}, { payload: '', signature: '' });
    expect(candidates).toEqual([
      { kind: 'jose', key: SECRET },
      { kind: 'gost', key: gostKey },
      { kind: 'jose', key: ecKey },
    ]);
  });
});

describe('jwksKeys', () => {
  it('selects by kid; several keys that fit a token without kid are all candidates, in order', async () => {
    const a = await generateKeyPair('ES256');
    const b = await generateKeyPair('ES256');
    const jwks = {
      keys: [
        { ...(await exportJWK(a.publicKey)), kid: 'a', alg: 'ES256' },
        { ...(await exportJWK(b.publicKey)), kid: 'b', alg: 'ES256' },
      ],
    };
    const keys = jwksKeys(jwks);
    const token = { payload: '', signature: '' };
    expect(await keys.resolve({ alg: 'ES256', kid: 'b' }, token)).toHaveLength(1);
    const both = await keys.resolve({ alg: 'ES256' }, token);
    expect(both.map((candidate) => candidate.kind)).toEqual(['jose', 'jose']);
    const signedByB = await es256Token(b.privateKey);
    expect((await verifyJwt(signedByB, { algorithms: ['ES256'], keys, clock })).payload).toEqual(claims);
    await expect(keys.resolve({ alg: 'ES256', kid: 'zzz' }, token)).rejects.toMatchObject({
      code: 'ERR_JWKS_NO_MATCHING_KEY',
    });
  });
});

describe('remoteJwksKeys', () => {
  let server: Server;
  let url: string;
  let fetches = 0;
  let delayMs = 0;
  let lastHeaders: Record<string, string | string[] | undefined> = {};
  let jwks: JSONWebKeySet;
  let pair: CryptoKeyPair;
  const token = { payload: '', signature: '' };
  beforeAll(async () => {
    pair = await generateKeyPair('ES256');
    jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'a', alg: 'ES256' }] };
    server = createServer((req, res) => {
      fetches++;
      lastHeaders = req.headers;
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
      }, delayMs);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('sends the given headers', async () => {
    await remoteJwksKeys(url, { headers: { 'x-api-key': 'k-1' } }).resolve({ alg: 'ES256', kid: 'a' }, token);
    expect(lastHeaders['x-api-key']).toBe('k-1');
  });

  it('cooldownMs: an unknown kid refetches once the cooldown has passed, not before', async () => {
    const keys = remoteJwksKeys(url, { cooldownMs: 1 });
    await keys.resolve({ alg: 'ES256', kid: 'a' }, token);
    const before = fetches;
    await sleep(20);
    await expect(keys.resolve({ alg: 'ES256', kid: 'new' }, token)).rejects.toBeDefined();
    expect(fetches - before).toBe(1);
    const cooled = remoteJwksKeys(url, { cooldownMs: 60_000 });
    await cooled.resolve({ alg: 'ES256', kid: 'a' }, token);
    const start = fetches;
    await sleep(20);
    await expect(cooled.resolve({ alg: 'ES256', kid: 'new' }, token)).rejects.toBeDefined();
    expect(fetches - start).toBe(0);
  });

  it('cacheMaxAgeMs: a set older than that is fetched again', async () => {
    const keys = remoteJwksKeys(url, { cacheMaxAgeMs: 1 });
    await keys.resolve({ alg: 'ES256', kid: 'a' }, token);
    const before = fetches;
    await sleep(20);
    await keys.resolve({ alg: 'ES256', kid: 'a' }, token);
    expect(fetches - before).toBe(1);
  });

  it('reload() fetches the set again', async () => {
    const keys = remoteJwksKeys(url);
    await keys.resolve({ alg: 'ES256', kid: 'a' }, token);
    const before = fetches;
    await keys.reload();
    expect(fetches - before).toBe(1);
  });

  it('timeout (or the deprecated timeoutMs) bounds the fetch; timeout wins over timeoutMs', async () => {
    delayMs = 1000;
    try {
      const header = { alg: 'ES256', kid: 'a' };
      await expect(remoteJwksKeys(url, { timeout: 100 }).resolve(header, token)).rejects.toMatchObject({
        code: 'ERR_JWKS_TIMEOUT',
      });
      await expect(remoteJwksKeys(url, { timeoutMs: 100 }).resolve(header, token)).rejects.toMatchObject({
        code: 'ERR_JWKS_TIMEOUT',
      });
      await expect(
        remoteJwksKeys(url, { timeout: 4000, timeoutMs: 100 }).resolve(header, token),
      ).resolves.toHaveLength(1);
    } finally {
      delayMs = 0;
    }
  });

  it('timeoutMs alone warns once that it is deprecated; with timeout given it does not', async () => {
    vi.resetModules();
    const fresh = await import('../src/jose/key-resolvers.js');
    const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      fresh.remoteJwksKeys(url, { timeout: 100, timeoutMs: 100 });
      fresh.remoteJwksKeys(url);
      expect(emit).not.toHaveBeenCalled();
      fresh.remoteJwksKeys(url, { timeoutMs: 100 });
      expect(emit).toHaveBeenCalledTimes(1);
      const [message, options] = emit.mock.calls[0] as [string, { code: string }];
      expect(message).toMatch(/'timeoutMs' option is renamed 'timeout'/);
      expect(options.code).toBe('GOSKIT_DEP_TIMEOUTMS_remoteJwksKeys');
    } finally {
      emit.mockRestore();
    }
  });
});

describe('certificateKeys', () => {
  let gost: { privateKey: GostPrivateKey; publicKey: GostPublicKey };
  let gostCert: { der: Uint8Array; pem: string };
  let ecA: { der: Uint8Array; privateKey: CryptoKey };
  let ecB: { der: Uint8Array; privateKey: CryptoKey };
  const token = { payload: '', signature: '' };
  beforeAll(async () => {
    gost = generateGostKeyPair('tc26-256-A');
    gostCert = createSelfSignedCertificate({
      privateKey: gost.privateKey,
      subject: 'CN=ESIA test',
      notBefore: new Date(NOW),
    });
    ecA = await ecCertificate('issuer A');
    ecB = await ecCertificate('issuer B');
  });
  const kinds = (list: { kind: string }[]) => list.map((candidate) => candidate.kind);

  it('a GOST certificate gives a GOST key for GOST3410_2012_256 tokens only', async () => {
    const keys = certificateKeys([gostCert.pem]);
    const candidates = await keys.resolve({ alg: 'GOST3410_2012_256' }, token);
    expect(candidates).toEqual([
      { kind: 'gost', key: expect.objectContaining({ paramSet: gost.publicKey.paramSet }) },
    ]);
    expect(await keys.resolve({ alg: 'ES256' }, token)).toEqual([]);
    const result = await verifyJwt(gostToken(gost.privateKey), {
      algorithms: ['GOST3410_2012_256'],
      keys,
      clock,
    });
    expect(result.payload).toEqual(claims);
  });

  it('an EC certificate gives a key for its alg, none for GOST, RS256 or a header without alg', async () => {
    const keys = certificateKeys([ecA.der]);
    expect(kinds(await keys.resolve({ alg: 'ES256' }, token))).toEqual(['jose']);
    expect(await keys.resolve({ alg: 'GOST3410_2012_256' }, token)).toEqual([]);
    expect(await keys.resolve({ alg: 'RS256' }, token)).toEqual([]);
    expect(await keys.resolve({ alg: 'RS256' }, token)).toEqual([]);
    expect(await keys.resolve({}, token)).toEqual([]);
    const signed = await es256Token(ecA.privateKey);
    expect((await verifyJwt(signed, { algorithms: ['ES256'], keys, clock })).payload).toEqual(claims);
  });

  it('a key imported for an alg is reused for the next token', async () => {
    const keys = certificateKeys([ecA.der]);
    const [first] = await keys.resolve({ alg: 'ES256' }, token);
    const [second] = await keys.resolve({ alg: 'ES256' }, token);
    expect(second?.key).toBe(first?.key);
  });

  it('without a thumbprint in the header, the certificates are tried in the given order, each once', async () => {
    const keys = certificateKeys([ecA.der, ecB.der]);
    const candidates = await keys.resolve({ alg: 'ES256' }, token);
    expect(candidates).toHaveLength(2);
    const signedByB = await es256Token(ecB.privateKey);
    expect((await verifyJwt(signedByB, { algorithms: ['ES256'], keys, clock })).payload).toEqual(claims);
  });

  /** Which certificate comes first for a header naming `thumbprint` under `name`. */
  async function firstFor(name: string, thumbprint: unknown): Promise<'A' | 'B' | undefined> {
    const keys = certificateKeys([ecA.der, ecB.der]);
    const candidates = await keys.resolve({ alg: 'ES256', [name]: thumbprint }, token);
    expect(candidates).toHaveLength(2);
    const signedByB = await es256Token(ecB.privateKey);
    const [onlyFirst] = candidates;
    const verifiesB = await codeOfAsync(
      verifyJwt(signedByB, {
        algorithms: ['ES256'],
        keys: { resolve: async () => [onlyFirst as never] },
        clock,
      }),
    );
    return verifiesB === undefined ? 'B' : 'A';
  }
  const digest = (name: string, bytes: Uint8Array) => new Uint8Array(createHash(name).update(bytes).digest());

  it('x5t (SHA-1, base64url) puts the matching certificate first', async () => {
    expect(await firstFor('x5t', toBase64Url(digest('sha1', ecB.der)))).toBe('B');
    expect(await firstFor('x5t', toBase64Url(digest('sha1', ecA.der)))).toBe('A');
  });

  it('x5t#S256 (SHA-256) puts the matching certificate first, as base64url or as hex in either case', async () => {
    expect(await firstFor('x5t#S256', toBase64Url(digest('sha256', ecB.der)))).toBe('B');
    expect(await firstFor('x5t#S256', toHex(digest('sha256', ecB.der)).toUpperCase())).toBe('B');
    expect(await firstFor('x5t#S256', toHex(digest('sha256', ecB.der)).toLowerCase())).toBe('B');
  });

  it("x5t#St256 (ESIA's Streebog-256) puts the matching certificate first, as uppercase hex or base64url", async () => {
    expect(await firstFor('x5t#St256', toHex(streebog256(ecB.der)).toUpperCase())).toBe('B');
    expect(await firstFor('x5t#St256', toBase64Url(streebog256(ecB.der)))).toBe('B');
    expect(await firstFor('x5t', toHex(digest('sha1', ecB.der)).toUpperCase())).toBe('B');
  });

  it('a thumbprint that matches nothing, or is not a string, keeps the given order', async () => {
    expect(await firstFor('x5t#St256', toHex(streebog256(gostCert.der)).toUpperCase())).toBe('A');
    expect(await firstFor('x5t', 12)).toBe('A');
    expect(await firstFor('x5u', toBase64Url(digest('sha1', ecB.der)))).toBe('A');
  });

  it('an odd-length value is compared as sent, not lowercased as hex', async () => {
    // A base64url thumbprint is never lowercased, so one with uppercase letters still matches.
    const print = toBase64Url(digest('sha256', ecB.der));
    expect(print.length % 2).toBe(1);
    expect(await firstFor('x5t#S256', print)).toBe('B');
  });
});

describe('detached and compact JWS', () => {
  let ec: CryptoKeyPair;
  let ed: CryptoKeyPair;
  beforeAll(async () => {
    ec = await generateKeyPair('ES256');
    ed = await generateKeyPair('EdDSA');
  });
  const body = '{"amount":100}';
  const headerOf = (jws: string) => JSON.parse(fromUtf8(fromBase64Url(jws.split('.')[0] as string)));

  it('the allow-list must be non-empty and must not name "none" (any case), for both verifiers', async () => {
    const jws = await signDetachedJws(body, ec.privateKey, { alg: 'ES256' });
    expect(await codeOfAsync(verifyDetachedJws(jws, body, ec.publicKey, { algorithms: [] }))).toBe(
      'ALGORITHM_NOT_ALLOWED',
    );
    expect(
      await codeOfAsync(
        verifyDetachedJws(jws, body, ec.publicKey, { algorithms: ['ES256', 'NONE' as never] }),
      ),
    ).toBe('ALGORITHM_NOT_ALLOWED');
    const compact = await signJws(body, ec.privateKey, { alg: 'ES256' });
    expect(await codeOfAsync(verifyJws(compact, ec.publicKey, { algorithms: [] }))).toBe(
      'ALGORITHM_NOT_ALLOWED',
    );
    expect(await codeOfAsync(verifyJws(compact, ec.publicKey, { algorithms: ['ES256'] }))).toBeUndefined();
  });

  it('a detached JWS has three parts with an empty middle one', async () => {
    const jws = await signDetachedJws(body, ec.privateKey, { alg: 'ES256' });
    const [h, , s] = jws.split('.');
    const verify = (text: string) =>
      codeOfAsync(verifyDetachedJws(text, body, ec.publicKey, { algorithms: ['ES256'] }));
    expect(await verify(jws)).toBeUndefined();
    expect(await verify(`${h}.${toBase64Url(utf8(body))}.${s}`)).toBe('MALFORMED_TOKEN');
    expect(await verify(`${h}..${s}.`)).toBe('MALFORMED_TOKEN');
    expect(await verify(`${h}.${s}`)).toBe('MALFORMED_TOKEN');
  });

  it('a detached JWS of exactly MAX_TOKEN_LENGTH characters verifies; one character more is refused', async () => {
    const payload = toBase64Url(utf8(body));
    const ofLength = (length: number) => {
      const headerLength = length - 2 - 43; // an HS256 signature is 43 base64url characters
      // n bytes take ceil(4n / 3) base64url characters
      const headerBytes = Math.floor((3 * headerLength) / 4);
      const pad = 'x'.repeat(headerBytes - JSON.stringify({ alg: 'HS256', pad: '' }).length);
      const header = b64json({ alg: 'HS256', pad });
      expect(header).toHaveLength(headerLength);
      return `${header}..${hmac(`${header}.${payload}`)}`;
    };
    const options = { algorithms: ['HS256'] as const };
    expect(
      await codeOfAsync(verifyDetachedJws(ofLength(MAX_TOKEN_LENGTH), body, SECRET, options)),
    ).toBeUndefined();
    expect(await codeOfAsync(verifyDetachedJws(ofLength(MAX_TOKEN_LENGTH + 1), body, SECRET, options))).toBe(
      'MALFORMED_TOKEN',
    );
  });

  it('a header that is not base64url JSON is MALFORMED_TOKEN', async () => {
    const s = hmac('x');
    const verify = (header: string) =>
      verifyDetachedJws(`${header}..${s}`, body, SECRET, { algorithms: ['HS256'] });
    for (const header of [toBase64Url(utf8('nope')), 'a+b', b64json([1])]) {
      expect(await codeOfAsync(verify(header))).toBe('MALFORMED_TOKEN');
    }
    await expect(verify('a+b')).rejects.toMatchObject({ cause: expect.any(CryptoError) });
    await expect(verify(toBase64Url(utf8('nope')))).rejects.toThrow('header is not JSON');
  });

  it('the allow-list is checked first, before the JWS is read', async () => {
    expect(await codeOfAsync(verifyDetachedJws('garbage', body, SECRET, { algorithms: [] }))).toBe(
      'ALGORITHM_NOT_ALLOWED',
    );
    expect(await codeOfAsync(verifyJws('garbage', SECRET, { algorithms: [] }))).toBe('ALGORITHM_NOT_ALLOWED');
  });

  it('verifyJws refuses a JWS whose alg is not in the allow-list, whatever the key', async () => {
    const compact = await signJws(body, ec.privateKey, { alg: 'ES256' });
    expect(await codeOfAsync(verifyJws(compact, ec.publicKey, { algorithms: ['HS256'] }))).toBe(
      'ALGORITHM_NOT_ALLOWED',
    );
  });

  it('detached mode verifies over base64url(body), unencoded (b64: false) over the raw bytes; the header is returned', async () => {
    for (const mode of ['detached', 'unencoded'] as const) {
      const jws = await signDetachedJws(utf8(body), ec.privateKey, { alg: 'ES256', mode, kid: 'k' });
      expect(headerOf(jws).b64).toBe(mode === 'unencoded' ? false : undefined);
      expect(jws).toMatch(/^[\w-]+\.\.[\w-]+$/);
      const { header } = await verifyDetachedJws(jws, body, ec.publicKey, { algorithms: ['ES256'] });
      expect(header).toMatchObject({ alg: 'ES256', kid: 'k' });
      expect(
        await codeOfAsync(verifyDetachedJws(jws, `${body} `, ec.publicKey, { algorithms: ['ES256'] })),
      ).toBe('SIGNATURE_MISMATCH');
      expect(await codeOfAsync(verifyDetachedJws(jws, body, ec.publicKey, { algorithms: ['HS256'] }))).toBe(
        'ALGORITHM_NOT_ALLOWED',
      );
    }
    expect(headerOf(await signDetachedJws(body, ec.privateKey, { alg: 'ES256' })).crit).toBeUndefined();
    expect(
      headerOf(await signDetachedJws(body, ec.privateKey, { alg: 'ES256', mode: 'unencoded' })).crit,
    ).toEqual(['b64']);
  });

  it('a key of another type is MALFORMED_TOKEN for both verifiers', async () => {
    const detached = await signDetachedJws(body, ec.privateKey, { alg: 'ES256' });
    expect(
      await codeOfAsync(verifyDetachedJws(detached, body, ed.publicKey, { algorithms: ['ES256'] })),
    ).toBe('MALFORMED_TOKEN');
    const compact = await signJws(body, ec.privateKey, { alg: 'ES256' });
    expect(await codeOfAsync(verifyJws(compact, ed.publicKey, { algorithms: ['ES256'] }))).toBe(
      'MALFORMED_TOKEN',
    );
  });

  it('verifyJws returns the payload bytes and the header', async () => {
    const compact = await signJws(utf8(body), ec.privateKey, { alg: 'ES256', typ: 'x+jws' });
    const result = await verifyJws(compact, ec.publicKey, { algorithms: ['ES256'] });
    expect(fromUtf8(result.payload)).toBe(body);
    expect(result.header).toEqual({ alg: 'ES256', typ: 'x+jws' });
  });

  it('signing: alg always as given, kid and typ when given, other header parameters kept', async () => {
    const jws = await signJws(body, ec.privateKey, {
      alg: 'ES256',
      header: { alg: 'HS256', kid: 'h', x: 1 },
    });
    expect(headerOf(jws)).toEqual({ alg: 'ES256', kid: 'h', x: 1 });
    const withKid = await signJws(body, ec.privateKey, {
      alg: 'ES256',
      header: { kid: 'h' },
      kid: 'k',
      typ: 't',
    });
    expect(headerOf(withKid)).toEqual({ alg: 'ES256', kid: 'k', typ: 't' });
    expect(headerOf(await signJws(body, ec.privateKey, { alg: 'ES256' }))).toEqual({ alg: 'ES256' });
    const typedByHeader = await signJws(body, ec.privateKey, { alg: 'ES256', header: { typ: 'h' } });
    expect(headerOf(typedByHeader)).toEqual({ alg: 'ES256', typ: 'h' });
  });

  it('signing with an unusable key is a CryptoError INVALID_INPUT, in every form', async () => {
    expect(await codeOfAsync(signJws(body, ec.publicKey, { alg: 'ES256' }))).toBe('INVALID_INPUT');
    for (const mode of ['detached', 'unencoded'] as const) {
      expect(await codeOfAsync(signDetachedJws(body, ec.publicKey, { alg: 'ES256', mode }))).toBe(
        'INVALID_INPUT',
      );
    }
  });
});

describe('GOST signature layout and GOST JWTs', () => {
  let gost: { privateKey: GostPrivateKey; publicKey: GostPublicKey };
  beforeAll(() => {
    gost = generateGostKeyPair('tc26-256-A');
  });

  it('applyByteOrder: "reversed" reverses the bytes, "openssl" keeps them', () => {
    const bytes = Uint8Array.of(1, 2, 3);
    expect([...applyByteOrder(bytes, 'reversed')]).toEqual([3, 2, 1]);
    expect([...applyByteOrder(bytes, 'openssl')]).toEqual([1, 2, 3]);
  });

  it('verifyGostJwsSignature: a signature that is not 64 bytes is false, not an exception', () => {
    const input = 'a.b';
    const signature = gostSign(gost.privateKey, utf8(input));
    expect(verifyGostJwsSignature(gost.publicKey, input, signature, 'openssl')).toBe(true);
    expect(verifyGostJwsSignature(gost.publicKey, input, signature.slice().reverse(), 'reversed')).toBe(true);
    expect(verifyGostJwsSignature(gost.publicKey, input, signature.subarray(0, 63), 'openssl')).toBe(false);
    expect(verifyGostJwsSignature(gost.publicKey, input, Uint8Array.of(...signature, 0), 'openssl')).toBe(
      false,
    );
  });

  it('signGostJwt: header typ JWT unless given, alg always GOST3410_2012_256, signature in the asked layout', async () => {
    const token = await signGostJwt(claims, gost.privateKey, { header: { alg: 'none', ver: 1 } });
    const parts = parseCompactJws(token);
    expect(parts.header).toEqual({ typ: 'JWT', alg: 'GOST3410_2012_256', ver: 1 });
    expect(verifyGostJwsSignature(gost.publicKey, parts.signingInput, parts.signature, 'openssl')).toBe(true);
    const typed = parseCompactJws(await signGostJwt(claims, gost.privateKey, { header: { typ: 'at+jwt' } }));
    expect(typed.header.typ).toBe('at+jwt');
    const reversed = parseCompactJws(
      await signGostJwt(claims, gost.privateKey, { gostSignatureByteOrder: 'reversed' }),
    );
    expect(
      verifyGostJwsSignature(gost.publicKey, reversed.signingInput, reversed.signature, 'reversed'),
    ).toBe(true);
    expect(verifyGostJwsSignature(gost.publicKey, reversed.signingInput, reversed.signature, 'openssl')).toBe(
      false,
    );
  });

  it('signGostJwt: a Signer must be a GOST one; a GOST Signer signs the signing input', async () => {
    const signer = (algorithm: string) => ({
      algorithm: algorithm as never,
      sign: async (data: Uint8Array) => gostSign(gost.privateKey, data),
      certificate: async () => new Uint8Array(0),
    });
    expect(await codeOfAsync(signGostJwt(claims, signer('RS256')))).toBe('UNSUPPORTED_ALGORITHM');
    const parts = parseCompactJws(await signGostJwt(claims, signer('GOST3410_2012_256')));
    expect(verifyGostJwsSignature(gost.publicKey, parts.signingInput, parts.signature, 'openssl')).toBe(true);
    expect(JSON.parse(fromUtf8(parts.payload))).toEqual(claims);
  });
});

describe('JWE fields', () => {
  const person = { snils: '112-233-445 95', passport: { series: '4510', number: '123456' }, age: 9 };
  const key = new Uint8Array(32).fill(3);
  const algOf = (jwe: unknown) => decodeProtectedHeader(jwe as string).alg;

  it('the key picks the key management: 32 bytes dir, RSA-OAEP, ECDH and X25519, AES-GCM', async () => {
    expect(algOf((await encryptFields(person, ['snils'], key)).snils)).toBe('dir');
    const rsa = await generateKeyPair('RSA-OAEP-256');
    const ecdh = await generateKeyPair('ECDH-ES+A256KW');
    const x25519 = await generateKeyPair('ECDH-ES+A256KW', { crv: 'X25519' });
    const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    for (const [recipient, secretKey, alg] of [
      [rsa.publicKey, rsa.privateKey, 'RSA-OAEP-256'],
      [ecdh.publicKey, ecdh.privateKey, 'ECDH-ES+A256KW'],
      [x25519.publicKey, x25519.privateKey, 'ECDH-ES+A256KW'],
      [aes, aes, 'dir'],
    ] as const) {
      const sealed = await encryptFields(person, ['snils'], recipient);
      expect(algOf(sealed.snils)).toBe(alg);
      expect((await decryptFields(sealed, ['snils'], secretKey)).snils).toBe(person.snils);
    }
  });

  it('a shared key of another length than 32 bytes, or a key no JWE alg fits, is refused', async () => {
    expect(await codeOfAsync(encryptFields(person, ['snils'], new Uint8Array(31)))).toBe('INVALID_INPUT');
    expect(await codeOfAsync(encryptFields(person, ['snils'], new Uint8Array(33)))).toBe('INVALID_INPUT');
    const { publicKey } = await generateKeyPair('ES256');
    expect(await codeOfAsync(encryptFields(person, ['snils'], publicKey))).toBe('UNSUPPORTED_ALGORITHM');
  });

  it('an explicit alg is used as given, not guessed from the key', async () => {
    expect(await codeOfAsync(encryptFields(person, ['snils'], key, { alg: 'RSA-OAEP-256' }))).toBe(
      'INVALID_INPUT',
    );
    expect(algOf((await encryptFields(person, ['snils'], key, { alg: 'dir' })).snils)).toBe('dir');
  });

  it('the JWE header: enc A256GCM, cty json, kid only when given', async () => {
    const sealed = await encryptFields(person, ['snils'], key, { kid: 'pd-1' });
    expect(decodeProtectedHeader(sealed.snils as string)).toEqual({
      alg: 'dir',
      enc: 'A256GCM',
      cty: 'json',
      kid: 'pd-1',
    });
    const plain = await encryptFields(person, ['snils'], key, { kid: '' });
    expect(decodeProtectedHeader(plain.snils as string)).toEqual({ alg: 'dir', enc: 'A256GCM', cty: 'json' });
  });

  it('field paths: up to 8 dotted segments; more, an empty segment or __proto__ is refused', async () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } };
    const sealed = await encryptFields(deep, ['a.b.c.d.e.f.g.h'], key);
    expect(typeof sealed.a.b.c.d.e.f.g.h).toBe('string');
    expect(await decryptFields(sealed, ['a.b.c.d.e.f.g.h'], key)).toEqual(deep);
    for (const path of ['a.b.c.d.e.f.g.h.i', 'a..b', '.a', 'a.', '', '__proto__', 'a.__proto__']) {
      expect(await codeOfAsync(encryptFields(deep, [path], key))).toBe('INVALID_INPUT');
      expect(await codeOfAsync(decryptFields(deep, [path], key))).toBe('INVALID_INPUT');
    }
  });

  it('dotted paths reach nested fields; absent, undefined, inherited or unreachable ones are skipped', async () => {
    const sealed = await encryptFields(person, ['passport.number'], key);
    expect(sealed.passport.series).toBe('4510');
    expect(typeof sealed.passport.number).toBe('string');
    expect(person.passport.number).toBe('123456');
    const skipped = { a: undefined, n: null, s: 'text', o: {} };
    for (const path of ['missing', 'a', 'n.x', 's.length', 'o.toString', 'constructor', 'missing.x']) {
      expect(await encryptFields(skipped, [path], key)).toEqual(skipped);
    }
  });

  it('decryptFields: only string fields are decrypted; the algorithms are A256GCM with the three key managements', async () => {
    const sealed = await encryptFields(person, ['snils'], key);
    expect(await decryptFields({ ...sealed, age: 9 }, ['snils', 'age', 'missing'], key)).toEqual(person);
    const a128 = await new CompactEncrypt(utf8('"x"'))
      .setProtectedHeader({ alg: 'dir', enc: 'A128GCM' })
      .encrypt(new Uint8Array(16));
    expect(await codeOfAsync(decryptFields({ f: a128 }, ['f'], new Uint8Array(16)))).toBe(
      'ALGORITHM_NOT_ALLOWED',
    );
    const kw = await new CompactEncrypt(utf8('"x"'))
      .setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM' })
      .encrypt(key);
    expect(await codeOfAsync(decryptFields({ f: kw }, ['f'], key))).toBe('ALGORITHM_NOT_ALLOWED');
  });

  it('a wrong key or a plaintext that is not JSON is DECRYPTION_FAILED; a broken JWE is MALFORMED_TOKEN', async () => {
    const sealed = await encryptFields(person, ['snils'], key);
    expect(await codeOfAsync(decryptFields(sealed, ['snils'], new Uint8Array(32)))).toBe('DECRYPTION_FAILED');
    expect(await codeOfAsync(decryptFields({ snils: 'not-a-jwe' }, ['snils'], key))).toBe('MALFORMED_TOKEN');
    const text = await new CompactEncrypt(utf8('not json'))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(key);
    expect(await codeOfAsync(decryptFields({ f: text }, ['f'], key))).toBe('DECRYPTION_FAILED');
    await expect(decryptFields({ f: text }, ['f'], key)).rejects.toMatchObject({
      cause: expect.any(SyntaxError),
    });
  });

  it('encryption failures are CryptoErrors', async () => {
    const { publicKey } = await generateKeyPair('RSA-OAEP-256');
    expect(await codeOfAsync(encryptFields(person, ['snils'], publicKey, { alg: 'dir' }))).toBe(
      'INVALID_INPUT',
    );
  });
});
