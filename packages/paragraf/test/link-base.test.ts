import { MemoryStore } from '@goskit/core';
import { type CommunityVerifier, createLinkBase, LinkError } from '@goskit/paragraf';
import { describe, expect, it } from 'vitest';

const TOKEN = `vk1.a.${'Ab3_-x'.repeat(12)}`;
const key = (byte: number) => new Uint8Array(32).fill(byte);

/** A verifier that knows one community and its token (what the VK-backed one answers from VK). */
function verifier(calls: number[] = []): CommunityVerifier {
  return {
    async verify({ communityId, token }) {
      calls.push(communityId);
      return {
        exists: communityId === 228_001,
        communityToken: communityId === 228_001 && token === TOKEN,
        name: 'Школа № 1',
      };
    },
  };
}

describe('«База ссылок»', () => {
  it('saves a checked link with the token encrypted at rest, and reads it back', async () => {
    const store = new MemoryStore();
    const links = createLinkBase({
      store,
      keys: { current: { id: 'k1', key: key(1) } },
      verifier: verifier(),
    });
    const saved = await links.save({ schoolId: 'sch1', communityId: '228001', token: TOKEN });
    expect(saved).toMatchObject({
      schoolId: 'sch1',
      communityId: 228_001,
      communityName: 'Школа № 1',
      keyId: 'k1',
    });
    expect(JSON.stringify(await store.get('paragraf:link:sch1'))).not.toContain(TOKEN.slice(6, 30));
    expect(await links.token('sch1')).toBe(TOKEN);
    expect(await links.get('sch1')).not.toHaveProperty('token');
  });

  it('two saves of the same token never share a nonce (ciphertexts differ)', async () => {
    const store = new MemoryStore();
    const links = createLinkBase({
      store,
      keys: { current: { id: 'k1', key: key(1) } },
      verifier: verifier(),
    });
    await links.save({ schoolId: 'a', communityId: 228_001, token: TOKEN });
    await links.save({ schoolId: 'b', communityId: 228_001, token: TOKEN });
    const ivA = ((await store.get('paragraf:link:a')) as { token: string }).token.split('.')[1];
    const ivB = ((await store.get('paragraf:link:b')) as { token: string }).token.split('.')[1];
    expect(ivA).not.toBe(ivB);
  });

  it('reports every bad field with ru/en text and never calls VK for them', async () => {
    const calls: number[] = [];
    const links = createLinkBase({
      store: new MemoryStore(),
      keys: { current: { id: 'k1', key: key(1) } },
      verifier: verifier(calls),
    });
    const error = await links.save({ schoolId: 'школа 1', communityId: -5, token: 'short' }).catch((e) => e);
    expect(error).toBeInstanceOf(LinkError);
    expect(error.code).toBe('LINK_INVALID');
    expect(error.issues.map((i: { field: string }) => i.field)).toEqual(['schoolId', 'communityId', 'token']);
    expect(error.messageRu).toContain('ID сообщества');
    expect(error.message).not.toContain('short');
    expect(calls).toEqual([]);
  });

  it('refuses a community that does not exist or a token that is not its community token', async () => {
    const links = createLinkBase({
      store: new MemoryStore(),
      keys: { current: { id: 'k1', key: key(1) } },
      verifier: verifier(),
    });
    await expect(links.save({ schoolId: 's', communityId: 1, token: TOKEN })).rejects.toMatchObject({
      code: 'COMMUNITY_CHECK_FAILED',
      issues: [{ field: 'communityId', code: 'COMMUNITY_NOT_FOUND' }],
    });
    await expect(
      links.save({ schoolId: 's', communityId: 228_001, token: `${TOKEN}x` }),
    ).rejects.toMatchObject({
      issues: [{ field: 'token', code: 'NOT_COMMUNITY_TOKEN' }],
    });
    const failing: CommunityVerifier = { verify: async () => Promise.reject(new Error('VK down')) };
    const down = createLinkBase({
      store: new MemoryStore(),
      keys: { current: { id: 'k1', key: key(1) } },
      verifier: failing,
    });
    await expect(down.save({ schoolId: 's', communityId: 228_001, token: TOKEN })).rejects.toMatchObject({
      code: 'COMMUNITY_CHECK_FAILED',
    });
  });

  it('rotates keys: old links stay readable by key id and re-encrypt to the new key', async () => {
    const store = new MemoryStore();
    const old = createLinkBase({ store, keys: { current: { id: 'k1', key: key(1) } }, verifier: verifier() });
    await old.save({ schoolId: 'sch1', communityId: 228_001, token: TOKEN });
    const rotated = createLinkBase({
      store,
      keys: { current: { id: 'k2', key: key(2) }, previous: [{ id: 'k1', key: key(1) }] },
      verifier: verifier(),
    });
    expect(await rotated.token('sch1')).toBe(TOKEN);
    expect((await rotated.reencrypt('sch1')).keyId).toBe('k2');
    const onlyNew = createLinkBase({
      store,
      keys: { current: { id: 'k2', key: key(2) } },
      verifier: verifier(),
    });
    expect(await onlyNew.token('sch1')).toBe(TOKEN);
    const onlyOld = createLinkBase({
      store,
      keys: { current: { id: 'k1', key: key(1) } },
      verifier: verifier(),
    });
    await expect(onlyOld.token('sch1')).rejects.toMatchObject({ code: 'LINK_UNREADABLE' });
  });

  it('a ciphertext moved to another school does not decrypt (AAD binds school and community)', async () => {
    const store = new MemoryStore();
    const links = createLinkBase({
      store,
      keys: { current: { id: 'k1', key: key(1) } },
      verifier: verifier(),
    });
    await links.save({ schoolId: 'sch1', communityId: 228_001, token: TOKEN });
    const record = (await store.get('paragraf:link:sch1')) as Record<string, unknown>;
    await store.set('paragraf:link:sch2', { ...record, schoolId: 'sch2' });
    await expect(links.token('sch2')).rejects.toMatchObject({ code: 'LINK_UNREADABLE' });
  });

  it('ids like __proto__ and constructor are ordinary keys, and a missing link is LINK_NOT_FOUND', async () => {
    const links = createLinkBase({
      store: new MemoryStore(),
      keys: { current: { id: 'k1', key: key(1) } },
      verifier: verifier(),
    });
    await links.save({ schoolId: '__proto__', communityId: 228_001, token: TOKEN });
    expect(await links.token('__proto__')).toBe(TOKEN);
    expect(await links.get('constructor')).toBeUndefined();
    await expect(links.token('toString')).rejects.toMatchObject({ code: 'LINK_NOT_FOUND' });
  });

  it('refuses a short key and a key that reached its encryption limit', async () => {
    expect(() =>
      createLinkBase({
        store: new MemoryStore(),
        keys: { current: { id: 'k1', key: new Uint8Array(16) } },
        verifier: verifier(),
      }),
    ).toThrow(/32 bytes/);
    const links = createLinkBase({
      store: new MemoryStore(),
      keys: { current: { id: 'k1', key: key(1) }, maxEncryptionsPerKey: 1 },
      verifier: verifier(),
    });
    await links.save({ schoolId: 'a', communityId: 228_001, token: TOKEN });
    await expect(links.save({ schoolId: 'b', communityId: 228_001, token: TOKEN })).rejects.toThrow(/rotate/);
  });
});
