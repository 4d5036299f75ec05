/**
 * The example's two scenes against the standalone simulator over real sockets: the control API on
 * HTTP, the gospochta portal on its HTTPS listener with mutual TLS (certificates the control API
 * issued). Checks what a school and a parent rely on: the act names the document's hash and the
 * addressee, a parent without the consent flag gets no delivery, a fee is charged once however often
 * the parent runs the command.
 */
import { createHash } from 'node:crypto';
import {
  createSimulator,
  esiaPortal,
  type GospochtaState,
  gospochtaPortal,
  type Simulator,
  type SimulatorServer,
} from '@goskit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeScene, paymentScene } from '../src/demo.js';
import { noticePdf } from '../src/notice-pdf.js';
import { linkToSimulator, type SimulatorLink } from '../src/simulator-link.js';

let sim: Simulator;
let server: SimulatorServer;
let link: SimulatorLink;

beforeAll(async () => {
  sim = createSimulator({ seed: 'example-gospochta-notices', portals: [esiaPortal(), gospochtaPortal()] });
  server = await sim.listen({ port: 0, tlsPort: 0 });
  link = await linkToSimulator({ simulatorUrl: server.url, gospochtaUrl: server.tlsBaseUrl('gospochta') });
});

afterAll(async () => {
  await link?.close();
  await server?.close();
});

describe('examples/gospochta-notices', () => {
  let uin: string;

  it('the school’s notice reaches the parent and comes back with a signed delivery act', async () => {
    const scene = await noticeScene(link);
    uin = scene.uin;
    expect(['delivered', 'read']).toContain(scene.letter.status);
    expect(scene.act.letterId).toBe(scene.letter.id);
    expect(scene.act.legalFact).toBe('delivered');
    const pdf = noticePdf(`Fee notice, UIN ${uin}`);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect(scene.act.documents.map((document) => document.sha256)).toEqual([sha256]);
    expect(scene.act.addressee.lastName).toBe('Иванов');
    expect(new TextDecoder().decode(scene.actPdf.subarray(0, 5))).toBe('%PDF-');
    expect(scene.signature.split('.')).toHaveLength(3);
    // Every call went over the HTTPS listener.
    const calls = sim.journal.find({ portal: 'gospochta' });
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.every((entry) => entry.url.startsWith('https://127.0.0.1:'))).toBe(true);
  });

  it('the parent pays the fee by УИН once, however often the command runs', async () => {
    const first = await paymentScene(link, uin);
    expect(first.payment.status).toBe('completed');
    expect(first.payment.amount).toBe(350_000);
    expect(first.replayed).toBe(false);
    expect(first.receipt.uin).toBe(uin);
    expect(new TextDecoder().decode(first.receiptPdf.subarray(0, 5))).toBe('%PDF-');
    const again = await paymentScene(link, uin);
    expect(again.replayed).toBe(true);
    expect(again.payment.id).toBe(first.payment.id);
    const payments = [...sim.portalState<GospochtaState>('gospochta').payments.values()];
    expect(payments.filter((payment) => payment.uin === uin)).toHaveLength(1);
  });

  it('a parent without the consent flag gets no delivery: the act records the refusal', async () => {
    const scene = await noticeScene(link, 'parent-1a-02');
    expect(scene.letter.status).toBe('refused');
    expect(scene.act.legalFact).toBe('refused');
  });
});
