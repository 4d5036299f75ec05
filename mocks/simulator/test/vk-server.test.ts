/**
 * The unmodified vk-io SDK against `goskit-sim` as a vendor starts it (the built CLI, default portals
 * and seed; `--port 0` only so parallel runs never collide): tokens from GET /__goskit/vk/tokens,
 * vk-io pointed at /vk/method with a plain http agent, in sequential and parallel (`execute`) modes;
 * then VK ID over HTTP and the VK ID token on the VK API.
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Agent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, getRandomId } from 'vk-io';
import { completeVkIdLogin } from '../src/portals/vkid/complete-login.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

let child: ChildProcess | undefined;
let base = '';
let printed = '';
// vk-io types `agent` as an https.Agent (its default is https.globalAgent); the standalone server is
// plain HTTP, so an http.Agent goes in — node-fetch takes either.
const agent = new Agent({ keepAlive: true }) as unknown as HttpsAgent;

function start(): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let out = '';
    let err = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      printed = out;
      const ready = /goskit-sim ready on (http:\/\/\S+) /.exec(out);
      if (ready?.[1] !== undefined) {
        resolve(ready[1]);
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    proc.on('exit', (code) => reject(new Error(`goskit-sim exited ${code}: ${err}`)));
  });
}

interface TokenInfo {
  kind: string;
  token: string;
  owner: { type: string; id: number; personId?: string };
}

let tokens: TokenInfo[] = [];

beforeAll(async () => {
  if (!existsSync(cli)) {
    execSync('pnpm tsup', { cwd: packageDir, stdio: 'ignore' });
  }
  base = await start();
  tokens = (
    (await fetch(`${base}/__goskit/vk/tokens`).then((response) => response.json())) as { tokens: TokenInfo[] }
  ).tokens;
}, 120_000);

afterAll(() => {
  (agent as unknown as Agent).destroy();
  if (child !== undefined && child.exitCode === null) {
    child.kill('SIGTERM');
  }
});

const community = () => tokens.find((token) => token.kind === 'community') as TokenInfo;

describe('vk-io against goskit-sim (built CLI)', () => {
  it('prints the vk and vkid base URLs and lists demo tokens', () => {
    expect(printed).toMatch(/^\s+vk\s+http:\/\/127\.0\.0\.1:\d+\/vk$/m);
    expect(printed).toMatch(/^\s+vkid\s+http:\/\/127\.0\.0\.1:\d+\/vkid$/m);
    expect(tokens.map((token) => token.kind).sort()).toEqual([
      'community',
      'service',
      'user',
      'user',
      'user',
    ]);
  });

  it('sequential mode: chats, members, invite link, an idempotent send', async () => {
    const api = new API({ token: community().token, apiBaseUrl: `${base}/vk/method`, agent, apiLimit: 20 });
    const group = (await api.groups.getById({})) as unknown as { groups: { id: number; name: string }[] };
    expect(group.groups[0]).toMatchObject({ id: community().owner.id, name: 'Демо школа' });
    const conversations = await api.messages.getConversations({ count: 20 });
    expect(conversations.count).toBe(4);
    const members = await api.messages.getConversationMembers({ peer_id: 2_000_000_001, extended: 1 });
    expect(members.profiles?.length).toBeGreaterThan(0);
    const randomId = getRandomId();
    const id = await api.messages.send({
      peer_id: 2_000_000_003,
      random_id: randomId,
      message: 'Переименуем чат',
    });
    expect(
      await api.messages.send({ peer_id: 2_000_000_003, random_id: randomId, message: 'Переименуем чат' }),
    ).toBe(id);
    expect(await api.messages.editChat({ chat_id: 3, title: 'Демо школа - 1Б - Чат класса' })).toBe(1);
    await expect(api.messages.addChatUser({ chat_id: 3, user_id: 1 })).rejects.toMatchObject({ code: 27 });
  });

  it('parallel mode: one execute carries the batch', async () => {
    const api = new API({
      token: community().token,
      apiBaseUrl: `${base}/vk/method`,
      agent,
      apiMode: 'parallel',
      apiLimit: 20,
    });
    const [groups, link, chat] = await Promise.allSettled([
      api.groups.getById({}),
      api.messages.getInviteLink({ peer_id: 2_000_000_002 }),
      api.messages.getChat({ chat_id: 2 }),
    ]);
    expect(groups.status).toBe('fulfilled');
    expect((link as PromiseFulfilledResult<{ link: string }>).value.link).toMatch(
      /^https:\/\/vk\.me\/join\//,
    );
    expect((chat as PromiseRejectedResult).reason).toMatchObject({ code: 27, method: 'messages.getChat' });
    const journal = (await fetch(`${base}/__goskit/journal?portal=vk&operation=execute`).then((response) =>
      response.json(),
    )) as {
      entries: unknown[];
    };
    expect(journal.entries.length).toBe(1);
  });

  it('VK ID over HTTP: sign in, exchange the code, call the VK API with the user token', async () => {
    const users = (
      (await fetch(`${base}/__goskit/vk/users`).then((response) => response.json())) as {
        users: { personId?: string; login: string; id: number }[];
      }
    ).users;
    const director = users.find((user) => user.personId === 'admin-demo') as { login: string; id: number };
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'http://127.0.0.1:9/callback';
    const authorize = `${base}/vkid/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: '54000001',
      redirect_uri: redirectUri,
      state: 'cli',
      code_challenge: challenge,
      code_challenge_method: 's256',
      scope: 'vkid.personal_info messages',
    })}`;
    const callback = new URL(await completeVkIdLogin(authorize, { login: director.login }));
    const answer = (await fetch(`${base}/vkid/oauth2/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: '54000001',
        redirect_uri: redirectUri,
        code: callback.searchParams.get('code') ?? '',
        device_id: callback.searchParams.get('device_id') ?? '',
        code_verifier: verifier,
      }),
    }).then((response) => response.json())) as { access_token: string; user_id: number };
    expect(answer.user_id).toBe(director.id);
    const api = new API({ token: answer.access_token, apiBaseUrl: `${base}/vk/method`, agent });
    const call = await api.calls.start({ group_id: community().owner.id });
    expect(call.join_link).toMatch(/^https:\/\/vk\.com\/call\/join\//);
    expect(await api.calls.forceFinish({ call_id: call.call_id as string })).toBe(1);
  });
});
