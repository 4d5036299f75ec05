import { createHmac } from 'node:crypto';
import { MemoryStore } from '@goskit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CryptoError,
  createWebhookVerifier,
  parseWebhookHeader,
  signWebhook,
  verifyWebhook,
} from '../src/index.js';

const secret = 'whsec_0123456789abcdef0123456789';
const body = '{"event":"letter.delivered","id":"L-1"}';
const t0 = Date.UTC(2026, 0, 15, 9, 0, 0);

describe('webhook signatures', () => {
  it('signs t=<unix>,v1=<hex HMAC of "t.body">', async () => {
    const header = await signWebhook(body, secret, { timestamp: new Date(t0) });
    const t = t0 / 1000;
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies within tolerance and rejects stale or future timestamps', async () => {
    const header = await signWebhook(body, secret, { timestamp: t0 });
    await expect(verifyWebhook(body, header, secret, { now: () => t0 + 299_000 })).resolves.toEqual({
      timestamp: t0 / 1000,
    });
    await expect(verifyWebhook(body, header, secret, { now: () => t0 + 301_000 })).rejects.toMatchObject({
      code: 'TIMESTAMP_OUT_OF_TOLERANCE',
    });
    await expect(verifyWebhook(body, header, secret, { now: () => t0 - 301_000 })).rejects.toMatchObject({
      code: 'TIMESTAMP_OUT_OF_TOLERANCE',
    });
  });

  it('rejects a changed body, a moved timestamp and a wrong secret', async () => {
    const header = await signWebhook(body, secret, { timestamp: t0 });
    const now = () => t0;
    await expect(verifyWebhook(`${body} `, header, secret, { now })).rejects.toMatchObject({
      code: 'SIGNATURE_MISMATCH',
    });
    const moved = header.replace(`t=${t0 / 1000}`, `t=${t0 / 1000 + 1}`);
    await expect(verifyWebhook(body, moved, secret, { now })).rejects.toMatchObject({
      code: 'SIGNATURE_MISMATCH',
    });
    await expect(verifyWebhook(body, header, 'another-secret-0123456789', { now })).rejects.toMatchObject({
      code: 'SIGNATURE_MISMATCH',
    });
  });

  it('accepts any of several secrets during rotation', async () => {
    const header = await signWebhook(body, 'new-secret-0123456789abcdef', { timestamp: t0 });
    await expect(
      verifyWebhook(body, header, [secret, 'new-secret-0123456789abcdef'], { now: () => t0 }),
    ).resolves.toBeDefined();
  });

  it('detects replays through the KeyValueStore and forgets them after the tolerance', async () => {
    let now = t0;
    const store = new MemoryStore({ now: () => now });
    const header = await signWebhook(body, secret, { timestamp: t0 });
    const options = { now: () => now, replayStore: store, toleranceSec: 60 };
    await verifyWebhook(body, header, secret, options);
    await expect(verifyWebhook(body, header, secret, options)).rejects.toMatchObject({
      code: 'REPLAY_DETECTED',
    });
    now += 61_000;
    await expect(verifyWebhook(body, header, secret, options)).rejects.toMatchObject({
      code: 'TIMESTAMP_OUT_OF_TOLERANCE',
    });
  });

  it('createWebhookVerifier keeps its own replay cache', async () => {
    const verify = createWebhookVerifier(secret, { now: () => t0 });
    const header = await signWebhook(body, secret, { timestamp: t0 });
    await verify(body, header);
    await expect(verify(body, header)).rejects.toMatchObject({ code: 'REPLAY_DETECTED' });
  });

  it('parses headers strictly', () => {
    const v1 = 'a'.repeat(64);
    expect(parseWebhookHeader(`t=1700000000, v1=${v1},v0=zz`)).toEqual({
      timestamp: 1700000000,
      signatures: [v1],
    });
    for (const bad of [
      '',
      't=1',
      `v1=${v1}`,
      `t=abc,v1=${v1}`,
      `t=1,t=2,v1=${v1}`,
      't=1,v1=abc',
      'garbage',
      `t=-1,v1=${v1}`,
    ]) {
      expect(() => parseWebhookHeader(bad)).toThrow(CryptoError);
    }
  });

  it('header parser only ever throws CryptoError (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        try {
          const parsed = parseWebhookHeader(header);
          expect(Number.isSafeInteger(parsed.timestamp)).toBe(true);
          expect(parsed.signatures.every((s) => /^[0-9a-f]{64}$/.test(s))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(CryptoError);
        }
      }),
    );
  });
});
