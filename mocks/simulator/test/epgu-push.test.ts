import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
import type { EpguState } from '../src/portals/epgu/index.js';
import { currentStep } from '../src/portals/epgu/timeline.js';
import {
  bearer,
  createDraft,
  epguRequest,
  jsonOf,
  multipart,
  newEpguSim,
  noise,
  orderArchive,
  orderOf,
  pushRequest,
  REQ_XML,
  SCHOOL_ORDER,
  textOf,
  zipArchive,
  zipBytes,
} from './epgu-support.js';

let sim: Simulator;
afterEach(() => {
  expect(sim.contractViolations()).toEqual([]);
});

const statusIds = (order: Record<string, unknown>) =>
  (order.statuses as { statusId: number }[]).map((status) => status.statusId);

/** The gu-smev state of an order now (the simulator's own record; the API shows it only in comments). */
const processingOf = (local: Simulator, orderId: number) =>
  currentStep(
    local.portalState<EpguState>('epgu').orders.get(String(orderId)) as Parameters<typeof currentStep>[0],
    local.clock.now(),
  ).processing;

describe('EPGU push and the status machine', () => {
  it('push creates the order; the virtual clock moves it NEW → … → DONE, «Услуга оказана»', async () => {
    sim = newEpguSim({ outcomes: { validationErrorRate: 0, filesFailedRate: 0 } });
    const pushed = await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(4096)));
    expect(pushed.status).toBe(200);
    const orderId = jsonOf(pushed).orderId as number;
    const first = await orderOf(sim, orderId);
    expect(first).toMatchObject({ orderStatusId: 17, hasResult: false, closed: false });
    expect(processingOf(sim, orderId)).toBe('VALIDATION');
    const seen = new Set<string>();
    for (let minute = 0; minute < 10; minute += 1) {
      sim.clock.advance('PT1M');
      seen.add(processingOf(sim, orderId));
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
    expect((done.statuses as { comment: string }[])[4]?.comment).toBe('Сообщение доставлено');
    expect(done.currentStatusHistory).toMatchObject({ statusId: 3, finalStatus: true, hasResult: 'Y' });
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
      await local.handle(pushRequest({ orderId }, orderArchive(600)));
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

  it('seeded failure outcomes close the order: VALIDATION_ERROR → 15, FILES_VERIFICATION_FAILED → 24', async () => {
    sim = newEpguSim({ outcomes: { validationErrorRate: 1 } });
    let orderId = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(600)))).orderId as number;
    sim.clock.advance('PT10M');
    expect(processingOf(sim, orderId)).toBe('VALIDATION_ERROR');
    const invalid = await orderOf(sim, orderId);
    // The spec marks VALIDATION_ERROR final (Приложение 1): status 15's stage closes the order.
    expect(invalid).toMatchObject({ orderStatusId: 15, closed: true, allowToDelete: true });
    expect(invalid.currentStatusHistory).toMatchObject({
      statusId: 15,
      finalStatus: true,
      cancelAllowed: false,
      comment: expect.stringMatching(/^VALIDATION_ERROR: /),
    });
    const cancel = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}/cancel`));
    expect(cancel.status).toBe(409);
    expect(jsonOf(cancel).code).toBe('cancel_not_allowed');
    sim = newEpguSim({ outcomes: { validationErrorRate: 0, filesFailedRate: 1 } });
    orderId = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(600)))).orderId as number;
    sim.clock.advance('PT10M');
    const failed = await orderOf(sim, orderId);
    expect(processingOf(sim, orderId)).toBe('FILES_VERIFICATION_FAILED');
    expect(failed).toMatchObject({ orderStatusId: 24, closed: true });
    expect(statusIds(failed)).toEqual([0, 17, 17, 24]);
  });

  it('the archive decides: folders or a nested archive → INVALID_FILES_STRUCTURE, no XML → REQ_NOT_FOUND (both final)', async () => {
    const cases: [Uint8Array, string, RegExp][] = [
      [zipArchive([{ name: 'docs/req.xml', data: REQ_XML }]), 'INVALID_FILES_STRUCTURE', /папки/],
      [
        zipArchive([
          { name: 'req.xml', data: REQ_XML },
          { name: 'inner.zip', data: orderArchive(500) },
        ]),
        'INVALID_FILES_STRUCTURE',
        /вложенный архив inner\.zip/,
      ],
      [zipArchive([{ name: 'scan.pdf', data: noise(300) }]), 'REQ_NOT_FOUND', /нет XML/],
    ];
    for (const [archive, state, comment] of cases) {
      sim = newEpguSim({ outcomes: { validationErrorRate: 0, filesFailedRate: 0 } });
      const orderId = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, archive))).orderId as number;
      sim.clock.advance('PT10M');
      expect(processingOf(sim, orderId)).toBe(state);
      const order = await orderOf(sim, orderId);
      expect(order).toMatchObject({ orderStatusId: 15, closed: true });
      expect(statusIds(order)).toEqual([0, 17, 15]);
      expect((order.currentStatusHistory as { comment: string }).comment).toMatch(comment);
    }
  });

  it('push into an existing draft; a second push → 409 push_denied; foreign draft → 403', async () => {
    sim = newEpguSim();
    const orderId = await createDraft(sim);
    const archive = orderArchive(600);
    const foreign = await sim.handle(pushRequest({ orderId }, archive, { token: bearer(7) }));
    expect(foreign.status).toBe(403);
    const pushed = await sim.handle(pushRequest({ orderId: String(orderId) }, archive));
    expect(jsonOf(pushed)).toEqual({ orderId });
    const again = await sim.handle(pushRequest({ orderId }, archive));
    expect(again.status).toBe(409);
    expect(jsonOf(again).code).toBe('push_denied');
    const unknown = await sim.handle(pushRequest({ orderId: orderId + 9 }, archive));
    expect(unknown.status).toBe(204);
    expect(textOf(unknown)).toBe('');
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

  it('400 bad_request when the file is not a zip archive, or not a readable one; no draft is left behind', async () => {
    sim = newEpguSim();
    const pdf = new TextEncoder().encode('%PDF-1.4 not a zip');
    const response = await sim.handle(pushRequest(SCHOOL_ORDER, pdf));
    expect(response.status).toBe(400);
    expect(jsonOf(response).message).toMatch(/not a zip archive/);
    const truncated = await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(600).subarray(0, 400)));
    expect(truncated.status).toBe(400);
    expect(jsonOf(truncated)).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/^file: not a readable zip archive \(the end of central directory/),
    });
    expect(sim.portalState<EpguState>('epgu').orders.size).toBe(0);
  });

  it('400 bad_request (not 413: the spec lists none) above the configured size; exactly the limit passes', async () => {
    sim = newEpguSim({ maxArchiveBytes: 2048 });
    expect((await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(2048)))).status).toBe(200);
    const tooBig = await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(2049)));
    expect(tooBig.status).toBe(400);
    expect(jsonOf(tooBig)).toEqual({
      code: 'bad_request',
      message: 'file: 2049 bytes exceed the limit of 2048; send a larger archive with /push/chunked',
    });
  });

  it('400 bad_request at the real default of 50 000 000 bytes', async () => {
    sim = newEpguSim();
    const tooBig = await sim.handle(pushRequest(SCHOOL_ORDER, zipBytes(50_000_001)));
    expect(tooBig.status).toBe(400);
    expect(jsonOf(tooBig).message).toMatch(/^file: 50000001 bytes exceed the limit of 50000000/);
    // The journal keeps no 50 MB body.
    expect(textOf(tooBig).length).toBeLessThan(300);
  });
});

describe('EPGU state and the simulator lifecycle', () => {
  it('snapshot/restore and reset replay orders and their timelines', async () => {
    sim = newEpguSim({ outcomes: { validationErrorRate: 0, filesFailedRate: 0 } });
    const orderId = jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(600)))).orderId as number;
    const snapshot = sim.snapshot();
    sim.clock.advance('PT10M');
    expect((await orderOf(sim, orderId)).orderStatusId).toBe(3);
    sim.restore(snapshot);
    expect((await orderOf(sim, orderId)).orderStatusId).toBe(17);
    sim.reset();
    const again = await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}`));
    expect(again.status).toBe(204);
    expect(sim.portalState<EpguState>('epgu').storage.size).toBe(0);
    // After reset the same seed hands out the same first id.
    expect(jsonOf(await sim.handle(pushRequest(SCHOOL_ORDER, orderArchive(600)))).orderId).toBe(orderId);
  });
});
