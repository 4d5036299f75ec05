/**
 * The example's story against a real simulator server on 127.0.0.1 (port 0): the school is linked, the
 * tasks are added, a lesson goes online in Параграф, and the vk portal shows the new subject chat with
 * the call link; a second online lesson of the journal reuses the chat.
 */
import {
  createSimulator,
  paragrafPortal,
  type SimulatorServer,
  vkidPortal,
  vkPortal,
} from '@goskit/simulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDemo } from '../src/school-system.js';

const sim = createSimulator({
  seed: 'demo',
  clockMode: 'running',
  portals: [paragrafPortal(), vkPortal(), vkidPortal()],
});
let server: SimulatorServer;
beforeAll(async () => {
  server = await sim.listen({ port: 0 });
});
afterAll(() => server.close());

it('links the school, adds the sync task, publishes an online lesson; the subject chat and the call appear', async () => {
  const lines: string[] = [];
  const first = await runDemo(server.url, (line) => lines.push(line));
  expect(first.tasks).toEqual(['paragraf.dnevnik2018:sferum', 'paragraf.dnevnik:vc_room']);
  expect(first.chatCreated).toBe(true);
  expect(first.chat.title).toBe(
    `${sim.demo.organisation.shortName} - ${first.journal.className} - ${first.journal.subjectName}`,
  );
  expect(first.lesson.joinLink).toMatch(/^https:\/\//);
  expect(first.message).toContain(first.lesson.joinLink);
  expect(lines).toHaveLength(5);

  const second = await runDemo(server.url);
  expect(second.chatCreated).toBe(false);
  expect(second.chat.chatId).toBe(first.chat.chatId);
  expect(second.lesson.id).not.toBe(first.lesson.id);
  expect(second.lesson.joinLink).not.toBe(first.lesson.joinLink);
});
