/** The data slices `data.vk` and `data.vkid`, the demo switch, snapshots and services between the portals. */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { vkChats, vkDemo, vkPortal, vkTokens, vkUsers } from '../src/portals/vk/index.js';
import { vkIdClients, vkidPortal } from '../src/portals/vkid/index.js';
import { vkCall, vkSim } from './vk-support.js';

const vendor = {
  vk: {
    users: [
      {
        id: 900000001,
        firstName: 'Анна',
        lastName: 'Учителева',
        sex: 'F' as const,
        birthDate: '01.02.1985',
        educationProfile: true,
      },
    ],
    communities: [{ id: 300000001, name: 'Гимназия № 2', adminUserIds: [900000001] }],
    tokens: [
      { token: 'vendor-community-token-0001', kind: 'community' as const, ownerId: 300000001 },
      {
        token: 'vendor-user-token-0000000001',
        kind: 'user' as const,
        ownerId: 900000001,
        scopes: ['messages'],
      },
    ],
  },
  vkid: {
    clients: [{ clientId: '53000001', title: 'Гимназия — ИС', redirectUris: ['https://gym2.example/vkid'] }],
  },
};

describe('data.vk and data.vkid', () => {
  it('add communities, users, tokens and VK ID clients next to the demo', async () => {
    const sim = vkSim({ data: vendor });
    expect(vkTokens(sim).map((token) => token.token)).toEqual(
      expect.arrayContaining(['vendor-community-token-0001', 'vendor-user-token-0000000001']),
    );
    expect(vkIdClients(sim).map((client) => client.clientId)).toContain('53000001');
    const created = await vkCall(
      sim,
      'messages.createChat',
      { title: 'Гимназия - 5А', user_ids: 900000001 },
      { token: 'vendor-community-token-0001' },
    );
    expect(created.body.response.peer_ids).toEqual([900000001]);
    const call = await vkCall(
      sim,
      'calls.start',
      { group_id: 300000001 },
      { token: 'vendor-user-token-0000000001' },
    );
    expect(call.body.response.join_link).toMatch(/^https:\/\/vk\.com\/call\/join\//);
    expect(vkUsers(sim).find((user) => user.id === 900000001)).toMatchObject({
      name: 'Учителева Анна',
      educationProfile: true,
    });
  });

  it('demo: false starts with the vendor’s VK only', () => {
    const sim = vkSim({ data: { vk: { ...vendor.vk, demo: false } } });
    expect(vkUsers(sim)).toHaveLength(1);
    expect(vkChats(sim)).toEqual([]);
    expect(() => vkDemo(sim)).toThrow(/without demo data/);
  });

  it('refuses bad slices before start, naming the path', () => {
    expect(() => vkSim({ data: { vk: { tokens: [{ token: 'short', kind: 'user', ownerId: 1 }] } } })).toThrow(
      /data\.vk\.tokens\.0\.token/,
    );
    expect(() =>
      vkSim({
        data: { vk: { tokens: [{ token: 'vendor-user-token-x0000001', kind: 'user', ownerId: 1 }] } },
      }),
    ).toThrow(/data\.vk\.tokens\.0\.ownerId: no user 1/);
    expect(() =>
      vkSim({ data: { vk: { users: [{ id: 1, firstName: 'A', lastName: 'B', extra: 1 }] } } }),
    ).toThrow(/data\.vk\.users\.0/);
    expect(() =>
      vkSim({ data: { vkid: { clients: [{ clientId: 'x', redirectUris: ['not a url'] }] } } }),
    ).toThrow(/data\.vkid\.clients\.0\.redirectUris\.0/);
  });

  it('the vk portal needs VK ID’s tokens: loading it alone names what to load', () => {
    expect(() => createSimulator({ portals: [vkPortal()] })).toThrow(
      /requires service "vk-identity".*load vkidPortal\(\)/,
    );
    expect(() => createSimulator({ portals: [vkidPortal()] })).toThrow(
      /requires service "vk-accounts".*load vkPortal\(\)/,
    );
  });

  it('snapshots and restores the portal state (Maps, Sets, buckets) exactly', async () => {
    const sim = vkSim();
    const community = { token: vkDemo(sim).communityToken };
    const snapshot = sim.snapshot({ journal: false });
    await vkCall(sim, 'messages.createChat', { title: 'после снимка' }, community);
    expect(vkChats(sim)).toHaveLength(5);
    sim.restore(snapshot);
    expect(vkChats(sim)).toHaveLength(4);
    const again = await vkCall(sim, 'messages.createChat', { title: 'после снимка' }, community);
    expect(again.body.response.chat_id).toBe(5);
  });
});
