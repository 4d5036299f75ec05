/** One story, run through every adapter: a parent queues both children; the second waits its turn. */
import { expect } from 'vitest';
import type { ParentSession } from './parent-session.js';
import { queueApi } from './queue-client.js';

export async function queueStory(queueBaseUrl: string, parent: ParentSession): Promise<void> {
  const api = queueApi(queueBaseUrl, parent.accessToken);
  const kindergartens = await api.kindergartens();
  expect(kindergartens.status).toBe(200);
  expect(kindergartens.body.items).toEqual([{ id: 'dou-7', title: 'Детский сад № 7 «Берёзка»', places: 1 }]);
  const [first, second] = parent.children;
  const offered = await api.apply(first as string, 'dou-7');
  expect(offered).toMatchObject({ status: 201, body: { status: 'offered', position: 0 } });
  const queued = await api.apply(second as string, 'dou-7');
  expect(queued).toMatchObject({ status: 201, body: { status: 'queued', position: 1 } });
  expect((await api.list()).body.items).toHaveLength(2);
  expect(await api.get(String(queued.body.id))).toMatchObject({ status: 200, body: { id: queued.body.id } });

  const stranger = await api.apply('student-2a-03', 'dou-7');
  expect(stranger).toMatchObject({ status: 400, body: { field: 'childId', rule: 'own_child' } });
  const noToken = await queueApi(queueBaseUrl, 'not-a-token').list();
  expect(noToken).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
  const hostile = await api.get('__proto__');
  expect(hostile).toMatchObject({ status: 404, body: { code: 'not_found' } });
}

/** The region's one kindergarten the tests configure through the portal's data slice. */
export const REGION_DATA = {
  queue: { kindergartens: [{ id: 'dou-7', title: 'Детский сад № 7 «Берёзка»', places: 1 }] },
};
