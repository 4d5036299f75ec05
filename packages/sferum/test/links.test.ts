import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createVkClient,
  linkFromVkId,
  linkStatus,
  linkStatuses,
  MemoryLinkStore,
  type PersonLink,
  SferumInputError,
  VK_API_RU,
  verifyVkLinks,
} from '../src/index.js';
import { vkRoute } from './helpers/vk-handlers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.UTC(2026, 8, 1, 6);
const link = (personId: string, userId: string, extra: Partial<PersonLink> = {}): PersonLink => ({
  personId,
  role: 'parent',
  network: 'vk',
  userId,
  linkedAt: NOW,
  ...extra,
});

describe('MemoryLinkStore', () => {
  it('keeps one link per person and network, and finds every person of an account', async () => {
    const store = new MemoryLinkStore();
    await store.put(link('r1', '301'));
    await store.put(link('t1', '301', { role: 'teacher' })); // a teacher who is also a parent
    await store.put(link('r1', '301', { network: 'max' }));
    expect(store.size).toBe(3);
    expect((await store.findByUser('vk', '301')).map((l) => l.personId).sort()).toEqual(['r1', 't1']);
    await store.put(link('r1', '999'));
    expect((await store.findByUser('vk', '301')).map((l) => l.personId)).toEqual(['t1']);
    expect((await store.get('r1', 'vk'))?.userId).toBe('999');
    expect([...(await store.getMany(['r1', 't1', 'nobody'], 'vk')).keys()]).toEqual(['r1', 't1']);
    expect(await store.remove('r1', 'vk')).toBe(true);
    expect(await store.remove('r1', 'vk')).toBe(false);
    expect(await store.findByUser('vk', '999')).toEqual([]);
  });

  it('hands out copies: a caller cannot change a stored link', async () => {
    const store = new MemoryLinkStore([link('r1', '301')]);
    const got = (await store.get('r1', 'vk'))!;
    got.userId = '1';
    expect((await store.get('r1', 'vk'))?.userId).toBe('301');
  });

  it('treats __proto__ and constructor as person ids and refuses malformed links with ru/en text', async () => {
    const store = new MemoryLinkStore();
    await store.put(link('__proto__', '1'));
    await store.put(link('constructor', '2'));
    expect((await store.get('__proto__', 'vk'))?.userId).toBe('1');
    expect((await store.getMany(['constructor', 'toString'], 'vk')).size).toBe(1);
    for (const bad of [
      link('', '1'),
      link('r\n1', '1'),
      link('r1', '0'),
      link('r1', '-5'),
      link('r1', '12a'),
      { ...link('r1', '1'), role: 'admin' as 'parent' },
    ]) {
      const error = await store.put(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SferumInputError);
      expect((error as SferumInputError).messageRu.length).toBeGreaterThan(5);
    }
  });
});

describe('link status', () => {
  it('is ✓ linked, ✗ not linked or ✗ stale with the reason', () => {
    const person = { id: 'r1', role: 'parent' as const };
    expect(linkStatus(person, undefined, { now: NOW })).toEqual({ status: 'not-linked', mark: '✗' });
    expect(linkStatus(person, link('r1', '1'), { now: NOW })).toMatchObject({ status: 'linked', mark: '✓' });
    expect(linkStatus(person, link('r1', '1', { role: 'pupil' }), { now: NOW })).toMatchObject({
      status: 'stale',
      reason: 'role-changed',
    });
    expect(linkStatus(person, link('r1', '1'), { now: NOW, deactivated: new Set(['1']) })).toMatchObject({
      reason: 'account-deactivated',
    });
    expect(
      linkStatus(person, link('r1', '1', { verifiedAt: NOW - 10 }), { now: NOW, maxAgeMs: 5 }),
    ).toMatchObject({ reason: 'verification-expired' });
    expect(
      linkStatus(person, link('r1', '1', { verifiedAt: NOW - 1 }), { now: NOW, maxAgeMs: 5 }).status,
    ).toBe('linked');
  });

  it('gives every person of a school their status from one store read', async () => {
    const store = new MemoryLinkStore([link('r1', '1')]);
    const statuses = await linkStatuses(
      store,
      'vk',
      [
        { id: 'r1', role: 'parent' },
        { id: 'r2', role: 'parent' },
      ],
      { now: NOW },
    );
    expect([...statuses].map(([id, s]) => [id, s.mark])).toEqual([
      ['r1', '✓'],
      ['r2', '✗'],
    ]);
  });
});

describe('VK links', () => {
  it('records a VK ID login as the person’s link', async () => {
    const store = new MemoryLinkStore();
    const stored = await linkFromVkId(store, { id: 't1', role: 'teacher' }, { userId: 777 }, NOW);
    expect(stored).toEqual({
      personId: 't1',
      role: 'teacher',
      network: 'vk',
      userId: '777',
      linkedAt: NOW,
      verifiedAt: NOW,
      via: 'vkid',
    });
    expect(await store.get('t1', 'vk')).toEqual(stored);
  });

  it('checks linked accounts with users.get: deleted, banned and unknown ones are reported, live ones re-verified', async () => {
    const route = vkRoute(VK_API_RU, () => ({
      response: [
        { id: 1, first_name: 'A', last_name: 'B' },
        { id: 2, first_name: 'DELETED', last_name: '', deactivated: 'deleted' },
        { id: 3, first_name: 'C', last_name: 'D', deactivated: 'banned' },
      ],
    }));
    server.use(route.handler);
    const links = [link('r1', '1'), link('r2', '2'), link('r3', '3'), link('r4', '4')];
    const store = new MemoryLinkStore(links);
    const vk = createVkClient({ token: 'community', tokenKind: 'community', retry: false });
    const check = await verifyVkLinks(vk, store, links, NOW + 1000);
    expect([...check.deactivated].sort()).toEqual(['2', '3', '4']);
    expect(check.verified).toBe(1);
    expect((await store.get('r1', 'vk'))?.verifiedAt).toBe(NOW + 1000);
    expect(route.calls[0]!.form.get('user_ids')).toBe('1,2,3,4');
  });
});
