import fc from 'fast-check';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  CryptoError,
  fromBase64Url,
  fromUtf8,
  parseCompactJws,
  signDetachedJws,
  signJsonRequest,
  signJws,
  verifyDetachedJws,
  verifyJws,
} from '../src/index.js';

describe('JWS signing', () => {
  it('compact RS256 and ES256 round-trip; a wrong key or alg is rejected', async () => {
    for (const alg of ['RS256', 'ES256'] as const) {
      const { privateKey, publicKey } = await generateKeyPair(alg);
      const jws = await signJws('{"orderId":1}', privateKey, { alg, kid: 'k1' });
      const { payload, header } = await verifyJws(jws, publicKey, { algorithms: [alg] });
      expect(fromUtf8(payload)).toBe('{"orderId":1}');
      expect(header).toMatchObject({ alg, kid: 'k1' });
      const other = await generateKeyPair(alg);
      await expect(verifyJws(jws, other.publicKey, { algorithms: [alg] })).rejects.toMatchObject({
        code: 'SIGNATURE_MISMATCH',
      });
      await expect(
        verifyJws(jws, publicKey, { algorithms: [alg === 'RS256' ? 'ES256' : 'RS256'] }),
      ).rejects.toMatchObject({
        code: 'ALGORITHM_NOT_ALLOWED',
      });
    }
  });

  it('detached (RFC 7515 App. F) and unencoded (RFC 7797) forms verify against the exact body', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const body = '{"snils":"112-233-445 95","amount":100}';
    for (const mode of ['detached', 'unencoded'] as const) {
      const jws = await signDetachedJws(body, privateKey, { alg: 'ES256', mode });
      expect(jws).toMatch(/^[\w-]+\.\.[\w-]+$/);
      const header = JSON.parse(fromUtf8(fromBase64Url(jws.split('.')[0] as string)));
      expect(header.b64).toBe(mode === 'unencoded' ? false : undefined);
      await expect(verifyDetachedJws(jws, body, publicKey, { algorithms: ['ES256'] })).resolves.toBeDefined();
      await expect(
        verifyDetachedJws(jws, `${body} `, publicKey, { algorithms: ['ES256'] }),
      ).rejects.toMatchObject({
        code: 'SIGNATURE_MISMATCH',
      });
    }
    await expect(
      verifyDetachedJws('a.b.c', body, publicKey, { algorithms: ['ES256'] }),
    ).rejects.toMatchObject({
      code: 'MALFORMED_TOKEN',
    });
  });

  it('signJsonRequest returns the body it signed (optionally canonical)', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const request = await signJsonRequest({ b: 2, a: 1 }, privateKey, { alg: 'RS256', canonical: true });
    expect(request.body).toBe('{"a":1,"b":2}');
    await expect(
      verifyDetachedJws(request.signature, request.body, publicKey, { algorithms: ['RS256'] }),
    ).resolves.toBeDefined();
  });

  it('refuses empty allow-lists and "none"', async () => {
    const { publicKey } = await generateKeyPair('ES256');
    await expect(verifyJws('a.b.c', publicKey, { algorithms: [] })).rejects.toMatchObject({
      code: 'ALGORITHM_NOT_ALLOWED',
    });
    await expect(verifyJws('a.b.c', publicKey, { algorithms: ['none' as never] })).rejects.toMatchObject({
      code: 'ALGORITHM_NOT_ALLOWED',
    });
  });

  it('maps a bad signing key to a CryptoError', async () => {
    const { publicKey } = await generateKeyPair('ES256');
    await expect(signJws('x', publicKey, { alg: 'ES256' })).rejects.toBeInstanceOf(CryptoError);
    expect(await exportJWK(publicKey)).toHaveProperty('kty', 'EC');
  });
});

describe('compact JWS parser (fuzz)', () => {
  const part = fc.oneof(
    fc.base64String({ maxLength: 40 }).map((s) => s.replace(/=/g, '')),
    fc.string({ maxLength: 20 }),
  );
  it('only throws MALFORMED_TOKEN', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.tuple(part, part, part).map((p) => p.join('.')),
        ),
        (token) => {
          try {
            const parsed = parseCompactJws(token);
            expect(typeof parsed.header.alg).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(CryptoError);
            expect((error as CryptoError).code).toBe('MALFORMED_TOKEN');
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
