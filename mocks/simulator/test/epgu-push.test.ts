import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
import {
  bearer,
  createDraft,
  epguRequest,
  jsonOf,
  multipart,
  newEpguSim,
  orderOf,
  pushRequest,
  SCHOOL_ORDER,
  textOf,
  zipBytes,
} from './epgu-support.js';

let sim: Simulator;
afterEach(() => {
  expect(sim.contractViolations()).toEqual([]);
});

const statusIds = (order: Record<string, unknown>) =>
  (order.statuses as { statusId: number }[]).map((status) => status.statusId);

describe('EPGU push and the status machine', () => {
  it('push creates the order; the virtual clock moves it NEW → … → DONE, «Услуга оказана»', async () => {
    sim = newEpguSim({ outcomes: { validationErrorRate: 0, filesFailedRate: 0 } });
    const pushed = await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(4096)));
    expect(pushed.status).toBe(200);
    const orderId = jsonOf(pushed).orderId as number;
    const first = await orderOf(sim, orderId);
    expect(first).toMatchObject({ orderStatusId: 17, processingState: 'VALIDATION', hasResult: false });
    expect(first.orderAttachmentFiles).toEqual([
      expect.objectContaining({ fileName: 'req.zip', fileSize: 4096, mimeType: 'application/zip' }),
    ]);
    const seen = new Set<string>();
    for (let minute = 0; minute < 10; minute += 1) {
      sim.clock.advance('PT1M');
      seen.add((await orderOf(sim, orderId)).processingState as string);
    }
    expect(seen.has('DONE')).toBe(true);
    const done = await orderOf(sim, orderId);
    expect(done).toMatchObject({
      orderStatusId: 3,
      orderStatusName: 'Услуга оказана',
      closed: true,
      hasResult: true,
    });
    expect(statusIds(done)).toEqual([0, 17, 17, 21, 2, 3]);
    const dates = (done.statuses as { date: string }[]).map((status) => status.date);
    expect(dates.every((date) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0300$/.test(date))).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    // Final: cancel is refused.
    const cancel = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}/cancel`));
    expect(cancel.status).toBe(409);
  });

  it('the same seed replays the same timeline; another seed differs', async () => {
    const timeline = async (seed: string) => {
      const local = newEpguSim({}, seed);
      const orderId = await createDraft(local);
      await local.handle(pushRequest({ orderId }, zipBytes(100)));
      local.clock.advance('PT10M');
      const order = await orderOf(local, orderId);
      expect(local.contractViolations()).toEqual([]);
      sim = local;
      return (order.statuses as { statusId: number; date: string }[]).map((s) => `${s.statusId}@${s.date}`);
    };
    const a = await timeline('replay-1');
    const b = await timeline('replay-1');
    expect(a).toEqual(b);
    const others = [await timeline('replay-2'), await timeline('replay-3'), await timeline('replay-4')];
    expect(others.some((other) => other.join() !== a.join())).toBe(true);
  });

  it('seeded failure outcomes: VALIDATION_ERROR → 15, FILES_VERIFICATION_FAILED → 24', async () => {
    sim = newEpguSim({ outcomes: { validationErrorRate: 1 } });
    let orderId = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(64)))).orderId as number;
    sim.clock.advance('PT10M');
    expect(await orderOf(sim, orderId)).toMatchObject({
      processingState: 'VALIDATION_ERROR',
      orderStatusId: 15,
    });
    sim = newEpguSim({ outcomes: { validationErrorRate: 0, filesFailedRate: 1 } });
    orderId = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(64)))).orderId as number;
    sim.clock.advance('PT10M');
    const failed = await orderOf(sim, orderId);
    expect(failed).toMatchObject({
      processingState: 'FILES_VERIFICATION_FAILED',
      orderStatusId: 24,
      closed: true,
    });
    expect(statusIds(failed)).toEqual([0, 17, 17, 24]);
  });

  it('push into an existing draft; a second push → 409 push_denied; foreign draft → 403', async () => {
    sim = newEpguSim();
    const orderId = await createDraft(sim);
    const foreign = await sim.handle(pushRequest({ orderId }, zipBytes(64), { token: bearer(7) }));
    expect(foreign.status).toBe(403);
    const pushed = await sim.handle(pushRequest({ orderId: String(orderId) }, zipBytes(64)));
    expect(jsonOf(pushed)).toEqual({ orderId });
    const again = await sim.handle(pushRequest({ orderId }, zipBytes(64)));
    expect(again.status).toBe(409);
    expect(jsonOf(again).code).toBe('push_denied');
    const unknown = await sim.handle(pushRequest({ orderId: orderId + 9 }, zipBytes(64)));
    expect(unknown.status).toBe(404);
  });
});

describe('EPGU push: multipart and archive checks', () => {
  it('names the missing or malformed part', async () => {
    sim = newEpguSim();
    const zip = zipBytes(64);
    const cases: [{ body: Uint8Array | string; contentType: string }, RegExp][] = [
      [multipart([{ name: 'file', value: zip, filename: 'a.zip' }]), /'meta' is required/],
      [multipart([{ name: 'meta', value: JSON.stringify(SCHOOL_ORDER) }]), /'file' is required/],
      [
        multipart([
          { name: 'meta', value: '{bad' },
          { name: 'file', value: zip },
        ]),
        /^meta: not valid JSON/,
      ],
      [
        multipart([
          { name: 'meta', value: '{}' },
          { name: 'file', value: zip },
        ]),
        /^meta\.region: required/,
      ],
      [{ body: 'x', contentType: 'application/json' }, /^content-type: expected multipart\/form-data/],
      [{ body: 'x', contentType: 'multipart/form-data' }, /boundary is missing/],
      [
        { body: 'no boundary here', contentType: 'multipart/form-data; boundary=abc' },
        /opening boundary is missing/,
      ],
      [
        {
          body: '--abc\r\nContent-Disposition: form-data; name="meta"\r\n\r\n{}',
          contentType: 'multipart/form-data; boundary=abc',
        },
        /part 'meta': the closing boundary is missing/,
      ],
      [
        {
          body: '--abc\r\nX-Nothing: 1\r\n\r\n{}\r\n--abc--',
          contentType: 'multipart/form-data; boundary="abc"',
        },
        /part #1: Content-Disposition form-data with a name is required/,
      ],
    ];
    for (const [{ body, contentType }, message] of cases) {
      const response = await sim.handle(epguRequest('POST', '/api/gusmev/push', { body, contentType }));
      expect(response.status, String(message)).toBe(400);
      expect(jsonOf(response)).toMatchObject({
        code: 'bad_request',
        message: expect.stringMatching(message),
      });
    }
  });

  it('400 bad_request when the file is not a zip archive', async () => {
    sim = newEpguSim();
    const pdf = new TextEncoder().encode('%PDF-1.4 not a zip');
    const response = await sim.handle(pushRequest(SCHOOL_ORDER, pdf));
    expect(response.status).toBe(400);
    expect(jsonOf(response).message).toMatch(/not a zip archive/);
    expect(sim.portalState<{ orders: Map<string, unknown> }>('epgu').orders.size).toBe(0);
  });

  it('413 bad_request above the configured size; exactly the limit passes', async () => {
    sim = newEpguSim({ maxArchiveBytes: 2048 });
    expect((await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(2048)))).status).toBe(200);
    const tooBig = await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(2049)));
    expect(tooBig.status).toBe(413);
    expect(jsonOf(tooBig)).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/2049 bytes/),
    });
  });

  it('413 at the real default of 50 000 000 bytes', async () => {
    sim = newEpguSim();
    const tooBig = await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(50_000_001)));
    expect(tooBig.status).toBe(413);
    // The journal keeps no 50 MB body.
    expect(textOf(tooBig).length).toBeLessThan(300);
  });
});

describe('EPGU state and the simulator lifecycle', () => {
  it('snapshot/restore and reset replay orders and their timelines', async () => {
    sim = newEpguSim({ outcomes: { validationErrorRate: 0, filesFailedRate: 0 } });
    const orderId = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(64)))).orderId as number;
    const snapshot = sim.snapshot();
    sim.clock.advance('PT10M');
    expect((await orderOf(sim, orderId)).orderStatusId).toBe(3);
    sim.restore(snapshot);
    expect((await orderOf(sim, orderId)).orderStatusId).toBe(17);
    sim.reset();
    const again = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}`));
    expect(again.status).toBe(404);
    // After reset the same seed hands out the same first id.
    expect(jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(64)))).orderId).toBe(orderId);
  });
});
