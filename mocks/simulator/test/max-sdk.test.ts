/**
 * The acceptance test of the max portal: the official, unmodified `@maxhub/max-bot-api` SDK pointed
 * at the simulator with `clientOptions.baseUrl` — `bot.start()` long polling, handlers replying,
 * members listed, added (refusals as data) and removed — in process through MSW, and against the
 * built `goskit-sim` started with no flags.
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Bot } from '@maxhub/max-bot-api';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, maxControl, maxPortal } from '../src/index.js';
import { httpDriver, inProcessDriver, type PeopleDriver, until } from './max-support.js';

interface Story {
  addedChats: number[];
  replies: string[];
}

/** The bot of «Демо школа» as a vendor would write it with the official SDK. */
async function runStory(baseUrl: string, people: PeopleDriver): Promise<Story> {
  const [demoBot] = await people.bots();
  expect(demoBot).toBeDefined();
  const bot = new Bot(demoBot!.token, { clientOptions: { baseUrl } });
  const story: Story = { addedChats: [], replies: [] };
  const errors: unknown[] = [];
  bot.catch((error) => {
    errors.push(error);
  });
  bot.on('bot_added', (ctx) => {
    story.addedChats.push(ctx.update.chat_id);
  });
  bot.on('message_created', async (ctx) => {
    const text = ctx.message?.body.text ?? '';
    if (!text.startsWith('Бот:')) {
      const sent = await ctx.reply(`Бот: получено «${text}»`);
      story.replies.push(sent.body.text ?? '');
    }
  });
  const running = bot.start();
  try {
    // The chats people created before the bot ever polled: their bot_added waited in the queue.
    await until(() => story.addedChats.length >= 3, 10_000, 'the seeded bot_added updates');
    const teacher = (await people.users('teacher'))[0]!;
    const parents = (await people.users('parent')).filter((user) => !user.privacy).slice(0, 2);
    const shy = (await people.users('parent')).find((user) => user.privacy);
    const created = await people.createChat({
      title: 'Демо школа - 5А - Чат родителей',
      owner: teacher.userId,
      members: [parents[0]!.userId],
    });
    expect(created.chat_id).toBeLessThan(0);
    await until(() => story.addedChats.includes(created.chat_id), 10_000, 'bot_added of the new chat');

    await people.post(created.chat_id, parents[0]!.userId, 'Здравствуйте!');
    await until(() => story.replies.length === 1, 10_000, 'the reply');
    expect(story.replies[0]).toBe('Бот: получено «Здравствуйте!»');

    const members = await bot.api.getChatMembers(created.chat_id);
    expect(members.members.map((member) => member.user_id)).toEqual(
      expect.arrayContaining([teacher.userId, parents[0]!.userId, demoBot!.userId]),
    );
    // The standalone clock runs with real time, past 09.09.2026: lift the restriction to see MAX's other refusals.
    await people.restriction('off');
    const added = await bot.api.addChatMembers(created.chat_id, [
      parents[1]!.userId,
      shy!.userId,
      999_999_999,
    ]);
    expect(added.success).toBe(true);
    expect(added.failed_user_details).toEqual(
      expect.arrayContaining([
        { error_code: 'add.participant.privacy', user_ids: [shy!.userId] },
        { error_code: 'add.participant.not.found', user_ids: [999_999_999] },
      ]),
    );
    await bot.api.removeChatMember(created.chat_id, parents[1]!.userId);
    const after = await bot.api.getChatMembers(created.chat_id, { user_ids: [parents[1]!.userId] });
    expect(after.members).toEqual([]);
    const chat = await bot.api.getChat(created.chat_id);
    expect(chat.title).toBe('Демо школа - 5А - Чат родителей');
  } finally {
    bot.stop();
    await running;
  }
  expect(errors).toEqual([]);
  return story;
}

describe('@maxhub/max-bot-api in process (MSW)', () => {
  const sim = createSimulator({ seed: 'max-sdk', portals: [maxPortal()], strictContracts: true });
  const server = setupServer(...sim.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('polls with bot.start(), replies, lists, adds and removes members on platform-api2.max.ru', async () => {
    const story = await runStory('https://platform-api2.max.ru', inProcessDriver(maxControl(sim)));
    expect(story.addedChats).toHaveLength(4);
    expect(sim.contractViolations()).toEqual([]);
    // The SDK's bot.start() cleared webhooks, then long-polled with the marker it was given.
    expect(sim.journal.count({ operation: 'subscriptions.list' })).toBe(1);
    const polls = sim.journal.find({ operation: 'updates.get' });
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect(polls.every((entry) => entry.status === 200)).toBe(true);
  });

  it('gets the API’s own errors: a Bearer token is 401 verify.token', async () => {
    const [demoBot] = maxControl(sim).bots();
    const bot = new Bot(`Bearer ${demoBot!.token}`, {
      clientOptions: { baseUrl: 'https://platform-api2.max.ru' },
    });
    await expect(bot.api.getMyInfo()).rejects.toMatchObject({ status: 401, code: 'verify.token' });
    const good = new Bot(demoBot!.token, { clientOptions: { baseUrl: 'https://platform-api2.max.ru' } });
    await expect(good.api.getChat(-70000000099999)).rejects.toMatchObject({ status: 404, code: 'not.found' });
    await expect(good.api.getAllChats()).rejects.toMatchObject({ status: 404 });
  });
});

describe('@maxhub/max-bot-api against goskit-sim started with no flags', () => {
  const packageDir = fileURLToPath(new URL('..', import.meta.url));
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  let child: ChildProcess | undefined;
  let origin = '';

  beforeAll(async () => {
    if (!existsSync(cli)) {
      execSync('pnpm tsup', { cwd: packageDir, stdio: 'ignore' });
    }
    // No flags: the default 127.0.0.1:4010. Another run may hold the port for a while: try again.
    for (let attempt = 0; attempt < 20 && origin === ''; attempt += 1) {
      origin = await new Promise<string>((resolve) => {
        const proc = spawn(process.execPath, [cli], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        proc.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const ready = /goskit-sim ready on (http:\/\/\S+)/.exec(out);
          if (ready?.[1] !== undefined) {
            child = proc;
            resolve(ready[1]);
          }
        });
        proc.on('exit', () => resolve(''));
      });
      if (origin === '') {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    expect(origin, 'goskit-sim could not listen on its default port 4010').toBe('http://127.0.0.1:4010');
  }, 150_000);

  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('runs the same story through http://127.0.0.1:4010/max/', async () => {
    // The SDK resolves method paths relative to baseUrl: keep the trailing slash after /max.
    const story = await runStory(`${origin}/max/`, httpDriver(origin));
    expect(story.addedChats).toHaveLength(4);
    const journal = (await fetch(`${origin}/__goskit/journal?portal=max&limit=500`).then((r) =>
      r.json(),
    )) as {
      entries: { operation: string; status: number }[];
    };
    expect(
      journal.entries.filter((entry) => entry.operation === 'updates.get').length,
    ).toBeGreaterThanOrEqual(3);
    expect(journal.entries.every((entry) => entry.status < 500)).toBe(true);
  });
});
