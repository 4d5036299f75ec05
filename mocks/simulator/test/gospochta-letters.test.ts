/**
 * Letters at the gospochta portal on the virtual clock, sent with the real @goskit/gospochta client:
 * accepted → sent → delivered → read with exact times, refusal without the consent flag or without
 * a profile, failures and late confirmations from the SLA settings, the consent flag changed while a
 * letter is on its way, the addressee reading (inbox or control route), delivery acts re-issued per
 * legal fact with valid PDFs (qpdf, pdftotext), attachments checked at the portal (hash, CMS
 * signature, media type), and idempotent sending.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDetachedSignedData, toBase64 } from '@goskit/crypto';
import { hashFile } from '@goskit/gospochta/protocol';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePdf } from '../src/portals/gospochta/files/pdf.js';
import { createGospochtaWorld, type GospochtaWorld, notice } from './gospochta-support.js';

let world: GospochtaWorld;
const server = setupServer();
beforeAll(async () => {
  world = await createGospochtaWorld({
    portal: { timing: { deliveryMs: [60_000, 60_000] }, signatureAlg: 'RS256' },
  });
  server.use(...world.sim.handlers);
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'gospochta-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    execFileSync('qpdf', ['--check', join(dir, 'a.pdf')], { stdio: 'pipe' });
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the way of a letter', () => {
  it('goes accepted → sent (+1 s) → delivered (+60 s) → read, with acts re-issued per legal fact', async () => {
    const school = world.client('demo-school');
    const parent = world.client('demo-parent-app');
    const start = world.sim.clock.now();
    const sent = await school.outbox.send(
      notice(world.parent, { externalId: 'case-1', subject: 'Путь письма' }),
    );
    expect(sent.letter.status).toBe('accepted');
    const polled = await school.outbox.get(sent.letter.id);
    expect(polled.status).toBe('accepted');
    world.sim.clock.advance(1_000);
    expect((await school.outbox.get(sent.letter.id)).status).toBe('sent');
    await expect(school.outbox.deliveryAct(sent.letter.id)).rejects.toMatchObject({
      status: 409,
      portalCode: 'NOT_READY',
    });
    world.sim.clock.advance(59_000);
    const delivered = await school.outbox.get(sent.letter.id);
    expect(delivered.statusHistory.map((change) => [change.status, Date.parse(change.at) - start])).toEqual([
      ['accepted', 0],
      ['sent', 1_000],
      ['delivered', 60_000],
    ]);
    const act = await school.outbox.deliveryAct(sent.letter.id, { letter: delivered });
    expect(act.act).toMatchObject({ legalFact: 'delivered', externalId: 'case-1', letterId: sent.letter.id });
    expect(act.signedBy).toMatchObject({ alg: 'RS256', signer: expect.stringContaining('Госпочта') });
    const text = pdfText(await school.outbox.deliveryActPdf(sent.letter.id, act));
    expect(text).toContain('Акт о доставке юридически значимого сообщения');
    expect(text).toContain('доставлено адресату');
    expect(text).toContain(`***-***-*** ${world.parent.snils.slice(-2)}`);
    expect(text).not.toContain(world.parent.snils);
    expect(text).not.toContain(world.parent.lastName);

    const inbox = await parent.letters.listInbox({ status: 'new' });
    const incoming = inbox.items.find((item) => item.subject === 'Путь письма');
    expect(incoming).toMatchObject({ legallySignificant: true, status: 'new' });
    world.sim.clock.advance(3_600_000);
    await parent.letters.markRead(incoming?.id as string);
    const read = await school.outbox.get(sent.letter.id);
    expect(read.status).toBe('read');
    expect(Date.parse(read.statusHistory.at(-1)?.at as string) - start).toBe(3_660_000);
    const again = await school.outbox.deliveryAct(sent.letter.id);
    expect(again.act).toMatchObject({ legalFact: 'read', readAt: read.statusHistory.at(-1)?.at });
    expect(again.signature).not.toBe(act.signature);
    expect((await school.outbox.deliveryAct(sent.letter.id)).signature).toBe(again.signature);
  });

  it('is refused without the consent flag (+30 s) and without a profile (+5 s), each with a signed act', async () => {
    const school = world.client('demo-school');
    const noConsent = await school.outbox.send(notice(world.noConsent));
    const stranger = await school.outbox.send(
      notice({ ...world.parent, snils: '112-233-445 95', lastName: 'Незнакомова' }),
    );
    world.sim.clock.advance(5_000);
    expect(await school.outbox.get(stranger.letter.id)).toMatchObject({
      status: 'refused',
      refusalReason: 'addressee-not-found',
    });
    expect((await school.outbox.get(noConsent.letter.id)).status).toBe('sent');
    world.sim.clock.advance(25_000);
    const refused = await school.outbox.get(noConsent.letter.id);
    expect(refused).toMatchObject({ status: 'refused', refusalReason: 'no-consent' });
    const act = await school.outbox.deliveryAct(noConsent.letter.id);
    expect(act.act).toMatchObject({ legalFact: 'refused', refusalReason: 'no-consent' });
    expect(pdfText(await school.outbox.deliveryActPdf(noConsent.letter.id, act))).toContain(
      'не дал согласия',
    );
  });

  it('sees the consent flag as it is when the letter reaches ГЭПС, not before and not after', async () => {
    const school = world.client('demo-school');
    world.service.setConsent(world.parent.id, false);
    const blocked = await school.outbox.send(notice(world.parent));
    world.service.setConsent(world.parent.id, true);
    const allowed = await school.outbox.send(notice(world.parent));
    world.sim.clock.advance(1_000);
    // Both reached ГЭПС with the flag set; taking it away now changes neither.
    world.service.setConsent(world.parent.id, false);
    world.sim.clock.advance(59_000);
    world.service.setConsent(world.parent.id, true);
    expect((await school.outbox.get(blocked.letter.id)).status).toBe('delivered');
    expect((await school.outbox.get(allowed.letter.id)).status).toBe('delivered');
    world.service.setConsent(world.parent.id, false);
    const late = await school.outbox.send(notice(world.parent));
    world.sim.clock.advance(30_000);
    world.service.setConsent(world.parent.id, true);
    expect((await school.outbox.get(late.letter.id)).status).toBe('refused');
  });

  it('lets the addressee read through the control route (acting as them), for delivered letters only', async () => {
    const school = world.client('demo-school');
    const sent = await school.outbox.send(notice(world.parent));
    expect(() => world.service.readLetter(sent.letter.id)).toThrow(/not delivered/);
    world.sim.clock.advance(60_000);
    expect(world.service.readLetter(sent.letter.id)).toEqual({ letterId: sent.letter.id, status: 'read' });
    expect((await school.outbox.get(sent.letter.id)).status).toBe('read');
  });

  it('answers Retry-After with the seconds to the next step while a letter is on its way', async () => {
    const token = await world.token('demo-school');
    const school = world.client('demo-school');
    const sent = await school.outbox.send(notice(world.parent));
    const first = await world.raw({ method: 'GET', target: `/v1/outbox/${sent.letter.id}`, token });
    expect(first.headers.get('retry-after')).toBe('1');
    world.sim.clock.advance(1_000);
    const second = await world.raw({ method: 'GET', target: `/v1/outbox/${sent.letter.id}`, token });
    expect(second.headers.get('retry-after')).toBe('59');
  });
});

describe('the SLA', () => {
  it('fails letters at the configured failure rate and confirms late ones after the deadline', async () => {
    const failing = await createGospochtaWorld({
      seed: 'sla-1',
      data: { sla: { failureRate: 1 } },
      portal: { hosts: ['https://geps-failing.test.gosuslugi.ru'] },
    });
    const late = await createGospochtaWorld({
      seed: 'sla-2',
      data: { sla: { lateRate: 1, confirmWithinMs: 120_000 } },
      portal: { hosts: ['https://geps-late.test.gosuslugi.ru'] },
    });
    // Only their gospochta hosts: the ESIA hosts stay the main world's.
    server.use(...failing.sim.handlers.slice(-1), ...late.sim.handlers.slice(-1));
    const failingSchool = failing.client('demo-school');
    const sent = await failingSchool.outbox.send(notice(failing.parent));
    const failed = await failingSchool.outbox.waitForStatus(sent.letter.id);
    expect(failed).toMatchObject({ status: 'failed', failureReason: 'delivery-error' });
    expect(failingSchool.outbox.measureSla([failed])).toMatchObject({ failureRate: 1, slaMet: false });

    const lateSchool = late.client('demo-school');
    const slow = await lateSchool.outbox.send(notice(late.parent));
    const confirmed = await lateSchool.outbox.waitForStatus(slow.letter.id);
    expect(confirmed.status).toBe('delivered');
    const report = lateSchool.outbox.measureSla([confirmed], { confirmWithinMs: 120_000 });
    expect(report).toMatchObject({ confirmed: 1, late: 1, slaMet: false });
  });
});

describe('attachments at the portal', () => {
  async function rawSend(attachment: Record<string, unknown>) {
    return world.raw({
      method: 'POST',
      target: '/v1/outbox',
      idempotencyKey: `raw-${world.sim.random.uuid()}`,
      json: {
        recipient: {
          lastName: world.parent.lastName,
          firstName: world.parent.firstName,
          snils: world.parent.snils,
        },
        documentType: 'notice',
        subject: 'Проверка вложения',
        attachments: [attachment],
      },
    });
  }

  it('refuses wrong hashes, a signature over other bytes, and a file that is not its media type', async () => {
    const content = writePdf({ title: 'Вложение', lines: ['x'], createdAt: 0 });
    const hashes = await hashFile(content);
    const signature = toBase64(await createDetachedSignedData({ signer: world.signer, content }));
    const good = {
      name: 'a.pdf',
      mediaType: 'application/pdf',
      content: toBase64(content),
      ...hashes,
      signature,
    };
    expect((await rawSend(good)).status).toBe(202);
    const before = world.state().outgoing.size;
    expect(await rawSend({ ...good, sha256: '0'.repeat(64) })).toMatchObject({
      status: 422,
      body: { code: 'SIGNATURE_INVALID', field: '/attachments/0/sha256' },
    });
    const otherSignature = toBase64(
      await createDetachedSignedData({
        signer: world.signer,
        content: writePdf({ title: 'другое', lines: [], createdAt: 0 }),
      }),
    );
    expect(await rawSend({ ...good, signature: otherSignature })).toMatchObject({
      status: 422,
      body: { code: 'SIGNATURE_INVALID', field: '/attachments/0/signature' },
    });
    expect(await rawSend({ ...good, signature: toBase64(new Uint8Array([1, 2, 3])) })).toMatchObject({
      status: 422,
      body: { field: '/attachments/0/signature' },
    });
    expect(await rawSend({ ...good, mediaType: 'image/png' })).toMatchObject({
      status: 422,
      body: { code: 'VALIDATION_FAILED', field: '/attachments/0/content' },
    });
    expect(world.state().outgoing.size).toBe(before);
  });

  it('refuses an addressee with a bad СНИЛС, in Russian and English, without echoing it', async () => {
    const answer = await world.raw({
      method: 'POST',
      target: '/v1/outbox',
      idempotencyKey: 'bad-snils-0001',
      json: {
        recipient: { lastName: 'Петрова', firstName: 'Анна', snils: '112-233-445 96' },
        documentType: 'notice',
        subject: 's',
        attachments: [
          {
            name: 'a.pdf',
            mediaType: 'application/pdf',
            content: 'JVBERi0=',
            sha256: '0'.repeat(64),
            streebog256: '0'.repeat(64),
            signature: 'AA==',
          },
        ],
      },
    });
    expect(answer.status).toBe(422);
    const issue = (
      answer.body as { issues: { field: string; code: string; message: { ru: string; en: string } }[] }
    ).issues[0];
    expect(issue).toMatchObject({ field: '/recipient/snils', code: 'SNILS_CHECKSUM' });
    expect(issue?.message.ru).toMatch(/СНИЛС/);
    expect(JSON.stringify(answer.body)).not.toContain('445 96');
  });
});

describe('idempotent sending', () => {
  it('replays the first answer byte for byte under the same key, and refuses another letter under it', async () => {
    const school = world.client('demo-school');
    const first = await school.outbox.send(notice(world.parent, { idempotencyKey: 'letter-key-0001' }));
    const count = world.state().outgoing.size;
    const again = await world
      .client('demo-school')
      .outbox.send(notice(world.parent, { idempotencyKey: 'letter-key-0001' }));
    expect(again).toMatchObject({ replayed: true, letter: { id: first.letter.id } });
    await expect(
      world
        .client('demo-school')
        .outbox.send(notice(world.parent, { subject: 'Другое', idempotencyKey: 'letter-key-0001' })),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', source: 'portal' });
    expect(world.state().outgoing.size).toBe(count);
    const answers = world.sim.journal.find({ portal: 'gospochta', operation: 'sendLetter', status: 202 });
    const bodies = new Set(answers.slice(-2).map((entry) => entry.responseBodySha256));
    expect(bodies.size).toBe(1);
  });
});
