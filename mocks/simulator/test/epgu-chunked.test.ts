import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
import type { EpguState } from '../src/portals/epgu/index.js';
import {
  bearer,
  chunkRequest,
  createDraft,
  jsonOf,
  newEpguSim,
  orderOf,
  SCHOOL_ORDER,
  zipBytes,
} from './epgu-support.js';

let sim: Simulator;
afterEach(() => {
  expect(sim.contractViolations()).toEqual([]);
});

const MIN = 1024;
const newSim = () => newEpguSim({ chunkMinBytes: MIN, chunkMaxBytes: 4096 });
const filler = (size: number) => zipBytes(size, 7).map((byte) => byte ^ 0x55);

describe('EPGU chunked push', () => {
  it('206, 206, 200: the archive is assembled and the order moves on', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const first = await sim.handle(chunkRequest(orderId, 0, 3, zipBytes(MIN), { meta: SCHOOL_ORDER }));
    expect(first.status).toBe(206);
    expect(jsonOf(first)).toEqual({ orderId, chunk: 0, chunks: 3 });
    sim.clock.advance('PT1M');
    const second = await sim.handle(chunkRequest(orderId, 1, 3, filler(2000)));
    expect(second.status).toBe(206);
    sim.clock.advance('PT1M');
    const last = await sim.handle(chunkRequest(orderId, 2, 3, filler(10)));
    expect(last.status).toBe(200);
    expect(jsonOf(last)).toEqual({ orderId });
    const state = sim.portalState<EpguState>('epgu');
    expect(state.uploads.size).toBe(0);
    expect(state.orders.get(String(orderId))?.archive).toMatchObject({ size: MIN + 2010, chunks: 3 });
    expect(state.orders.get(String(orderId))?.archive?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const order = await orderOf(sim, orderId);
    expect(order).toMatchObject({ orderStatusId: 17 });
    expect(order.orderAttachmentFiles).toEqual([
      expect.objectContaining({ fileName: 'archive.zip', fileSize: MIN + 2010 }),
    ]);
  });

  it('a single chunk (chunks=1) may be smaller than the minimum', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const only = await sim.handle(chunkRequest(orderId, 0, 1, zipBytes(10), { meta: SCHOOL_ORDER }));
    expect(only.status).toBe(200);
  });

  it('out-of-order and duplicate chunks → 400 naming the expected chunk', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const skipped = await sim.handle(chunkRequest(orderId, 1, 3, filler(MIN)));
    expect(skipped.status).toBe(400);
    expect(jsonOf(skipped).message).toMatch(/^chunk: expected chunk 0, got 1/);
    expect(
      (await sim.handle(chunkRequest(orderId, 0, 3, zipBytes(MIN), { meta: SCHOOL_ORDER }))).status,
    ).toBe(206);
    const duplicate = await sim.handle(chunkRequest(orderId, 0, 3, zipBytes(MIN), { meta: SCHOOL_ORDER }));
    expect(duplicate.status).toBe(400);
    expect(jsonOf(duplicate)).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/expected chunk 1, got 0/),
    });
    const changed = await sim.handle(chunkRequest(orderId, 1, 4, filler(MIN)));
    expect(jsonOf(changed).message).toMatch(/^chunks: the upload was started with chunks=3/);
    const beyond = await sim.handle(chunkRequest(orderId, 3, 3, filler(MIN)));
    expect(beyond.status).toBe(400);
    // The good sequence still completes.
    expect((await sim.handle(chunkRequest(orderId, 1, 3, filler(MIN)))).status).toBe(206);
    expect((await sim.handle(chunkRequest(orderId, 2, 3, filler(1)))).status).toBe(200);
    // After completion the order takes no more chunks.
    const late = await sim.handle(chunkRequest(orderId, 0, 1, zipBytes(10), { meta: SCHOOL_ORDER }));
    expect(late.status).toBe(409);
    expect(jsonOf(late).code).toBe('push_denied');
  });

  it('all chunks within 5 virtual minutes of the first, else 409 push_denied and a fresh start', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    expect(
      (await sim.handle(chunkRequest(orderId, 0, 2, zipBytes(MIN), { meta: SCHOOL_ORDER }))).status,
    ).toBe(206);
    sim.clock.advance('PT5M1S');
    const late = await sim.handle(chunkRequest(orderId, 1, 2, filler(5)));
    expect(late.status).toBe(409);
    expect(jsonOf(late)).toMatchObject({ code: 'push_denied', message: expect.stringMatching(/300 с/) });
    // The upload was dropped: chunk 1 is now out of order, chunk 0 starts again.
    expect((await sim.handle(chunkRequest(orderId, 1, 2, filler(5)))).status).toBe(400);
    expect(
      (await sim.handle(chunkRequest(orderId, 0, 2, zipBytes(MIN), { meta: SCHOOL_ORDER }))).status,
    ).toBe(206);
    sim.clock.advance('PT4M59S');
    expect((await sim.handle(chunkRequest(orderId, 1, 2, filler(5)))).status).toBe(200);
  });

  it('size rules: small non-last chunk → 400, chunk above the maximum → 413', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const small = await sim.handle(chunkRequest(orderId, 0, 2, zipBytes(MIN - 1), { meta: SCHOOL_ORDER }));
    expect(small.status).toBe(400);
    expect(jsonOf(small).message).toMatch(/at least 1024/);
    const big = await sim.handle(chunkRequest(orderId, 0, 2, zipBytes(4097), { meta: SCHOOL_ORDER }));
    expect(big.status).toBe(413);
    expect(jsonOf(big).code).toBe('bad_request');
  });

  it('first chunk: meta required, zip signature required; fields validated; owner checked', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const noMeta = await sim.handle(chunkRequest(orderId, 0, 2, zipBytes(MIN)));
    expect(jsonOf(noMeta).message).toMatch(/'meta' is required/);
    const notZip = await sim.handle(chunkRequest(orderId, 0, 2, filler(MIN), { meta: SCHOOL_ORDER }));
    expect(jsonOf(notZip).message).toMatch(/zip signature/);
    const badCount = await sim.handle(chunkRequest(orderId, 0, 0, zipBytes(MIN), { meta: SCHOOL_ORDER }));
    expect(jsonOf(badCount).message).toMatch(/^chunks: expected an integer ≥ 1/);
    const foreign = await sim.handle(
      chunkRequest(orderId, 0, 2, zipBytes(MIN), { meta: SCHOOL_ORDER, token: bearer(5) }),
    );
    expect(foreign.status).toBe(403);
    const unknown = await sim.handle(chunkRequest(orderId + 1, 0, 2, zipBytes(MIN), { meta: SCHOOL_ORDER }));
    expect(unknown.status).toBe(404);
  });
});
