/**
 * Issue 14 §4 proof: the example CLI with `--transport max` against the standalone simulator
 * (sim.listen on 127.0.0.1:0, the max portal on a running clock, the 09.2026 member-add restriction
 * on). First as its own process: it links «Демо школа»'s bot, records the registry (every chat waits
 * for a person), reads the queued `bot_added` updates — the two demo chats with the plan's titles are
 * matched, the one a teacher titled her own way is reported — and lists what people must create,
 * each with its code. Then people act through the control API over HTTP (create 1Б's parents' chat
 * under a loosely typed title, post 2А's code in «Родители 2А», start the bot, create a club chat) and
 * the next run matches the chats, renames one to the registry's title, adds the parent MAX allows and
 * reports the others ✗ with MAX's reason and the chat link. A third run has nothing to do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator, type Simulator, type SimulatorServer } from '@goskit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChatSyncCli } from '../src/cli.js';
import { runMain } from './helpers/run-main.js';

const SEED = 'example-sferum-chat-sync-max';

// 1Б's people, from the seed's roster: its teacher, and its parents (one keeps privacy settings).
const roster = createSimulator({ seed: SEED }).demo;
const classB = roster.classes[1]!;
const classTwoA = roster.classes[2]!;
const parentsB = roster.personas.filter(
  (persona) =>
    persona.role === 'parent' && (persona.children ?? []).some((id) => classB.studentIds.includes(id)),
);
const [firstParent, secondParent, dialogParent, privateParent] = parentsB;
const fullName = (persona: { lastName: string; firstName: string }) =>
  `${persona.lastName} ${persona.firstName}`;

let sim: Simulator;
let server: SimulatorServer;
let dir: string;
let stateFile: string;
let firstRun = '';

beforeAll(async () => {
  sim = createSimulator({
    seed: SEED,
    clockMode: 'running',
    data: { max: { privacy: [privateParent!.id] } },
  });
  server = await sim.listen({ port: 0, host: '127.0.0.1' });
  await control('PUT', '/restriction', { mode: 'on' });
  dir = mkdtempSync(join(tmpdir(), 'sferum-chat-sync-max-'));
  stateFile = join(dir, 'registry.json');
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A person's action in MAX, through the simulator's control API (what `curl` does in the README). */
async function control(method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/__goskit/max${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  expect(response.ok, `${method} ${path}: ${JSON.stringify(answer)}`).toBe(true);
  return answer;
}

async function runInProcess(): Promise<{ code: number; text: string }> {
  const output: string[] = [];
  const code = await runChatSyncCli(
    { simulatorUrl: server.url, transport: 'max', stateFile, maxPollIntervalMs: 0 },
    { out: (text) => output.push(text) },
  );
  return { code, text: output.join('\n') };
}

const row = (text: string, title: string) =>
  text.split('\n').find((line) => line.startsWith(`${title} `)) ?? '';
/** The ✓/✗ block of one chat: its title line and the member lines under it. */
function marks(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${title} — `) || line === title);
  const block: string[] = [];
  for (let i = start + 1; start >= 0 && lines[i]?.startsWith('  '); i += 1) {
    block.push(lines[i] as string);
  }
  return [lines[start] ?? '', ...block];
}
const codeOf = (text: string, title: string) =>
  new RegExp(`«${title}» — или код (SFR-[2-9A-HJKMNP-Z]{6})`).exec(text)?.[1] ?? '';
const school = roster.organisation.shortName;
const parentsTitle = (name: string) => `${school} - ${name} - Чат родителей`;

describe('examples/sferum-chat-sync --transport max against the standalone simulator', () => {
  it('links the bot, records the registry, matches the chats people made by title and lists what to create', async () => {
    const { code, stdout, stderr } = await runMain([
      '--transport',
      'max',
      '--sim',
      server.url,
      '--state',
      stateFile,
    ]);
    firstRun = stdout;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Бот школы в MAX: Бот: Демо школа \(@demo_school_bot\), id \d+, токен принят$/m);
    expect(stdout).toContain('(первый запуск: 45 чатов ждут, пока их создаст человек)');
    // The demo's chats: two under the plan's titles, one a teacher titled her own way.
    expect(stdout).toMatch(/^ {2}✓ чат -\d+ → «Демо школа - Чат учителей» \(по названию\)$/m);
    expect(stdout).toMatch(new RegExp(`^ {2}✓ чат -\\d+ → «${parentsTitle('1А')}» \\(по названию\\)$`, 'm'));
    expect(stdout).toMatch(
      new RegExp(
        `^ {2}\\? чат -\\d+ «Родители ${classTwoA.name}» не сопоставлен: ни одна запись реестра`,
        'm',
      ),
    );
    expect(row(stdout, 'Демо школа - Чат учителей')).toMatch(/│ TEACHER .*│ в порядке/);
    expect(row(stdout, parentsTitle('1Б'))).toMatch(/│ PARENTS │ 1Б .*│ создаст человек/);
    expect(stdout).toMatch(
      /Всего 45: создать 0, .*операций в MAX \d+, записей реестра 0; создаст человек 43;/,
    );
    expect(marks(stdout, parentsTitle('1Б'))[0]).toBe(`${parentsTitle('1Б')} — чат ещё не создан`);
    expect(stdout).toContain(
      'Создать в MAX (человек создаёт группу и добавляет бота @demo_school_bot администратором):',
    );
    expect(codeOf(stdout, parentsTitle('1Б'))).not.toBe('');
    expect(codeOf(stdout, parentsTitle(classTwoA.name))).not.toBe('');
    expect(stdout).not.toMatch(/«Демо школа - Чат учителей» — или код/);
    expect(sim.journal.count({ portal: 'max', operation: 'updates.get' })).toBeGreaterThan(0);
  }, 90_000);

  it('people create and claim chats in MAX; the next run matches them, renames, adds and reports ✗', async () => {
    const chatB = await control('POST', '/chats', {
      title: `  ${parentsTitle('1Б').toLowerCase()} `.replace(' - ', '  -  '),
      owner: classB.teacherId,
      members: [firstParent!.id, secondParent!.id],
    });
    const ownTitled = /чат (-\d+) «Родители/.exec(firstRun)?.[1];
    expect(ownTitled).toBeDefined();
    await control('POST', `/chats/${ownTitled}/messages`, {
      from: classTwoA.teacherId,
      text: `Код для реестра: ${codeOf(firstRun, parentsTitle(classTwoA.name))}`,
    });
    const club = await control('POST', '/chats', { title: 'Кружок робототехники', owner: classB.teacherId });
    await control('POST', '/dialogs', { user: dialogParent!.id });
    await control('POST', '/dialogs', { user: privateParent!.id });
    const addsBefore = sim.journal.count({ portal: 'max', operation: 'members.add' });

    const { code, text } = await runInProcess();
    expect(code).toBe(0);
    expect(text).toContain(`✓ чат ${chatB.chat_id} → «${parentsTitle('1Б')}» (по названию)`);
    expect(text).toContain(`✓ чат ${ownTitled} → «${parentsTitle(classTwoA.name)}» (по коду)`);
    expect(text).toContain(`? чат ${club.chat_id} «Кружок робототехники» не сопоставлен`);
    expect(row(text, parentsTitle(classTwoA.name))).toContain(
      `переименовать из «Родители ${classTwoA.name}»`,
    );
    expect(row(text, parentsTitle('1Б'))).toMatch(/│ изменить.*, \+\d+/);
    expect(text).toMatch(/Готово: \d+ выполнено, 0 с ошибкой/);

    const block = marks(text, parentsTitle('1Б'));
    expect(block[0]).toMatch(/ — ссылка-приглашение https:\/\/max\.ru\//);
    expect(block).toContain(`  ✓ ${fullName(firstParent!)} (родитель)`);
    expect(block).toContain(`  ✓ ${fullName(dialogParent!)} (родитель)`);
    expect(block).toContain(
      `  ✗ ${fullName(privateParent!)} (родитель) — отказ: настройки приватности; вступить по ссылке`,
    );
    const restricted = block.filter((line) => line.includes('— отказ: ограничение MAX с 09.09.2026'));
    expect(restricted).toHaveLength(parentsB.length - 4);
    expect(text).toContain(`Отказ MAX при добавлении: ${parentsB.length - 3} `);
    expect(text).not.toContain(`«${parentsTitle('1Б')}» — или код`);

    // MAX itself: 2А's chat carries the registry's title, 1Б's has the parent who started the bot.
    const api = async (path: string) =>
      (await (
        await fetch(`${server.url}/max${path}`, { headers: { authorization: await botToken() } })
      ).json()) as Record<string, unknown>;
    expect((await api(`/chats/${ownTitled}`)).title).toBe(parentsTitle(classTwoA.name));
    const { members } = (await api(`/chats/${chatB.chat_id}/members?count=100`)) as {
      members: { user_id: number }[];
    };
    const { users } = (await (await fetch(`${server.url}/__goskit/max/users`)).json()) as {
      users: { userId: number; personaId: string | null }[];
    };
    const dialogUser = users.find((user) => user.personaId === dialogParent!.id)!.userId;
    const privateUser = users.find((user) => user.personaId === privateParent!.id)!.userId;
    expect(members.map((member) => member.user_id)).toContain(dialogUser);
    expect(members.map((member) => member.user_id)).not.toContain(privateUser);
    // One add per parent not yet in the chat: refusals are recorded, not retried.
    expect(sim.journal.count({ portal: 'max', operation: 'members.add' }) - addsBefore).toBe(
      parentsB.length - 2,
    );
  }, 60_000);

  it('a third run over the same registry file has nothing to do', async () => {
    const addsBefore = sim.journal.count({ portal: 'max', operation: 'members.add' });
    const { code, text } = await runInProcess();
    expect(code).toBe(0);
    expect(text).toContain(`Реестр школы: ${stateFile}\n`);
    expect(text).toMatch(
      /Всего 45: создать 0, переименовать 0, добавить 0, убрать 0; операций в MAX 0, записей реестра 0; создаст человек 41;/,
    );
    expect(text).toContain('Применение: 0 шагов');
    expect(sim.journal.count({ portal: 'max', operation: 'members.add' })).toBe(addsBefore);
  }, 60_000);
});

async function botToken(): Promise<string> {
  const { bots } = (await (await fetch(`${server.url}/__goskit/max/bots`)).json()) as {
    bots: { token: string }[];
  };
  return bots[0]!.token;
}
