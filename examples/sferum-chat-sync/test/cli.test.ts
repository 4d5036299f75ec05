/**
 * Issue 13 §5 proof: the example CLI against the standalone simulator (sim.listen on 127.0.0.1:0,
 * the vk portal's real limits on a running clock). First as its own process, the way a user runs it
 * (`tsx src/main.ts --sim <url>`): it links «Демо школа»'s community, prints the plan table, applies
 * it and shows ✓/✗ per member — the simulator then has every chat once, 1Б's class chat renamed and
 * the missing parents' chat created. Then again over the same registry file: nothing to do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator, type Simulator, type SimulatorServer, vkChats, vkDemo } from '@goskit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChatSyncCli } from '../src/cli.js';
import { runMain } from './helpers/run-main.js';

let sim: Simulator;
let server: SimulatorServer;
let dir: string;
let stateFile: string;

beforeAll(async () => {
  sim = createSimulator({ seed: 'example-sferum-chat-sync', clockMode: 'running' });
  server = await sim.listen({ port: 0, host: '127.0.0.1' });
  dir = mkdtempSync(join(tmpdir(), 'sferum-chat-sync-'));
  stateFile = join(dir, 'registry.json');
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('examples/sferum-chat-sync against the standalone simulator', () => {
  it('links the school, prints the plan, applies it and shows ✓/✗ per member', async () => {
    const { code, stdout, stderr } = await runMain(['--sim', server.url, '--state', stateFile]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Сообщество школы: Демо школа');
    expect(stdout).toContain('первый запуск, известные чаты школы: 4');
    const lines = stdout.split('\n');
    expect(
      lines.some((line) => /^Название чата\s+│ Тип\s+│ Класс\s+│ Предмет\s+│ Привязано\s+│ План/.test(line)),
    ).toBe(true);
    const row = (title: string) => lines.find((line) => line.startsWith(`${title} `)) ?? '';
    expect(row('Демо школа - 1Б - Чат класса')).toMatch(
      /│ CLASS\s+│ 1Б\s+│\s+│\s+\d+ %\s+│ изменить, переименовать из «1Б класс»/,
    );
    expect(row('Демо школа - 1Б - Чат родителей')).toMatch(/│ PARENTS\s+│ 1Б .*│ создать/);
    expect(row('Демо школа - Чат учителей')).toMatch(/│ TEACHER /);
    expect(stdout).toMatch(/Всего 45: создать 41, переименовать 1,/);
    expect(stdout).toMatch(/\[█{30}\] (\d+)\/\1 шагов/);
    expect(stdout).toMatch(/Готово: \d+ выполнено, 0 с ошибкой/);
    expect(stdout).toMatch(/ {2}✓ .+ \(учитель\)/);
    expect(stdout).toMatch(/ {2}✗ .+ \(учитель\) — привязать учебный профиль/);
    expect(stdout).toMatch(/Демо школа - 1А - Чат класса — ссылка-приглашение https:\/\/vk\.me\/join\//);

    // The simulator: every desired chat once, 1Б's old chat renamed in place.
    const own = vkChats(sim).filter((chat) => chat.ownerId === -vkDemo(sim).groupId);
    const titles = own.map((chat) => chat.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toHaveLength(45);
    const renamed = vkDemo(sim).chats.find((chat) => chat.title === '1Б класс');
    expect(own.find((chat) => chat.chatId === renamed?.chatId)?.title).toBe('Демо школа - 1Б - Чат класса');
  }, 90_000);

  it('a second run over the same registry file has nothing to do', async () => {
    const creates = () => sim.journal.count({ portal: 'vk', operation: 'messages.createChat' });
    const before = {
      creates: creates(),
      executes: sim.journal.count({ portal: 'vk', operation: 'execute' }),
    };
    const output: string[] = [];
    const code = await runChatSyncCli(
      { simulatorUrl: server.url, stateFile },
      { out: (text) => output.push(text) },
    );
    const text = output.join('\n');
    expect(code).toBe(0);
    expect(text).toContain(`Реестр школы: ${stateFile}\n`);
    expect(text).toMatch(
      /Всего 45: создать 0, переименовать 0, добавить 0, убрать 0; операций в VK 0, записей реестра 0/,
    );
    expect(text).toContain('Применение: 0 шагов');
    expect(creates()).toBe(before.creates);
    expect(sim.journal.count({ portal: 'vk', operation: 'messages.editChat' })).toBe(1);
  }, 60_000);
});
