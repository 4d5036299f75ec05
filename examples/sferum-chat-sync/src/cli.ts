/**
 * The example CLI: links a school to its VK community (community id + token, checked with
 * groups.getById), reads the school's data, prints the plan as a table, applies it with a progress
 * bar and shows ✓/✗ per member. The registry lives in a JSON file, so a second run has nothing to
 * do; the first run imports the chats the school system already knew about. `transport: 'max'`
 * runs the same sync over the school's MAX bot instead (max-cli.ts).
 */
import {
  chatKey,
  createChatSync,
  createVkChatTransport,
  createVkClient,
  MemoryLinkStore,
  registryScope,
} from '@goskit/sferum';
import { applyWithProgress } from './apply-with-progress.js';
import { FileChatRegistry } from './file-registry.js';
import { runMaxChatSyncCli } from './max-cli.js';
import { memberMarks, planTable } from './render.js';
import { simulatorSource } from './simulator-source.js';

export interface CliOptions {
  /** goskit-sim's base URL (school data, demo links). */
  simulatorUrl: string;
  /** The messenger: the school's VK community (default) or its MAX bot. */
  transport?: 'vk' | 'max';
  /** The VK API base; default `<simulatorUrl>/vk`. */
  vkBaseUrl?: string;
  /** The school's community id; default the simulator's «Демо школа». */
  communityId?: number;
  /** The community token (VK) or the bot token (MAX); default the simulator's demo token. */
  token?: string;
  /** The MAX Bot API base; default `<simulatorUrl>/max`. */
  maxBaseUrl?: string;
  /** Least time between two polls of MAX's updates, ms; default 300 (MAX's minimum). */
  maxPollIntervalMs?: number;
  /** The registry file. */
  stateFile: string;
  /** Print the plan and stop. */
  planOnly?: boolean;
}

export interface CliIo {
  out(text: string): void;
  /** Redraws the current line (a terminal) — or nothing, when output is not a terminal. */
  redraw?(text: string): void;
}

export async function runChatSyncCli(options: CliOptions, io: CliIo): Promise<number> {
  if (options.transport === 'max') {
    return runMaxChatSyncCli(options, io);
  }
  const source = simulatorSource(options.simulatorUrl);
  const now = Date.now();

  // 1. Link the school: its community and token.
  const demo =
    options.communityId === undefined || options.token === undefined ? await source.community() : undefined;
  const groupId = options.communityId ?? demo?.groupId;
  const token = options.token ?? (demo?.groupId === groupId ? demo?.token : undefined);
  if (groupId === undefined || token === undefined) {
    io.out(
      'Нужны id сообщества школы и его токен: --community <id> --token <token> (или VK_COMMUNITY_TOKEN).',
    );
    return 2;
  }
  const vk = createVkClient({
    token,
    tokenKind: 'community',
    groupId,
    environment: { baseUrl: options.vkBaseUrl ?? `${options.simulatorUrl.replace(/\/+$/, '')}/vk` },
  });
  const [community] = await vk.groups.getById();
  io.out(`Сообщество школы: ${community?.name ?? '?'} (club${groupId}), токен сообщества принят`);

  // 2. The school's data, its people's links and the registry.
  const roster = await source.roster();
  const links = new MemoryLinkStore(await source.links(now));
  const transport = createVkChatTransport({ vk });
  const registry = await FileChatRegistry.open(options.stateFile);
  const scope = registryScope(transport, roster.organisation.id);
  if ((await registry.list(scope)).length === 0) {
    const known = await source.knownChats();
    for (const chat of known) {
      await registry.put(scope, {
        key: chatKey(chat.kind, chat.classId),
        type: chat.kind,
        state: 'active',
        chatId: String(chat.chatId),
        title: chat.title,
        addedMemberIds: [],
        updatedAt: now,
      });
    }
    io.out(`Реестр школы: ${options.stateFile} (первый запуск, известные чаты школы: ${known.length})`);
  } else {
    io.out(`Реестр школы: ${options.stateFile}`);
  }

  // 3. The plan.
  const sync = createChatSync({ transport, registry, links });
  const plan = await sync.plan(roster);
  io.out('');
  io.out(planTable(plan));
  if (options.planOnly) {
    io.out('');
    io.out(memberMarks(plan, undefined));
    return 0;
  }

  // 4. Apply it, with a progress bar.
  io.out('');
  const result = await applyWithProgress(sync, plan, io, 25);

  // 5. ✓/✗ per member, and what people must do.
  io.out('');
  io.out(memberMarks(plan, result));
  const mustLink = result.waiting.filter((step) => step.kind === 'link-profile').length;
  io.out('');
  io.out(
    `Ждут привязки учебного профиля: ${mustLink}. Повторный запуск ничего не изменит, пока они не привяжут его.`,
  );
  return result.failed > 0 ? 1 : 0;
}
