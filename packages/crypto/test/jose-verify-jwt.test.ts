import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { exportJWK, generateKeyPair, importPKCS8, type JSONWebKeySet, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CryptoError,
  certificateHash,
  certificateKeys,
  createSoftwareGostSigner,
  fromBase64Url,
  generateGostKeyPair,
  jwksKeys,
  remoteJwksKeys,
  reverseBytes,
  signGostJwt,
  staticKeys,
  toBase64Url,
  utf8,
  verifyJwt,
} from '../src/index.js';
import {
  type GostFixture,
  makeGostFixture,
  makeRsaCertificate,
  opensslGostAvailable,
  opensslGostVerify,
} from './signer-fixtures.js';

const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);
const nowSec = NOW / 1000;
const ISS = 'http://esia-portal1.test.gosuslugi.ru/';
const claims = {
  iss: ISS,
  aud: 'ELSH01721',
  sub: '1000328686',
  iat: nowSec,
  nbf: nowSec,
  exp: nowSec + 3600,
};

async function rsaToken(
  privateKey: CryptoKey,
  kid: string | undefined,
  payload: Record<string, unknown> = claims,
) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(kid ? { kid } : {}) })
    .sign(privateKey);
}

describe('verifyJwt with JWKS', () => {
  let keyA: CryptoKeyPair;
  let keyB: CryptoKeyPair;
  let jwks: JSONWebKeySet;
  beforeAll(async () => {
    keyA = await generateKeyPair('RS256');
    keyB = await generateKeyPair('RS256');
    jwks = { keys: [{ ...(await exportJWK(keyA.publicKey)), kid: 'a', alg: 'RS256', use: 'sig' }] };
  });

  it('accepts a valid token and returns header and payload', async () => {
    const token = await rsaToken(keyA.privateKey, 'a');
    const result = await verifyJwt(token, {
      algorithms: ['RS256'],
      keys: jwksKeys(jwks),
      issuer: ISS,
      audience: 'ELSH01721',
      now: NOW,
    });
    expect(result.payload.sub).toBe('1000328686');
    expect(result.header).toMatchObject({ alg: 'RS256', kid: 'a' });
  });

  it('enforces the algorithm allow-list and never allows "none"', async () => {
    const token = await rsaToken(keyA.privateKey, 'a');
    await expect(
      verifyJwt(token, { algorithms: ['ES256'], keys: jwksKeys(jwks), now: NOW }),
    ).rejects.toMatchObject({
      code: 'ALGORITHM_NOT_ALLOWED',
    });
    await expect(verifyJwt(token, { algorithms: [], keys: jwksKeys(jwks), now: NOW })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      verifyJwt(token, { algorithms: ['none' as never], keys: jwksKeys(jwks), now: NOW }),
    ).rejects.toMatchObject({
      code: 'ALGORITHM_NOT_ALLOWED',
    });
    const unsigned = `${toBase64Url(utf8('{"alg":"none"}'))}.${toBase64Url(utf8(JSON.stringify(claims)))}.`;
    await expect(
      verifyJwt(unsigned, { algorithms: ['RS256'], keys: jwksKeys(jwks), now: NOW }),
    ).rejects.toMatchObject({
      code: 'ALGORITHM_NOT_ALLOWED',
    });
  });

  it('rejects an HS256 token forged with the public key bytes (alg confusion)', async () => {
    const pem = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'a' }).sign(pem);
    await expect(
      verifyJwt(forged, { algorithms: ['RS256'], keys: jwksKeys(jwks), now: NOW }),
    ).rejects.toMatchObject({
      code: 'ALGORITHM_NOT_ALLOWED',
    });
  });

  it('checks exp, nbf, iss, aud with clock tolerance', async () => {
    const keys = jwksKeys(jwks);
    const base = { algorithms: ['RS256'] as const, keys };
    const token = await rsaToken(keyA.privateKey, 'a');
    await expect(verifyJwt(token, { ...base, now: NOW + 3600_000 + 29_000 })).resolves.toBeDefined();
    await expect(verifyJwt(token, { ...base, now: NOW + 3600_000 + 31_000 })).rejects.toMatchObject({
      code: 'TOKEN_EXPIRED',
    });
    await expect(
      verifyJwt(token, { ...base, now: NOW + 3601_000, clockToleranceSec: 0 }),
    ).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    await expect(verifyJwt(token, { ...base, now: NOW - 60_000 })).rejects.toMatchObject({
      code: 'TOKEN_NOT_YET_VALID',
    });
    await expect(
      verifyJwt(token, { ...base, now: NOW, issuer: 'http://esia.gosuslugi.ru/' }),
    ).rejects.toMatchObject({
      code: 'TOKEN_CLAIM_INVALID',
    });
    await expect(
      verifyJwt(token, { ...base, now: NOW, audience: ['OTHER', 'ELSH01721'] }),
    ).resolves.toBeDefined();
    await expect(verifyJwt(token, { ...base, now: NOW, audience: 'OTHER' })).rejects.toMatchObject({
      code: 'TOKEN_CLAIM_INVALID',
    });
    await expect(
      verifyJwt(token, { ...base, now: NOW + 600_000, maxTokenAgeSec: 300 }),
    ).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    const noExp = await rsaToken(keyA.privateKey, 'a', { iss: ISS });
    await expect(verifyJwt(noExp, { ...base, now: NOW })).rejects.toMatchObject({
      code: 'TOKEN_CLAIM_INVALID',
    });
    await expect(verifyJwt(noExp, { ...base, now: NOW, requireExpiration: false })).resolves.toBeDefined();
  });

  it('reports a token signed by an unknown key', async () => {
    const token = await rsaToken(keyB.privateKey, 'b');
    await expect(
      verifyJwt(token, { algorithms: ['RS256'], keys: jwksKeys(jwks), now: NOW }),
    ).rejects.toMatchObject({
      code: 'KEY_NOT_FOUND',
    });
    const noKid = await rsaToken(keyB.privateKey, undefined);
    await expect(
      verifyJwt(noKid, { algorithms: ['RS256'], keys: jwksKeys(jwks), now: NOW }),
    ).rejects.toMatchObject({
      code: 'SIGNATURE_MISMATCH',
    });
  });

  describe('remote JWKS with rotation', () => {
    let server: Server;
    let served: JSONWebKeySet;
    let fetches = 0;
    let url: string;
    beforeAll(async () => {
      served = jwks;
      server = createServer((_req, res) => {
        fetches++;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(served));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('caches, refetches on an unknown kid, and respects the cooldown', async () => {
      const keys = remoteJwksKeys(url, { cooldownMs: 0 });
      const options = { algorithms: ['RS256'] as const, keys, now: NOW };
      await verifyJwt(await rsaToken(keyA.privateKey, 'a'), options);
      await verifyJwt(await rsaToken(keyA.privateKey, 'a'), options);
      expect(fetches).toBe(1);
      // The issuer rotates to key b: the unknown kid triggers one refetch.
      served = { keys: [...jwks.keys, { ...(await exportJWK(keyB.publicKey)), kid: 'b', alg: 'RS256' }] };
      await expect(verifyJwt(await rsaToken(keyB.privateKey, 'b'), options)).resolves.toBeDefined();
      expect(fetches).toBe(2);

      const cooled = remoteJwksKeys(url, { cooldownMs: 60_000 });
      const before = fetches;
      const unknown = await rsaToken(keyB.privateKey, 'zzz');
      for (let i = 0; i < 3; i++) {
        await expect(verifyJwt(unknown, { ...options, keys: cooled })).rejects.toBeInstanceOf(CryptoError);
      }
      expect(fetches - before).toBe(1);
    });
  });
});

describe.skipIf(!opensslGostAvailable())('verifyJwt with certificates', () => {
  let fixture: GostFixture;
  let oldRsa: { key: CryptoKey; cert: string };
  let newRsa: { key: CryptoKey; cert: string };
  const makeRsa = async (name: string) => {
    const { keyPem, certPem } = makeRsaCertificate(fixture.dir, name);
    return { key: await importPKCS8(keyPem, 'RS256'), cert: certPem };
  };
  beforeAll(async () => {
    fixture = makeGostFixture();
    oldRsa = await makeRsa('esia-2023');
    newRsa = await makeRsa('esia-2024');
  });
  afterAll(() => fixture.cleanup());

  it('RS256 from X.509: the old and the new certificate both work during rotation', async () => {
    const keys = certificateKeys([oldRsa.cert, newRsa.cert]);
    for (const pair of [oldRsa, newRsa]) {
      const token = await rsaToken(pair.key, undefined);
      await expect(verifyJwt(token, { algorithms: ['RS256'], keys, now: NOW })).resolves.toBeDefined();
    }
    await expect(
      verifyJwt(await rsaToken(newRsa.key, undefined), {
        algorithms: ['RS256'],
        keys: certificateKeys([oldRsa.cert]),
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: 'SIGNATURE_MISMATCH' });
  });

  it('GOST3410_2012_256 tokens: signGostJwt → verifyJwt, OpenSSL agrees on the signature', async () => {
    const signer = createSoftwareGostSigner({ privateKey: fixture.keyPem, certificate: fixture.certPem });
    const header = { ver: 1, sbt: 'access', 'x5t#St256': certificateHash(fixture.certPem) };
    const token = await signGostJwt(claims, signer, { header });
    const [h, p, s] = token.split('.') as [string, string, string];
    expect(JSON.parse(new TextDecoder().decode(fromBase64Url(h)))).toMatchObject({
      alg: 'GOST3410_2012_256',
      typ: 'JWT',
      ver: 1,
    });
    expect(opensslGostVerify(fixture, utf8(`${h}.${p}`), fromBase64Url(s))).toBe(true);

    // The GOST certificate is found among RSA ones by its Streebog thumbprint.
    const keys = certificateKeys([oldRsa.cert, fixture.certPem]);
    const result = await verifyJwt(token, {
      algorithms: ['GOST3410_2012_256', 'RS256'],
      keys,
      issuer: ISS,
      now: NOW,
    });
    expect(result.payload.aud).toBe('ELSH01721');
    await expect(verifyJwt(token, { algorithms: ['RS256'], keys, now: NOW })).rejects.toMatchObject({
      code: 'ALGORITHM_NOT_ALLOWED',
    });
    await expect(
      verifyJwt(token, { algorithms: ['GOST3410_2012_256'], keys, now: NOW + 7200_000 }),
    ).rejects.toMatchObject({
      code: 'TOKEN_EXPIRED',
    });
    await expect(
      verifyJwt(token, { algorithms: ['GOST3410_2012_256'], keys: certificateKeys([oldRsa.cert]), now: NOW }),
    ).rejects.toMatchObject({ code: 'KEY_NOT_FOUND' });
    const tampered = `${h}.${toBase64Url(utf8(JSON.stringify({ ...claims, sub: '1' })))}.${s}`;
    await expect(
      verifyJwt(tampered, { algorithms: ['GOST3410_2012_256'], keys, now: NOW }),
    ).rejects.toMatchObject({
      code: 'SIGNATURE_MISMATCH',
    });
  });

  it('byte order is configurable: reversed tokens need gostSignatureByteOrder "reversed"', async () => {
    const { privateKey, publicKey } = generateGostKeyPair('tc26-256-A');
    const reversed = await signGostJwt(claims, privateKey, { gostSignatureByteOrder: 'reversed' });
    const keys = staticKeys([publicKey]);
    const options = { algorithms: ['GOST3410_2012_256'] as const, keys, now: NOW };
    await expect(verifyJwt(reversed, options)).rejects.toMatchObject({ code: 'SIGNATURE_MISMATCH' });
    await expect(
      verifyJwt(reversed, { ...options, gostSignatureByteOrder: 'reversed' }),
    ).resolves.toBeDefined();
    const [h, p, s] = reversed.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${toBase64Url(reverseBytes(fromBase64Url(s)))}`;
    await expect(verifyJwt(flipped, options)).resolves.toBeDefined();
  });
});

describe('verifyJwt on arbitrary input (fuzz)', () => {
  it('rejects with CryptoError and never accepts', async () => {
    const { publicKey } = generateGostKeyPair('tc26-256-A');
    const keys = staticKeys([publicKey]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc
            .tuple(fc.jsonValue(), fc.jsonValue(), fc.uint8Array({ maxLength: 70 }))
            .map(
              ([h, p, s]) =>
                `${toBase64Url(utf8(JSON.stringify(h) ?? ''))}.${toBase64Url(utf8(JSON.stringify(p) ?? ''))}.${toBase64Url(s)}`,
            ),
          fc
            .uint8Array({ maxLength: 64 })
            .map((s) => `eyJhbGciOiJHT1NUMzQxMF8yMDEyXzI1NiJ9.e30.${toBase64Url(s)}`),
        ),
        async (token) => {
          await expect(
            verifyJwt(token, { algorithms: ['GOST3410_2012_256', 'RS256'], keys, now: NOW }),
          ).rejects.toBeInstanceOf(CryptoError);
        },
      ),
      { numRuns: 300 },
    );
  });
});
