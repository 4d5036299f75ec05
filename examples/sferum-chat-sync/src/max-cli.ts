/**
 * The example CLI over MAX (`--transport max`). A MAX bot cannot create chats: the plan lists the
 * chats a person must create (exact title, or a one-time code to post in a chat titled otherwise);
 * the bot learns each chat from `bot_added` and the registry matches it. One run: link the school's
 * bot (its token, checked with `GET /me`); on the very first run record the registry's entries, so
 * that no `bot_added` arrives before the entry it belongs to; read the bot's queued updates into the
 * registry (matched by title or code, unmatched reported); then plan, apply and show ✓/✗ per member
 * (MAX's refusals with the reason and the chat's link) and what people must create.
 */
import { type ChatEventOutcome, createChatSync, MemoryLinkStore, registryScope } from '@goskit/sferum';
import { createMaxChatTransport, createMaxClient, maxRegistryUpdates } from '@goskit/sferum/max';
import { applyWithProgress } from './apply-with-progress.js';
import type { CliIo, CliOptions } from './cli.js';
import { FileChatRegistry } from './file-registry.js';
import { maxSimulatorSource } from './max-simulator-source.js';
import { readQueuedUpdates } from './max-updates.js';
import { memberMarks, personMustCreateList, planTable } from './render.js';
import { simulatorSource } from './simulator-source.js';

const UNMATCHED: Record<string, string> = {
  'no-match': 'ни одна запись реестра не подходит по названию',
  ambiguous: 'по названию подходят несколько записей',
  'unknown-code': 'код не из плана',
};

function outcomeLine(outcome: ChatEventOutcome, titles: Map<string, string>): string | undefined {
  switch (outcome.status) {
    case 'matched':
      return `  ✓ чат ${outcome.chatId} → «${titles.get(outcome.key) ?? outcome.key}» (${outcome.by === 'title' ? 'по названию' : 'по коду'})`;
    case 'lost':
      return `  ✗ бота удалили из чата ${outcome.chatId} («${titles.get(outcome.key) ?? outcome.key}»)`;
    case 'unmatched':
      return `  ? чат ${outcome.chatId}${outcome.title === undefined ? '' : ` «${outcome.title}»`} не сопоставлен: ${UNMATCHED[outcome.reason] ?? outcome.reason} — напишите в нём код нужного чата из плана`;
    default:
      return undefined; // known chats and ordinary messages: the next plan reads MAX itself
  }
}

export async function runMaxChatSyncCli(options: CliOptions, io: CliIo): Promise<number> {
  const source = simulatorSource(options.simulatorUrl);
  const maxSource = maxSimulatorSource(options.simulatorUrl);
  const now = Date.now();

  // 1. Link the school: its bot's token, checked with GET /me.
  const token = options.token ?? (await maxSource.bot()).token;
  const max = createMaxClient({
    token,
    baseUrl: options.maxBaseUrl ?? `${options.simulatorUrl.replace(/\/+$/, '')}/max`,
  });
  const me = await max.getMe();
  io.out(
    `Бот школы в MAX: ${me.first_name}${me.username ? ` (@${me.username})` : ''}, id ${me.user_id}, токен принят`,
  );

  // 2. The school's data, its people's links and the registry.
  const roster = await source.roster();
  const links = new MemoryLinkStore(await maxSource.links(now));
  const transport = createMaxChatTransport({ max });
  const registry = await FileChatRegistry.open(options.stateFile);
  const sync = createChatSync({ transport, registry, links });
  const schoolId = roster.organisation.id;
  const scope = registryScope(transport, schoolId);
  if ((await registry.list(scope)).length === 0) {
    // Nothing is active yet, so this apply only writes entries (titles and codes) — before any update is read.
    const first = await sync.plan(roster);
    const recorded = await sync.apply(first);
    io.out(
      `Реестр школы: ${options.stateFile} (первый запуск: ${recorded.waiting.filter((step) => step.kind === 'person-must-create').length} чатов ждут, пока их создаст человек)`,
    );
  } else {
    io.out(`Реестр школы: ${options.stateFile}`);
  }

  // 3. What happened in MAX since the last run: chats the bot joined, codes posted, renames.
  const outcomes: ChatEventOutcome[] = [];
  const read = await readQueuedUpdates(
    max,
    maxRegistryUpdates({ sync, schoolId, onOutcome: (outcome) => void outcomes.push(outcome) }),
    options.maxPollIntervalMs === undefined ? {} : { minIntervalMs: options.maxPollIntervalMs },
  );
  // Matched chats are named by the registry's title (the chat's own title is renamed to it).
  const titles = new Map(sync.desiredChats(roster).map((chat) => [chat.key, chat.title]));
  io.out(`События MAX: ${read}`);
  for (const outcome of outcomes) {
    const line = outcomeLine(outcome, titles);
    if (line !== undefined) {
      io.out(line);
    }
  }

  // 4. The plan.
  const plan = await sync.plan(roster);
  io.out('');
  io.out(planTable(plan, 'MAX'));
  if (options.planOnly) {
    io.out('');
    io.out(memberMarks(plan, undefined));
    return 0;
  }

  // 5. Apply it, with a progress bar.
  io.out('');
  const result = await applyWithProgress(sync, plan, io, 4);

  // 6. ✓/✗ per member, and what people must do.
  io.out('');
  io.out(memberMarks(plan, result));
  const toCreate = personMustCreateList(plan);
  io.out('');
  io.out(
    toCreate === ''
      ? 'Все чаты созданы.'
      : `Создать в MAX (человек создаёт группу и добавляет бота @${me.username ?? me.user_id} администратором):\n${toCreate}`,
  );
  const mustLink = result.waiting.filter((step) => step.kind === 'link-profile').length;
  io.out(
    `Отказ MAX при добавлении: ${result.refusedMembers.length} (получат ссылку на чат, повторно не добавляются). ` +
      `Ждут привязки MAX: ${mustLink}.`,
  );
  return result.failed > 0 ? 1 : 0;
}
