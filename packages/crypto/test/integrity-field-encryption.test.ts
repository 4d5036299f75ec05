import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CryptoError,
  decryptField,
  decryptFieldBytes,
  encryptField,
  fromBase64Url,
  importFieldKey,
} from '../src/index.js';

const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);

describe('AES-256-GCM field encryption', () => {
  it('round-trips and produces v1.<iv>.<ciphertext+tag>', async () => {
    const token = await encryptField('123-456-789 64', key, { aad: 'person:42:snils' });
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(token).not.toContain('123-456');
    expect(await decryptField(token, key, { aad: 'person:42:snils' })).toBe('123-456-789 64');
  });

  it('is readable by node:crypto (standard AES-GCM, tag appended)', async () => {
    const token = await encryptField('Паспорт 4510 123456', key);
    const [, iv, sealed] = token.split('.') as [string, string, string];
    const bytes = fromBase64Url(sealed);
    const decipher = createDecipheriv('aes-256-gcm', key, fromBase64Url(iv));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const text = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
    expect(text.toString('utf8')).toBe('Паспорт 4510 123456');
  });

  it('uses a fresh IV every time', async () => {
    const a = await encryptField('same', key);
    const b = await encryptField('same', key);
    expect(a).not.toBe(b);
  });

  it('fails authentication on wrong key, wrong AAD or tampering', async () => {
    const token = await encryptField('secret', key, { aad: 'a' });
    const other = new Uint8Array(32).fill(1);
    await expect(decryptField(token, other, { aad: 'a' })).rejects.toMatchObject({
      code: 'DECRYPTION_FAILED',
    });
    await expect(decryptField(token, key, { aad: 'b' })).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
    await expect(decryptField(token, key)).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.slice(-1)}`;
    await expect(decryptField(tampered, key, { aad: 'a' })).rejects.toBeInstanceOf(CryptoError);
  });

  it('rejects malformed tokens and keys with INVALID_INPUT, never echoing the key', async () => {
    for (const bad of ['', 'v2.a.b', 'v1.a', 'v1.!!.aa', 'v1.AAAA.AAAA']) {
      await expect(decryptFieldBytes(bad, key)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    const error = await importFieldKey(new Uint8Array(16).fill(0x41)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(String((error as Error).message)).not.toContain('AAAA');
  });

  it('accepts an imported CryptoKey', async () => {
    const cryptoKey = await importFieldKey(key);
    expect(await decryptField(await encryptField('x', cryptoKey), key)).toBe('x');
  });
});
