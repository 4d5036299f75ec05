/**
 * The story of the example against a running goskit-sim (paragraf, vk, vkid portals):
 * 1. link the school — the school system checks the Sferum community token against VK and keeps it
 *    encrypted in its «База ссылок» (@goskit/paragraf), and Параграф's «База ссылок» gets the same entry;
 * 2. add the sync task `paragraf.dnevnik2018:sferum` (and `paragraf.dnevnik:vc_room`) to the school;
 * 3. publish a lesson as «Онлайн-урок» in Параграф (the simulator's control API — the dashboard button does
 *    the same);
 * 4. watch the vk portal: the subject chat appears with the lesson's call link in it.
 */
import { randomBytes } from 'node:crypto';
import { MemoryStore } from '@goskit/core';
import { createLinkBase, createTaskBook, createVkCommunityVerifier } from '@goskit/paragraf';
import { control } from './control.js';

interface Journal {
  id: string;
  kind: string;
  className: string;
  subjectName: string;
  chatPeerId?: number;
}
interface Lesson {
  id: string;
  date: string;
  state: string;
  joinLink?: string;
}
interface Chat {
  chatId: number;
  peerId: number;
  title: string;
  members: unknown[];
}

export interface DemoResult {
  schoolId: string;
  communityId: number;
  tasks: string[];
  lesson: Lesson;
  journal: Journal;
  chatCreated: boolean;
  chat: Chat;
  /** The chat's last message: the call link. */
  message: string;
}

export async function runDemo(baseUrl: string, log: (line: string) => void = () => {}): Promise<DemoResult> {
  const account = await control<{ schoolId: string }>(baseUrl, '/paragraf/account');
  const { demo } = await control<{ demo: { groupId: number } | null }>(baseUrl, '/vk/demo');
  if (demo === null) {
    throw new Error('the vk portal runs without «Демо школа»');
  }
  const { tokens } = await control<{ tokens: { kind: string; token: string; owner: { id: number } }[] }>(
    baseUrl,
    '/vk/tokens',
  );
  const token =
    tokens.find((item) => item.kind === 'community' && item.owner.id === demo.groupId)?.token ?? '';

  // 1. Link the school.
  const store = new MemoryStore();
  const links = createLinkBase({
    store,
    keys: { current: { id: 'k1', key: new Uint8Array(randomBytes(32)) } },
    verifier: createVkCommunityVerifier({ environment: { baseUrl: `${baseUrl}/vk` } }),
  });
  const link = await links.save({ schoolId: account.schoolId, communityId: demo.groupId, token });
  await control(baseUrl, `/paragraf/links/${account.schoolId}`, {
    method: 'PUT',
    body: { communityId: demo.groupId, token },
  });
  log(`1. «База ссылок»: школа ${link.schoolId} → сообщество ${link.communityId} «${link.communityName}»`);

  // 2. Add the sync task (and the online-lesson one) to the school.
  const book = createTaskBook({ store });
  await book.add({
    schoolId: account.schoolId,
    code: 'paragraf.dnevnik2018:sferum',
    schedule: { everySec: 900 },
  });
  await book.add({
    schoolId: account.schoolId,
    code: 'paragraf.dnevnik:vc_room',
    schedule: { everySec: 60 },
  });
  const tasks = (await book.list(account.schoolId)).map((task) => task.code);
  log(`2. Задачи школы: ${tasks.join(', ')}`);

  // 3. Publish the next lesson of the first general journal as «Онлайн-урок».
  const { journals } = await control<{ journals: Journal[] }>(baseUrl, '/paragraf/journals');
  const journal = journals.find((item) => item.kind === 'general');
  if (journal === undefined) {
    throw new Error('no general-education journal in «Демо школа»');
  }
  const { lessons } = await control<{ lessons: Lesson[] }>(
    baseUrl,
    `/paragraf/journals/${journal.id}/lessons`,
  );
  const next = lessons.find((item) => item.state === 'planned');
  if (next === undefined) {
    throw new Error(`journal ${journal.id} has no planned lesson left`);
  }
  const published = await control<{ lesson: Lesson; journal: Journal; chatCreated: boolean }>(
    baseUrl,
    `/paragraf/lessons/${next.id}/online`,
    { method: 'POST' },
  );
  log(
    `3. Онлайн-урок ${published.lesson.id} (${journal.className}, ${journal.subjectName}, ${published.lesson.date})`,
  );

  // 4. Watch the vk portal: the subject chat and the call.
  const { chats } = await control<{ chats: Chat[] }>(baseUrl, '/vk/chats');
  const chat = chats.find((item) => item.peerId === published.journal.chatPeerId);
  if (chat === undefined) {
    throw new Error('the subject chat did not appear in the vk portal');
  }
  const { items } = await control<{ items: { text: string }[] }>(
    baseUrl,
    `/vk/chats/${chat.chatId}/messages`,
  );
  const message = items.at(-1)?.text ?? '';
  log(
    `4. Чат «${chat.title}» (peer_id ${chat.peerId}, ${chat.members.length} участников)${published.chatCreated ? ' создан' : ''}`,
  );
  log(`   ${message}`);
  return {
    schoolId: account.schoolId,
    communityId: link.communityId,
    tasks,
    lesson: published.lesson,
    journal: published.journal,
    chatCreated: published.chatCreated,
    chat,
    message,
  };
}
