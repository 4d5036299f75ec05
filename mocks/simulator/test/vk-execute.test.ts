import { describe, expect, it } from 'vitest';
import { EXECUTE_LIMITS, vkChatMessages, vkDemo } from '../src/portals/vk/index.js';
import { vkCall, vkOk, vkSim } from './vk-support.js';

const unlimited = { rateLimits: { vk: { ratePerSecond: 1e9, burst: 1e9 } }, vk: { limits: { user: 1e9 } } };

function setup() {
  const sim = vkSim(unlimited);
  const demo = vkDemo(sim);
  return {
    sim,
    demo,
    community: { token: demo.communityToken },
    teacher: { token: demo.userTokens['teacher-demo'] as string },
  };
}

/** The code vk-io's parallel mode sends: `return [API.m({json params}),…];` (getChainReturn + getExecuteMethod). */
function chain(calls: [string, Record<string, unknown>][]): string {
  return `return [${calls.map(([method, params]) => `API.${method}(${JSON.stringify(params)})`).join(',')}];`;
}

describe('execute', () => {
  it('runs the parallel-mode chain: per-call results, false for a failed call, execute_errors in order', async () => {
    const { sim, community, demo } = setup();
    const answer = await vkCall(
      sim,
      'execute',
      {
        code: chain([
          ['messages.send', { peer_id: 2000000001, message: 'Домашнее задание', random_id: 9001 }],
          ['messages.getChat', { chat_id: 1 }],
          ['groups.getById', {}],
          ['messages.editChat', { chat_id: 99, title: 'x' }],
        ]),
      },
      community,
    );
    expect(answer.status).toBe(200);
    const { response, execute_errors: errors } = answer.body;
    expect(typeof response[0]).toBe('number');
    expect(response[1]).toBe(false);
    expect(response[2].groups[0].id).toBe(demo.groupId);
    expect(response[3]).toBe(false);
    expect(errors).toEqual([
      {
        method: 'messages.getChat',
        error_code: 27,
        error_msg: 'Group authorization failed: method is unavailable with group auth.',
      },
      { method: 'messages.editChat', error_code: 927, error_msg: 'Chat does not exist' },
    ]);
    expect(vkChatMessages(sim, 1)?.items.at(-1)?.text).toBe('Домашнее задание');
    const clean = await vkCall(
      sim,
      'execute',
      { code: chain([['users.get', { user_ids: '1' }]]) },
      community,
    );
    expect(clean.body).toEqual({ response: [[]] });
  });

  it('runs the collect iterator’s VKScript: var, while, Args, parseInt, array +, splice, member assignment', async () => {
    const { sim, community } = setup();
    const code = `
        var params = {"peer_id":2000000004,"count":3};
        params.offset = parseInt(Args.offset);
        var total = parseInt(Args.total);
        var received = parseInt(Args.received);
        var parallelRequests = parseInt(Args.parallelRequests);
        var proceed = total == 0 || received < total;
        var i = 0, items = [], profiles = [], groups = [], result, length;
        while (i < parallelRequests && proceed) {
            result = API.messages.getConversationMembers(params);
            length = result.items.length;
            if (total == 0 || total > result.count) {
                total = result.count;
            }
            items = items + result.items;
            if (result.profiles)
                profiles = profiles + result.profiles;
            received = received + length;
            params.offset = params.offset + length;
            proceed = received < total;
            i = i + 1;
        }
        return { count: total, items: items.splice(0, total), profiles: profiles, groups: groups };`;
    const all = await vkOk(
      sim,
      'messages.getConversationMembers',
      { peer_id: 2000000004, count: 1000 },
      community,
    );
    const collected = await vkOk(
      sim,
      'execute',
      { code, offset: 0, total: 0, received: 0, parallelRequests: 25 },
      community,
    );
    expect(collected.count).toBe(all.count);
    expect(collected.items).toEqual(all.items);
  });

  it('supports @. plucking, indexing, if/else, comparisons, strings and the array methods real scripts use', async () => {
    const { sim, teacher } = setup();
    const code = `
      var members = API.messages.getConversationMembers({"peer_id": 2000000001, "count": 5});
      var ids = members.items@.member_id;
      var first = ids[0];
      var text = "ids:" + ids.length;
      var kind;
      if (first < 0) { kind = "community"; } else { kind = "user"; }
      var list = [1, 2, 3];
      list.push(4);
      var words = "a,b,c".split(",");
      return {"first": first, "text": text, "kind": kind, "last": list.pop(), "joined": list.join("-"),
              "words": words.length, "sub": "Демо школа".substr(0, 4), "neg": -first > 0, "not": !false};`;
    const result = await vkOk(sim, 'execute', { code }, teacher);
    expect(result).toMatchObject({
      kind: 'community',
      text: 'ids:5',
      last: 4,
      joined: '1-2-3',
      words: 3,
      sub: 'Демо',
      neg: true,
      not: true,
    });
    expect(result.first).toBeLessThan(0);
  });

  it('refuses more than 25 API calls (13), code that does not compile (12), and never runs unbounded', async () => {
    const { sim, community } = setup();
    const calls = Array.from({ length: 26 }, (): [string, Record<string, unknown>] => ['groups.getById', {}]);
    const tooMany = await vkCall(sim, 'execute', { code: chain(calls) }, community);
    expect(tooMany.body.error).toMatchObject({
      error_code: 13,
      error_msg: 'Runtime error occurred during code invocation: Too many API calls',
    });
    expect((await vkOk(sim, 'execute', { code: chain(calls.slice(0, 25)) }, community)).length).toBe(25);
    const broken = await vkCall(sim, 'execute', { code: 'return [API.users.get({);' }, community);
    expect(broken.body.error.error_code).toBe(12);
    expect(broken.body.error.error_msg).toMatch(/^Unable to compile code: .* in line 1$/);
    const forever = await vkCall(
      sim,
      'execute',
      { code: 'var i = 0; while (true) { i = i + 1; } return i;' },
      community,
    );
    expect(forever.body.error.error_msg).toBe(
      'Runtime error occurred during code invocation: Too many operations',
    );
    const doubling = await vkCall(
      sim,
      'execute',
      { code: 'var s = "ab"; while (true) { s = s + s; } return s;' },
      community,
    );
    expect(doubling.body.error.error_code).toBe(13);
    const deep = await vkCall(
      sim,
      'execute',
      { code: `return ${'('.repeat(5000)}1${')'.repeat(5000)};` },
      community,
    );
    expect(deep.body.error.error_msg).toMatch(/nesting deeper than/);
    const long = await vkCall(
      sim,
      'execute',
      { code: `return ${'1+'.repeat(EXECUTE_LIMITS.maxCodeLength)}1;` },
      community,
    );
    expect(long.body.error.error_code).toBe(12);
    const wide = await vkCall(sim, 'execute', { code: `return ${'1+'.repeat(20000)}1;` }, community);
    expect(wide.body.error.error_code).toBe(12);
    const nested = await vkCall(
      sim,
      'execute',
      { code: 'var a = []; var i = 0; while (i < 100) { a = [a]; i = i + 1; } return a;' },
      community,
    );
    expect(nested.body.error.error_msg).toMatch(/nested deeper than/);
    const sparse = await vkCall(
      sim,
      'execute',
      { code: 'var a = []; a[1000000000] = 1; return a;' },
      community,
    );
    expect(sparse.body.error.error_msg).toMatch(/index out of range/);
    const noCode = await vkCall(sim, 'execute', {}, community);
    expect(noCode.body.error.error_msg).toBe(
      'One of the parameters specified was missing or invalid: code is a required parameter',
    );
    expect(sim.journal.find({ status: 500 })).toEqual([]);
  });

  it('keeps __proto__ and constructor as plain names: in object literals, as variables, as fields and as methods', async () => {
    const { sim, community } = setup();
    const code = `var o = {"__proto__": {"polluted": 1}, "constructor": 2};
      var __proto__ = 3;
      o.toString = 4;
      var r = API.users.get({"__proto__": "x", "user_ids": "1"});
      return [o, __proto__, o.polluted, r, o["__proto__"]["polluted"], o.hasOwnProperty];`;
    const result = await vkOk(sim, 'execute', { code }, community);
    expect(result).toEqual([
      { ['__proto__']: { polluted: 1 }, constructor: 2, toString: 4 },
      3,
      null,
      [],
      1,
      null,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const unknown = await vkCall(sim, 'execute', { code: 'return API.messages.__proto__({});' }, community);
    expect(unknown.body).toEqual({
      response: false,
      execute_errors: [{ method: 'messages.__proto__', error_code: 3, error_msg: 'Unknown method passed' }],
    });
    const fn = await vkCall(sim, 'execute', { code: 'return constructor(1);' }, community);
    expect(fn.body.error.error_msg).toBe(
      'Runtime error occurred during code invocation: unknown function constructor',
    );
  });
});
