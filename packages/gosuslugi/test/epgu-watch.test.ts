import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEpguClient, EPGU_TEST_URL, type OrderStatusEvent } from '../src/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Change {
  orderId: number;
  statusId: number;
  updated: string; // EPGU local (Moscow) time
}

/**
 * A tiny EPGU: getUpdatedAfter answers with the changes at or after `updatedAfter` (inclusive, the
 * unfriendly reading — the client must de-duplicate) for the newest status of each order.
 */
function epgu(changes: Change[]) {
  const queries: string[] = [];
  server.use(
    http.get(`${EPGU_TEST_URL}/api/gusmev/order/getUpdatedAfter`, ({ request }) => {
      const q = new URL(request.url).searchParams;
      const after = q.get('updatedAfter') as string;
      queries.push(after);
      const pageNum = Number(q.get('pageNum'));
      const pageSize = Number(q.get('pageSize'));
      const matching = changes.filter((c) => c.updated >= after);
      const content = matching.slice(pageNum * pageSize, (pageNum + 1) * pageSize).map((c) => ({
        orderId: c.orderId,
        orderSearchStatus: 'FOUND',
        status: { statusId: c.statusId, statusName: `status ${c.statusId}`, updated: c.updated },
      }));
      return HttpResponse.json({ count: content.length, totalCount: matching.length, content });
    }),
  );
  return queries;
}

describe('watchOrders', () => {
  it('yields each change once, oldest first, polling with the injected sleep', async () => {
    const changes: Change[] = [
      { orderId: 1, statusId: 2, updated: '2026-09-01T12:00:00.000' },
      { orderId: 2, statusId: 2, updated: '2026-09-01T12:00:00.000' },
    ];
    const queries = epgu(changes);
    const controller = new AbortController();
    let polls = 0;
    const sleep = async (ms: number) => {
      expect(ms).toBe(30_000);
      polls += 1;
      // between polls EPGU moves on: order 1 is done, order 3 appears
      if (polls === 1) {
        changes.push({ orderId: 1, statusId: 3, updated: '2026-09-01T12:05:00.000' });
        changes.push({ orderId: 3, statusId: 2, updated: '2026-09-01T12:04:00.000' });
      }
      if (polls === 3) {
        controller.abort();
      }
    };
    // These pages speak Moscow time (a stand that does): the offset is explicit.
    const client = createEpguClient({
      environment: 'test',
      accessToken: 't',
      sleep,
      timeZoneOffsetMinutes: 180,
    });
    const events: OrderStatusEvent[] = [];
    for await (const event of client.watchOrders({
      since: new Date('2026-09-01T08:00:00Z'), // 11:00 in Moscow
      interval: 30_000,
      pageSize: 1,
      signal: controller.signal,
    })) {
      events.push(event);
    }
    expect(events.map((e) => `${e.orderId}:${e.statusId}`)).toEqual(['1:2', '2:2', '3:2', '1:3']);
    expect(events[0]?.updatedAt.toISOString()).toBe('2026-09-01T09:00:00.000Z');
    expect(queries[0]).toBe('2026-09-01T11:00:00.000');
    // the watermark moves with what was seen
    expect(queries.at(-1)).toBe('2026-09-01T12:05:00.000');
    expect(polls).toBe(3);
  });

  it('resumes exactly after an event from its cursor (another process, same data)', async () => {
    const changes: Change[] = [
      { orderId: 1, statusId: 2, updated: '2026-09-01T12:00:00.000' },
      { orderId: 2, statusId: 2, updated: '2026-09-01T12:00:00.000' },
      { orderId: 3, statusId: 4, updated: '2026-09-01T12:01:00.000' },
    ];
    epgu(changes);
    const first = new AbortController();
    const clientA = createEpguClient({
      environment: 'test',
      accessToken: 't',
      timeZoneOffsetMinutes: 180,
      sleep: async () => first.abort(),
    });
    let cursor = '';
    for await (const event of clientA.watchOrders({
      since: '2026-09-01T11:00:00.000',
      signal: first.signal,
    })) {
      cursor = event.cursor;
      break; // the process "crashes" after handling the first event
    }
    const second = new AbortController();
    const clientB = createEpguClient({
      environment: 'test',
      accessToken: 't',
      timeZoneOffsetMinutes: 180,
      sleep: async () => second.abort(),
    });
    const rest: string[] = [];
    for await (const event of clientB.watchOrders({ cursor, signal: second.signal })) {
      rest.push(`${event.orderId}:${event.statusId}`);
    }
    // Order 2 shares order 1's timestamp: it must still come, and order 1 must not repeat.
    expect(rest).toEqual(['2:2', '3:4']);
  });

  it('yields an order only when its status changed, with the status it changed from', async () => {
    const changes: Change[] = [
      { orderId: 1, statusId: 2, updated: '2026-09-01T12:00:00.000' },
      { orderId: 2, statusId: 2, updated: '2026-09-01T12:00:00.000' },
    ];
    epgu(changes);
    const controller = new AbortController();
    let polls = 0;
    const sleep = async () => {
      polls += 1;
      if (polls === 1) {
        // EPGU touches order 1 (a new `updated`, the same status), then moves it on
        changes.push({ orderId: 1, statusId: 2, updated: '2026-09-01T12:03:00.000' });
        changes.push({ orderId: 1, statusId: 3, updated: '2026-09-01T12:05:00.000' });
      }
      if (polls === 2) {
        changes.push({ orderId: 1, statusId: 3, updated: '2026-09-01T12:07:00.000' });
      }
      if (polls === 3) {
        controller.abort();
      }
    };
    const client = createEpguClient({ environment: 'test', accessToken: 't', sleep });
    const events: OrderStatusEvent[] = [];
    for await (const event of client.watchOrders({
      since: '2026-09-01T11:00:00.000',
      signal: controller.signal,
    })) {
      events.push(event);
    }
    expect(events.map((e) => [e.orderId, e.previousStatusId, e.statusId])).toEqual([
      [1, undefined, 2],
      [2, undefined, 2],
      [1, 2, 3],
    ]);
    // No two consecutive events of one order are alike.
    const byOrder = new Map<number, OrderStatusEvent[]>();
    for (const event of events) {
      byOrder.set(event.orderId, [...(byOrder.get(event.orderId) ?? []), event]);
    }
    for (const list of byOrder.values()) {
      for (let i = 1; i < list.length; i += 1) {
        expect(list[i]?.statusId).not.toBe(list[i - 1]?.statusId);
      }
    }

    // Resumed from the first event's cursor, the memory of what was reported comes along.
    const again = new AbortController();
    const resumed = createEpguClient({
      environment: 'test',
      accessToken: 't',
      sleep: async () => again.abort(),
    });
    const rest: string[] = [];
    for await (const event of resumed.watchOrders({
      cursor: events[0]?.cursor ?? '',
      signal: again.signal,
    })) {
      rest.push(`${event.orderId}:${event.previousStatusId}->${event.statusId}`);
    }
    expect(rest).toEqual(['2:undefined->2', '1:2->3']);
  });

  it('refuses a cursor it did not produce and a watch without a start', async () => {
    const client = createEpguClient({ environment: 'test', accessToken: 't' });
    await expect(client.watchOrders({ cursor: 'garbage!' }).next()).rejects.toThrow(/cursor/);
    await expect(client.watchOrders({}).next()).rejects.toThrow(/since or cursor/);
  });
});
