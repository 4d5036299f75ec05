import { compactDecrypt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { CryptoError, decryptFields, encryptFields } from '../src/index.js';

const person = {
  oid: 1000328686,
  lastName: 'Иванова',
  snils: '112-233-445 95',
  passport: { series: '4510', number: '123456' },
  kids: [{ name: 'Петя' }],
};

describe('JWE field encryption', () => {
  it('dir + A256GCM: listed fields become compact JWEs, others stay, the input is untouched', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const sealed = await encryptFields(person, ['snils', 'passport', 'missing'], key, { kid: 'pd-2026' });
    expect(sealed.lastName).toBe('Иванова');
    expect(person.snils).toBe('112-233-445 95');
    expect(sealed.snils).toMatch(/^[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(JSON.stringify(sealed)).not.toContain('4510');
    expect(decodeProtectedHeader(sealed.snils as string)).toMatchObject({
      alg: 'dir',
      enc: 'A256GCM',
      kid: 'pd-2026',
    });
    expect(sealed).not.toHaveProperty('missing');
    expect(await decryptFields(sealed, ['snils', 'passport'], key)).toEqual(person);
  });

  it('supports dotted paths', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const sealed = await encryptFields(person, ['passport.number'], key);
    expect(sealed.passport.series).toBe('4510');
    expect(sealed.passport.number).not.toBe('123456');
    expect((await decryptFields(sealed, ['passport.number'], key)).passport.number).toBe('123456');
    await expect(encryptFields(person, ['__proto__.x'], key)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('RSA-OAEP-256 and ECDH-ES+A256KW for a recipient public key; standard JWE that jose decrypts', async () => {
    const rsa = await generateKeyPair('RSA-OAEP-256');
    const ec = await generateKeyPair('ECDH-ES+A256KW');
    for (const [pair, alg] of [
      [rsa, 'RSA-OAEP-256'],
      [ec, 'ECDH-ES+A256KW'],
    ] as const) {
      const sealed = await encryptFields(person, ['snils'], pair.publicKey);
      expect(decodeProtectedHeader(sealed.snils as string)).toMatchObject({ alg, enc: 'A256GCM' });
      const { plaintext } = await compactDecrypt(sealed.snils as string, pair.privateKey);
      expect(JSON.parse(new TextDecoder().decode(plaintext))).toBe('112-233-445 95');
      expect((await decryptFields(sealed, ['snils'], pair.privateKey)).snils).toBe('112-233-445 95');
    }
  });

  it('wrong key or tampering → DECRYPTION_FAILED; bad key size → INVALID_INPUT', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const sealed = await encryptFields(person, ['snils'], key);
    await expect(decryptFields(sealed, ['snils'], new Uint8Array(32))).rejects.toMatchObject({
      code: 'DECRYPTION_FAILED',
    });
    const parts = (sealed.snils as string).split('.');
    parts[3] = `${parts[3]?.startsWith('A') ? 'B' : 'A'}${parts[3]?.slice(1)}`;
    await expect(decryptFields({ ...sealed, snils: parts.join('.') }, ['snils'], key)).rejects.toBeInstanceOf(
      CryptoError,
    );
    await expect(decryptFields({ snils: 'not.a.jwe' }, ['snils'], key)).rejects.toBeInstanceOf(CryptoError);
    await expect(encryptFields(person, ['snils'], new Uint8Array(16))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
