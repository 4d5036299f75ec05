import { describe, expect, it } from 'vitest';
import { vkActions, vkChatMessages, vkChats, vkDemo, vkUserIdOf, vkUsers } from '../src/portals/vk/index.js';
import { vkCall, vkOk, vkSim } from './vk-support.js';

const unlimited = { rateLimits: { vk: { ratePerSecond: 1e9, burst: 1e9 } }, vk: { limits: { user: 1e9 } } };

function setup() {
  const sim = vkSim(unlimited);
  const demo = vkDemo(sim);
  const community = { token: demo.communityToken };
  const teacher = { token: demo.userTokens['teacher-demo'] as string };
  const director = { token: demo.userTokens['admin-demo'] as string };
  const parent = { token: demo.userTokens['parent-ivanov'] as string };
  const users = vkUsers(sim);
  const linked = users
    .filter((user) => user.educationProfile && user.role === 'student')
    .map((user) => user.id);
  const unlinked = users
    .filter((user) => !user.educationProfile && user.role === 'student')
    .map((user) => user.id);
  return { sim, demo, community, teacher, director, parent, linked, unlinked };
}

describe('messages.createChat / editChat / getChat', () => {
  it('a community adds only people with a linked «учебный профиль»; peer_id = 2000000000 + chat_id', async () => {
    const { sim, community, linked, unlinked, demo } = setup();
    const created = await vkOk(
      sim,
      'messages.createChat',
      {
        title: 'Демо школа - 5А - Математика',
        user_ids: [...linked.slice(0, 2), ...unlinked.slice(0, 2)].join(','),
      },
      community,
    );
    expect(created).toEqual({ chat_id: 5, peer_ids: linked.slice(0, 2) });
    const members = await vkOk(sim, 'messages.getConversationMembers', { peer_id: 2000000005 }, community);
    expect(members.count).toBe(3);
    expect(members.items[0]).toMatchObject({ member_id: -demo.groupId, is_owner: true, is_admin: true });
    const old = await vkOk(
      sim,
      'messages.createChat',
      { title: 'Старый клиент', user_ids: linked[0] as number },
      { ...community, v: '5.131' },
    );
    expect(old).toBe(6);
    const unknown = await vkCall(sim, 'messages.createChat', { title: 'x', user_ids: '1' }, community);
    expect(unknown.body.error).toMatchObject({ error_code: 936, error_msg: 'Contact not found' });
  });

  it('editChat renames for admins (925 otherwise, 927 for no chat); getChat shows it to members only', async () => {
    const { sim, community, teacher, parent } = setup();
    expect(
      await vkOk(sim, 'messages.editChat', { chat_id: 3, title: 'Демо школа - 1Б - Чат класса' }, community),
    ).toBe(1);
    expect(vkChats(sim).find((chat) => chat.chatId === 3)?.title).toBe('Демо школа - 1Б - Чат класса');
    const ivanovId = vkUserIdOf(sim, 'parent-ivanov') as number;
    const parentsChat = vkChats(sim).find((chat) => chat.chatId === 2);
    expect(parentsChat?.members.some((member) => member.memberId === ivanovId)).toBe(true);
    const notAdmin = await vkCall(sim, 'messages.editChat', { chat_id: 2, title: 'Мой чат' }, parent);
    expect(notAdmin.body.error).toMatchObject({
      error_code: 925,
      error_msg: 'You are not admin of this chat',
    });
    const missing = await vkCall(sim, 'messages.editChat', { chat_id: 99, title: 'x' }, community);
    expect(missing.body.error).toMatchObject({ error_code: 927, error_msg: 'Chat does not exist' });
    const stranger = await vkCall(sim, 'messages.getChat', { chat_id: 3 }, teacher);
    expect(stranger.body.error).toMatchObject({
      error_code: 917,
      error_msg: "You don't have access to this chat",
    });
    const chats = await vkOk(sim, 'messages.getChat', { chat_ids: '1,4', fields: 'sex' }, teacher);
    expect(chats.map((chat: { id: number }) => chat.id)).toEqual([1, 4]);
    expect(chats[0].users.some((user: { sex?: number }) => user.sex !== undefined)).toBe(true);
  });
});

describe('members, invite links, leaving', () => {
  it('getConversationMembers pages with offset/count (≤ 1000) and extends with profiles and groups', async () => {
    const { sim, community, demo } = setup();
    const all = await vkOk(
      sim,
      'messages.getConversationMembers',
      { peer_id: 2000000004, count: 1000 },
      community,
    );
    const page = await vkOk(
      sim,
      'messages.getConversationMembers',
      { peer_id: 2000000004, offset: 1, count: 2, extended: 1, fields: 'sex' },
      community,
    );
    expect(page.count).toBe(all.count);
    expect(page.items).toEqual(all.items.slice(1, 3));
    expect(page.profiles).toHaveLength(2);
    expect(page.groups).toEqual([]);
    const withGroup = await vkOk(
      sim,
      'messages.getConversationMembers',
      { peer_id: 2000000004, count: 1, extended: 1 },
      community,
    );
    expect(withGroup.groups[0]).toMatchObject({ id: demo.groupId });
    const tooMany = await vkCall(
      sim,
      'messages.getConversationMembers',
      { peer_id: 2000000004, count: 1001 },
      community,
    );
    expect(tooMany.body.error).toMatchObject({
      error_code: 100,
      error_msg:
        'One of the parameters specified was missing or invalid: count should be less or equal to 1000',
    });
    const noChat = await vkCall(sim, 'messages.getConversationMembers', { peer_id: 2000000099 }, community);
    expect(noChat.body.error.error_code).toBe(927);
  });

  it('invite links: admins see them, reset rotates and the old link stops working', async () => {
    const { sim, community, parent, linked } = setup();
    const { link } = await vkOk(sim, 'messages.getInviteLink', { peer_id: 2000000002 }, community);
    expect(link).toMatch(/^https:\/\/vk\.me\/join\/A[A-Za-z0-9_]{31}$/);
    expect((await vkOk(sim, 'messages.getInviteLink', { peer_id: 2000000002 }, community)).link).toBe(link);
    const rotated = (await vkOk(sim, 'messages.getInviteLink', { peer_id: 2000000002, reset: 1 }, community))
      .link;
    expect(rotated).not.toBe(link);
    const seeNo = await vkCall(sim, 'messages.getInviteLink', { peer_id: 2000000002 }, parent);
    expect(seeNo.body.error).toMatchObject({
      error_code: 919,
      error_msg: "You can't see invite link for this chat",
    });
    const resetNo = await vkCall(sim, 'messages.getInviteLink', { peer_id: 2000000002, reset: 1 }, parent);
    expect(resetNo.body.error.error_code).toBe(931);
    const outsider = linked.find(
      (id) =>
        !vkChats(sim)
          .find((chat) => chat.chatId === 2)
          ?.members.some((m) => m.memberId === id),
    ) as number;
    expect(() => vkActions(sim).joinByLink({ userId: outsider, link })).toThrow(/Chat does not exist/);
    const joined = vkActions(sim).joinByLink({ userId: outsider, link: rotated });
    expect(joined.members.some((member) => member.memberId === outsider)).toBe(true);
  });

  it('removeChatUser: admins remove (925 otherwise), 935 for a non-member, a user leaves by removing themselves', async () => {
    const { sim, community, parent, demo } = setup();
    const chat = vkChats(sim).find((item) => item.chatId === 2);
    const ivanovId = vkUserIdOf(sim, 'parent-ivanov') as number;
    const other = chat?.members.find(
      (member) => member.memberId > 0 && member.memberId !== ivanovId && !member.isAdmin,
    )?.memberId as number;
    const notAdmin = await vkCall(sim, 'messages.removeChatUser', { chat_id: 2, member_id: other }, parent);
    expect(notAdmin.body.error.error_code).toBe(925);
    expect(await vkOk(sim, 'messages.removeChatUser', { chat_id: 2, user_id: other }, community)).toBe(1);
    const again = await vkCall(sim, 'messages.removeChatUser', { chat_id: 2, user_id: other }, community);
    expect(again.body.error).toMatchObject({ error_code: 935, error_msg: 'User not found in chat' });
    expect(await vkOk(sim, 'messages.removeChatUser', { chat_id: 2, member_id: ivanovId }, parent)).toBe(1);
    const left = await vkCall(sim, 'messages.getConversationMembers', { peer_id: 2000000002 }, parent);
    expect(left.body.error).toMatchObject({ error_code: 922, error_msg: 'You left this chat' });
    const owner = await vkCall(
      sim,
      'messages.removeChatUser',
      { chat_id: 2, member_id: -demo.groupId },
      community,
    );
    expect(owner.body.error.error_code).toBe(15);
  });

  it('addChatUser (user token): admins add linked people; 947 without «учебный профиль», 15 for who left, 936 for nobody', async () => {
    const { sim, teacher, linked, unlinked } = setup();
    const inChat = new Set(
      vkChats(sim)
        .find((chat) => chat.chatId === 1)
        ?.members.map((member) => member.memberId),
    );
    const waiting = linked.find(
      (id) =>
        !inChat.has(id) &&
        vkUsers(sim)
          .find((user) => user.id === id)
          ?.personId?.startsWith('student-1a'),
    );
    expect(waiting).toBeDefined();
    expect(await vkOk(sim, 'messages.addChatUser', { chat_id: 1, user_id: waiting as number }, teacher)).toBe(
      1,
    );
    expect(await vkOk(sim, 'messages.addChatUser', { chat_id: 1, user_id: waiting as number }, teacher)).toBe(
      1,
    );
    const noProfile = await vkCall(
      sim,
      'messages.addChatUser',
      { chat_id: 1, user_id: unlinked[0] as number },
      teacher,
    );
    expect(noProfile.body.error).toMatchObject({
      error_code: 947,
      error_msg: "Can't add user to chat, because user has no access to group",
    });
    vkActions(sim).leaveChat({ userId: waiting as number, chatId: 1 });
    const back = await vkCall(
      sim,
      'messages.addChatUser',
      { chat_id: 1, user_id: waiting as number },
      teacher,
    );
    expect(back.body.error.error_code).toBe(15);
    const nobody = await vkCall(sim, 'messages.addChatUser', { chat_id: 1, user_id: 1 }, teacher);
    expect(nobody.body.error.error_code).toBe(936);
    vkActions(sim).linkProfile({ userId: unlinked[0] as number });
    expect(
      await vkOk(sim, 'messages.addChatUser', { chat_id: 1, user_id: unlinked[0] as number }, teacher),
    ).toBe(1);
  });
});

describe('messages.send', () => {
  it('posts to a chat; the same random_id from the same sender returns the first message id and posts once', async () => {
    const { sim, community } = setup();
    const before = vkChatMessages(sim, 1)?.count ?? 0;
    const first = await vkOk(
      sim,
      'messages.send',
      { peer_id: 2000000001, random_id: 777, message: 'Урок перенесён' },
      community,
    );
    const again = await vkOk(
      sim,
      'messages.send',
      { peer_id: 2000000001, random_id: 777, message: 'Урок перенесён' },
      community,
    );
    expect(again).toBe(first);
    expect(vkChatMessages(sim, 1)?.count).toBe(before + 1);
    expect(vkChatMessages(sim, 1)?.items.at(-1)).toMatchObject({
      id: first,
      text: 'Урок перенесён',
      randomId: '777',
    });
    const viaChatId = await vkOk(
      sim,
      'messages.send',
      { chat_id: 1, random_id: 778, message: 'ещё' },
      community,
    );
    expect(viaChatId).toBeGreaterThan(first);
    sim.clock.advance('PT1H');
    const later = await vkOk(
      sim,
      'messages.send',
      { peer_id: 2000000001, random_id: 777, message: 'Урок перенесён' },
      community,
    );
    expect(later).not.toBe(first);
    expect(vkChatMessages(sim, 1)?.count).toBe(before + 3);
  });

  it('needs random_id and something to send; 914 over 9000 characters; 917 for a chat the sender is not in', async () => {
    const { sim, community, teacher } = setup();
    const noRandom = await vkCall(sim, 'messages.send', { peer_id: 2000000001, message: 'x' }, community);
    expect(noRandom.body.error.error_msg).toBe(
      'One of the parameters specified was missing or invalid: random_id is a required parameter',
    );
    const empty = await vkCall(sim, 'messages.send', { peer_id: 2000000001, random_id: 1 }, community);
    expect(empty.body.error.error_msg).toBe(
      'One of the parameters specified was missing or invalid: message is empty or invalid',
    );
    const long = await vkCall(
      sim,
      'messages.send',
      { peer_id: 2000000001, random_id: 2, message: 'я'.repeat(9001) },
      community,
    );
    expect(long.body.error).toMatchObject({ error_code: 914, error_msg: 'Message is too long' });
    const exact = await vkCall(
      sim,
      'messages.send',
      { peer_id: 2000000001, random_id: 3, message: 'я'.repeat(9000) },
      community,
    );
    expect(typeof exact.body.response).toBe('number');
    const stranger = await vkCall(
      sim,
      'messages.send',
      { peer_id: 2000000003, random_id: 4, message: 'x' },
      teacher,
    );
    expect(stranger.body.error.error_code).toBe(917);
  });

  it('peer_ids answers one item per peer with its own error; a community cannot write to people without a profile (901)', async () => {
    const { sim, community, unlinked, linked } = setup();
    const answer = await vkOk(
      sim,
      'messages.send',
      {
        peer_ids: `2000000001,2000000099,${unlinked[0]},${linked[0]}`,
        random_id: 42,
        message: 'Собрание в четверг',
      },
      community,
    );
    expect(answer).toHaveLength(4);
    expect(answer[0]).toMatchObject({
      peer_id: 2000000001,
      message_id: expect.any(Number),
      conversation_message_id: expect.any(Number),
    });
    expect(answer[1]).toEqual({
      peer_id: 2000000099,
      error: { code: 927, description: 'Chat does not exist' },
    });
    expect(answer[2]).toEqual({
      peer_id: unlinked[0],
      error: { code: 901, description: "Can't send messages for users without permission" },
    });
    expect(answer[3].message_id).toBeGreaterThan(answer[0].message_id);
  });
});

describe('users, groups, calls, conversations', () => {
  it('groups.getById answers {groups, profiles} from 5.194 and an array before; users.get the caller by default', async () => {
    const { sim, community, director, demo } = setup();
    expect(
      await vkOk(sim, 'groups.getById', { group_id: `club${demo.groupId}` }, { ...community, v: '5.131' }),
    ).toEqual([expect.objectContaining({ id: demo.groupId, screen_name: `club${demo.groupId}` })]);
    const asAdmin = await vkOk(sim, 'groups.getById', { group_ids: demo.groupId }, director);
    expect(asAdmin.groups[0]).toMatchObject({ is_admin: 1, admin_level: 3 });
    const unknown = await vkCall(sim, 'groups.getById', { group_ids: '1' }, community);
    expect(unknown.body.error.error_code).toBe(100);
    const me = await vkOk(sim, 'users.get', { fields: 'bdate' }, director);
    expect(me).toEqual([expect.objectContaining({ first_name: 'Ольга', last_name: 'Смирнова' })]);
    expect(await vkOk(sim, 'users.get', { user_ids: '1,2' }, community)).toEqual([]);
    const malformed = await vkCall(sim, 'users.get', { user_ids: 'a b' }, community);
    expect(malformed.body.error).toMatchObject({ error_code: 113, error_msg: 'Invalid user id' });
  });

  it('calls.start gives a join link (for a community its admin runs); forceFinish by the initiator', async () => {
    const { sim, director, teacher, demo } = setup();
    const call = await vkOk(sim, 'calls.start', { group_id: demo.groupId }, director);
    expect(call.call_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(call.join_link).toMatch(/^https:\/\/vk\.com\/call\/join\/[A-Za-z0-9_-]{43}$/);
    const notAdmin = await vkCall(sim, 'calls.start', { group_id: demo.groupId }, teacher);
    expect(notAdmin.body.error).toMatchObject({ error_code: 203, error_msg: 'Access to group denied' });
    const foreign = await vkCall(sim, 'calls.forceFinish', { call_id: call.call_id }, teacher);
    expect(foreign.body.error.error_code).toBe(15);
    expect(await vkOk(sim, 'calls.forceFinish', { call_id: call.call_id }, director)).toBe(1);
    expect(await vkOk(sim, 'calls.forceFinish', { call_id: call.call_id }, director)).toBe(1);
    const unknown = await vkCall(
      sim,
      'calls.forceFinish',
      { call_id: '00000000-0000-4000-8000-000000000000' },
      director,
    );
    expect(unknown.body.error).toMatchObject({ error_code: 104, error_msg: 'Not found' });
  });

  it('getConversationsById and getConversations show the caller’s chats with their settings', async () => {
    const { sim, community, demo, teacher } = setup();
    const byId = await vkOk(
      sim,
      'messages.getConversationsById',
      { peer_ids: '2000000001,2000000099,-1' },
      community,
    );
    expect(byId.count).toBe(1);
    expect(byId.items[0]).toMatchObject({
      peer: { id: 2000000001, type: 'chat', local_id: 1 },
      chat_settings: { owner_id: -demo.groupId, title: 'Демо школа - 1А - Чат класса', state: 'in' },
    });
    const list = await vkOk(sim, 'messages.getConversations', { count: 200 }, community);
    expect(list.count).toBe(4);
    expect(
      list.items.map((item: { conversation: { peer: { id: number } } }) => item.conversation.peer.id).sort(),
    ).toEqual([2000000001, 2000000002, 2000000003, 2000000004]);
    const mine = await vkOk(sim, 'messages.getConversations', {}, teacher);
    expect(
      mine.items.every(
        (item: { conversation: { chat_settings: { acl: { can_invite: boolean } } } }) =>
          typeof item.conversation.chat_settings.acl.can_invite === 'boolean',
      ),
    ).toBe(true);
    expect(sim.contractViolations()).toEqual([]);
  });
});
