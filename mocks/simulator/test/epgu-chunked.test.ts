import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/engine/types.js';
import type { EpguState } from '../src/portals/epgu/index.js';
import {
  bearer,
  chunkRequest,
  createDraft,
  epguRequest,
  jsonOf,
  multipart,
  newEpguSim,
  orderArchive,
  orderOf,
  SCHOOL_ORDER,
  textOf,
  zipBytes,
} from './epgu-support.js';

let sim: Simulator;
afterEach(() => {
  expect(sim.contractViolations()).toEqual([]);
});

const MIN = 1024;
const newSim = () => newEpguSim({ chunkMinBytes: MIN, chunkMaxBytes: 4096 });

/** An archive cut into chunks of `size` bytes, as go-api-epgu cuts it. */
function cut(archive: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < archive.length; at += size) {
    out.push(archive.subarray(at, Math.min(archive.length, at + size)));
  }
  return out;
}

const uploadsOf = (local: Simulator) => local.portalState<EpguState>('epgu').uploads;

describe('EPGU chunked push (push/chunked into a created order)', () => {
  it('one chunk with only orderId and file (footnote 5: chunk/chunks optional) → 200, the order moves on', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const archive = orderArchive(3000);
    const only = await sim.handle(chunkRequest(orderId, undefined, undefined, archive));
    expect(only.status).toBe(200);
    expect(jsonOf(only)).toEqual({ orderId });
    const order = await orderOf(sim, orderId);
    expect(order).toMatchObject({ orderStatusId: 17 });
    expect(sim.portalState<EpguState>('epgu').orders.get(String(orderId))?.archive).toMatchObject({
      fileName: 'archive.zip',
      size: 3000,
      chunks: 1,
    });
  });

  it('three chunks (archive.z001…, chunk 0..2, chunks 3, no meta): 206, 206, 200 and the files inside are listed', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const archive = orderArchive(2 * MIN + 500);
    const [a, b, c] = cut(archive, MIN) as [Uint8Array, Uint8Array, Uint8Array];
    const first = await sim.handle(chunkRequest(orderId, 0, 3, a));
    expect(first.status).toBe(206);
    // The spec's example answers every chunk with just the order number.
    expect(jsonOf(first)).toEqual({ orderId });
    sim.clock.advance('PT1M');
    const second = await sim.handle(chunkRequest(orderId, 1, 3, b));
    expect(second.status).toBe(206);
    expect(jsonOf(second)).toEqual({ orderId });
    sim.clock.advance('PT1M');
    const last = await sim.handle(chunkRequest(orderId, 2, 3, c));
    expect(last.status).toBe(200);
    expect(jsonOf(last)).toEqual({ orderId });
    const state = sim.portalState<EpguState>('epgu');
    expect(state.uploads.size).toBe(0);
    expect(state.orders.get(String(orderId))?.archive).toMatchObject({
      fileName: 'archive.zip',
      size: archive.length,
      chunks: 3,
    });
    expect(state.orders.get(String(orderId))?.archive?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const order = await orderOf(sim, orderId);
    expect((order.orderAttachmentFiles as { fileName: string }[]).map((file) => file.fileName)).toEqual([
      'req.xml',
      'trans.xml',
      'scan.pdf',
    ]);
  });

  it('the middle chunks may come in any order (parallel uploads); the last must come last', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const archive = orderArchive(4 * MIN + 10);
    const parts = cut(archive, MIN);
    expect(parts).toHaveLength(5);
    expect((await sim.handle(chunkRequest(orderId, 0, 5, parts[0] as Uint8Array))).status).toBe(206);
    expect((await sim.handle(chunkRequest(orderId, 3, 5, parts[3] as Uint8Array))).status).toBe(206);
    const early = await sim.handle(chunkRequest(orderId, 4, 5, parts[4] as Uint8Array));
    expect(early.status).toBe(400);
    expect(jsonOf(early)).toEqual({
      code: 'bad_request',
      message: 'chunk: the last chunk (4) must be sent after all others; still missing 1, 2',
    });
    expect((await sim.handle(chunkRequest(orderId, 2, 5, parts[2] as Uint8Array))).status).toBe(206);
    expect((await sim.handle(chunkRequest(orderId, 1, 5, parts[1] as Uint8Array))).status).toBe(206);
    expect((await sim.handle(chunkRequest(orderId, 4, 5, parts[4] as Uint8Array))).status).toBe(200);
    expect(sim.portalState<EpguState>('epgu').orders.get(String(orderId))?.archive?.size).toBe(
      archive.length,
    );
  });

  it('a chunk sent again with the same bytes is answered again; other bytes → 400; chunk 0 again restarts', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const parts = cut(orderArchive(2 * MIN + 100), MIN) as [Uint8Array, Uint8Array, Uint8Array];
    expect((await sim.handle(chunkRequest(orderId, 0, 3, parts[0]))).status).toBe(206);
    expect((await sim.handle(chunkRequest(orderId, 0, 3, parts[0]))).status).toBe(206);
    expect((await sim.handle(chunkRequest(orderId, 1, 3, parts[1]))).status).toBe(206);
    expect((await sim.handle(chunkRequest(orderId, 1, 3, parts[1]))).status).toBe(206);
    const other = await sim.handle(chunkRequest(orderId, 1, 3, zipBytes(MIN)));
    expect(jsonOf(other)).toEqual({
      code: 'bad_request',
      message: 'chunk: chunk 1 was already received with other bytes',
    });
    const changed = await sim.handle(chunkRequest(orderId, 1, 4, parts[1]));
    expect(jsonOf(changed).message).toBe('chunks: the upload was started with chunks=3, got 4');
    // A different first chunk starts the upload over.
    expect((await sim.handle(chunkRequest(orderId, 0, 3, zipBytes(MIN)))).status).toBe(206);
    expect(uploadsOf(sim).get(String(orderId))?.parts.size).toBe(1);
    expect((await sim.handle(chunkRequest(orderId, 0, 3, parts[0]))).status).toBe(206);
    expect((await sim.handle(chunkRequest(orderId, 1, 3, parts[1]))).status).toBe(206);
    expect((await sim.handle(chunkRequest(orderId, 2, 3, parts[2]))).status).toBe(200);
    // After completion the order takes no more chunks.
    const late = await sim.handle(chunkRequest(orderId, undefined, undefined, orderArchive(600)));
    expect(late.status).toBe(409);
    expect(jsonOf(late).code).toBe('push_denied');
  });

  it('all chunks within 5 virtual minutes of the first, else 409 push_denied and a fresh start', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const [a, b] = cut(orderArchive(MIN + 300), MIN) as [Uint8Array, Uint8Array];
    expect((await sim.handle(chunkRequest(orderId, 0, 2, a))).status).toBe(206);
    sim.clock.advance('PT5M1S');
    const late = await sim.handle(chunkRequest(orderId, 1, 2, b));
    expect(late.status).toBe(409);
    expect(jsonOf(late)).toMatchObject({ code: 'push_denied', message: expect.stringMatching(/300 с/) });
    expect(sim.portalState<EpguState>('epgu').storedBytes).toBe(0);
    // The upload was dropped: chunk 1 has nothing to join, chunk 0 starts again.
    const orphan = await sim.handle(chunkRequest(orderId, 1, 2, b));
    expect(jsonOf(orphan).message).toMatch(/must start with chunk 0/);
    expect((await sim.handle(chunkRequest(orderId, 0, 2, a))).status).toBe(206);
    sim.clock.advance('PT4M59S');
    expect((await sim.handle(chunkRequest(orderId, 1, 2, b))).status).toBe(200);
  });

  it('size rules (400 bad_request, never 413): small non-last chunk, chunk above the maximum, announced or sent', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const small = await sim.handle(chunkRequest(orderId, 0, 2, zipBytes(MIN - 1)));
    expect(small.status).toBe(400);
    expect(jsonOf(small).message).toBe(
      'file: chunk 0 has 1023 bytes; every chunk but the last needs at least 1024',
    );
    const big = await sim.handle(chunkRequest(orderId, 0, 2, zipBytes(4097)));
    expect(big.status).toBe(400);
    expect(jsonOf(big)).toEqual({
      code: 'bad_request',
      message: 'file: chunk 0 has 4097 bytes, more than 4096',
    });
    // A single chunk keeps the maximum (footnote 5) but not the minimum.
    expect((await sim.handle(chunkRequest(orderId, undefined, undefined, zipBytes(4097)))).status).toBe(400);
    // An announced body far over the limit is refused from its headers.
    const request = chunkRequest(orderId, 0, 2, zipBytes(MIN));
    const announced = await sim.handle({
      ...request,
      headers: { ...request.headers, 'content-length': '999999999' },
    });
    expect(announced.status).toBe(400);
    expect(jsonOf(announced).message).toMatch(/^file: the request body announces 999999999 bytes/);
  });

  it('chunk/chunks: both or neither; meta optional but must match the order; the zip signature first; owner checked', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    const a = zipBytes(MIN);
    const onlyChunk = await sim.handle(chunkRequest(orderId, 0, undefined, a));
    expect(jsonOf(onlyChunk).message).toMatch(/^chunks: required with 'chunk'/);
    const onlyChunks = await sim.handle(chunkRequest(orderId, undefined, 3, a));
    expect(jsonOf(onlyChunks).message).toBe(
      'chunk: required when chunks is 3 (the zero-based index of this chunk)',
    );
    const badCount = await sim.handle(chunkRequest(orderId, 0, 0, a));
    expect(jsonOf(badCount).message).toMatch(/^chunks: expected an integer from 1 to 10000/);
    const beyond = await sim.handle(chunkRequest(orderId, 3, 3, a));
    expect(jsonOf(beyond).message).toMatch(/^chunk: expected an integer from 0 to 2/);
    const notZip = await sim.handle(
      chunkRequest(
        orderId,
        0,
        2,
        a.map((byte) => byte ^ 0x55),
      ),
    );
    expect(jsonOf(notZip).message).toMatch(/zip signature/);
    const wrongMeta = await sim.handle(
      chunkRequest(orderId, 0, 2, a, { meta: { ...SCHOOL_ORDER, serviceCode: '10000000400' } }),
    );
    expect(jsonOf(wrongMeta)).toEqual({
      code: 'bad_request',
      message: "meta.serviceCode: '10000000400' differs from the order's 10000000367",
    });
    expect((await sim.handle(chunkRequest(orderId, 0, 2, a, { meta: SCHOOL_ORDER }))).status).toBe(206);
    const foreign = await sim.handle(chunkRequest(orderId, 1, 2, zipBytes(10), { token: bearer(5) }));
    expect(foreign.status).toBe(403);
    const unknown = await sim.handle(chunkRequest(orderId + 1, 0, 2, a));
    expect(unknown.status).toBe(204);
    expect(textOf(unknown)).toBe('');
    const { body, contentType } = multipart([{ name: 'file', value: a, filename: 'archive.z001' }]);
    const noOrder = await sim.handle(epguRequest('POST', '/api/gusmev/push/chunked', { body, contentType }));
    expect(jsonOf(noOrder).message).toBe("multipart part 'orderId' is required");
  });

  it('the assembled archive must be a readable zip; cancelling drops an upload in progress', async () => {
    sim = newSim();
    const orderId = await createDraft(sim);
    expect((await sim.handle(chunkRequest(orderId, 0, 2, zipBytes(MIN)))).status).toBe(206);
    const broken = await sim.handle(chunkRequest(orderId, 1, 2, zipBytes(10, 3)));
    expect(broken.status).toBe(400);
    expect(jsonOf(broken).message).toMatch(/^file: not a readable zip archive/);
    expect(uploadsOf(sim).size).toBe(0);
    expect((await sim.handle(chunkRequest(orderId, 0, 2, zipBytes(MIN)))).status).toBe(206);
    expect(sim.portalState<EpguState>('epgu').storedBytes).toBe(MIN);
    expect((await sim.handle(epguRequest('POST', `/api/gusmev/order/${orderId}/cancel`))).status).toBe(200);
    expect(uploadsOf(sim).size).toBe(0);
    expect(sim.portalState<EpguState>('epgu').storedBytes).toBe(0);
  });

  it('the simulator keeps archives within storageMaxBytes: the oldest are dropped, their downloads answer 204', async () => {
    sim = newEpguSim({ storageMaxBytes: 5000, outcomes: { validationErrorRate: 0, filesFailedRate: 0 } });
    const first = await createDraft(sim);
    expect((await sim.handle(chunkRequest(first, undefined, undefined, orderArchive(3000)))).status).toBe(
      200,
    );
    const second = await createDraft(sim);
    expect((await sim.handle(chunkRequest(second, undefined, undefined, orderArchive(3000)))).status).toBe(
      200,
    );
    const state = sim.portalState<EpguState>('epgu');
    expect([...state.storage.keys()]).toEqual([String(second)]);
    expect(state.storedBytes).toBe(3000);
    const gone = await sim.handle(
      epguRequest('GET', `/api/storage/v2/files/${first}/2/download?mnemonic=req.xml`),
    );
    expect(gone.status).toBe(204);
    expect(gone.headers['x-goskit-reason']).toMatch(/no longer kept/);
    // The listing stays.
    expect((await orderOf(sim, first)).orderAttachmentFiles).toHaveLength(3);
    const kept = await sim.handle(
      epguRequest('GET', `/api/storage/v2/files/${second}/2/download?mnemonic=req.xml`),
    );
    expect(kept.status).toBe(200);
  });
});
