/**
 * Letters against the goskit simulator's gospochta portal (in process, MSW): the inbox (pages, filters, attachments
 * checked against their hashes, mark read), the legally significant send (hashes, CMS signatures,
 * idempotency), statuses by polling on the virtual clock, delivery acts (signed JSON + PDF), refusal
 * without the consent flag, and the SLA report of a batch.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedirectError } from '@goskit/core';
import { fromBase64Any, verifyDetachedSignedData } from '@goskit/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GospochtaApiError,
  GospochtaValidationError,
  IdempotencyConflictError,
  type OutgoingLetter,
  PacketError,
  type SendLetterInput,
  SignatureInvalidError,
} from '../src/index.js';
import { gostSigner, rsaSigner } from './helpers/fixtures.js';
import { minimalPdf, tinyJpeg } from './helpers/pdf.js';
import { createWorld, NO_CONSENT, PARENT, PARENT_SYSTEM, SCHOOL, type World } from './helpers/setup.js';

let world: World;
beforeAll(async () => {
  world = await createWorld({ portal: { timing: { deliveryMs: [60_000, 60_000] } } });
});
afterAll(() => world.close());

const notice = (over: Partial<SendLetterInput> = {}): SendLetterInput => ({
  recipient: {
    lastName: PARENT.lastName,
    firstName: PARENT.firstName,
    middleName: PARENT.middleName,
    snils: PARENT.snils,
  },
  documentType: 'court-notice',
  subject: 'Судебное извещение по делу № 2-1234/2025',
  text: 'Вы вызываетесь в судебное заседание.',
  attachments: [
    { name: 'notice.pdf', mediaType: 'application/pdf', content: minimalPdf(['Notice 2-1234/2025']) },
    { name: 'scan.jpg', mediaType: 'image/jpeg', content: tinyJpeg(7) },
  ],
  ...over,
});

describe('inbox', () => {
  it('lists pages with filters, opens a letter and downloads its attachments checked against their hashes', async () => {
    const parent = world.client(PARENT_SYSTEM);
    const first = await parent.letters.listInbox({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const all = await parent.letters.inbox({ limit: 1 }).toArray({ limit: 10 });
    expect(all.map((l) => l.documentType).sort()).toEqual(['fine-decision', 'notice', 'tax-notice']);
    expect((await parent.letters.listInbox({ documentType: 'tax-notice' })).items).toHaveLength(1);
    const taxNotice = all.find((l) => l.documentType === 'tax-notice');
    const letter = await parent.letters.get(taxNotice?.id as string);
    expect(letter.recipient).toEqual({
      lastName: PARENT.lastName,
      firstName: PARENT.firstName,
      middleName: PARENT.middleName,
    });
    expect(letter.attachments.map((a) => a.kind).sort()).toEqual(['original', 'scan']);
    for (const attachment of letter.attachments) {
      const file = await parent.letters.downloadAttachment(letter.id, attachment);
      expect(file.bytes.length).toBe(attachment.size);
    }
    const byId = await parent.letters.downloadAttachment(letter.id, `${letter.id}_orig`);
    expect(new TextDecoder().decode(byId.bytes.subarray(0, 5))).toBe('%PDF-');
  });

  it('refuses an attachment whose bytes do not match the letter’s hashes', async () => {
    const parent = world.client(PARENT_SYSTEM);
    const [summary] = await parent.letters.inbox().toArray({ limit: 1 });
    const letter = await parent.letters.get(summary?.id as string);
    const attachment = letter.attachments[0] as (typeof letter.attachments)[number];
    const error = await parent.letters
      .downloadAttachment(letter.id, { ...attachment, sha256: '0'.repeat(64) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignatureInvalidError);
    expect(error).toMatchObject({ subject: 'attachment', reason: 'sha256-mismatch' });
  });

  it('marks a letter read (idempotently) and filters new from read', async () => {
    const parent = world.client(PARENT_SYSTEM);
    const fresh = await parent.letters.listInbox({ status: 'new' });
    const target = fresh.items[0]?.id as string;
    const read = await parent.letters.markRead(target);
    expect(read.status).toBe('read');
    const again = await parent.letters.markRead(target);
    expect(again.readAt).toBe(read.readAt);
    expect((await parent.letters.listInbox({ status: 'read' })).items.map((l) => l.id)).toContain(target);
  });

  it('gives a typed error for ids that are not ids, and 404 for hostile but well-formed ones', async () => {
    const parent = world.client(PARENT_SYSTEM);
    await expect(parent.letters.get('../admin')).rejects.toBeInstanceOf(GospochtaValidationError);
    await expect(parent.letters.get('a?b')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ field: 'letterId', code: 'ID_FORMAT' }],
    });
    for (const id of ['__proto__', 'constructor', 'toString']) {
      const error = await parent.letters.get(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GospochtaApiError);
      expect(error).toMatchObject({ status: 404, portalCode: 'NOT_FOUND' });
    }
    await expect(parent.letters.listInbox({ limit: 0 })).rejects.toMatchObject({
      issues: [{ field: 'limit' }],
    });
    await expect(parent.letters.listInbox({}, 'x y')).rejects.toMatchObject({
      issues: [{ field: 'cursor', code: 'CURSOR_FORMAT' }],
    });
  });

  it('refuses a cursor put in the filter (it would be ignored: page one again and again)', async () => {
    const parent = world.client(PARENT_SYSTEM);
    const school = world.client(SCHOOL);
    const sent = world.wire.length;
    const misplaced = { limit: 10, cursor: '10' } as never;
    for (const call of [() => parent.letters.listInbox(misplaced), () => school.outbox.listPage(misplaced)]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GospochtaValidationError);
      expect(error).toMatchObject({ issues: [{ field: 'cursor', code: 'CURSOR_PLACE' }] });
      expect((error as Error).message).toContain('second argument');
    }
    expect(() => school.outbox.list(misplaced)).toThrow(GospochtaValidationError);
    expect(() => parent.payments.list(misplaced)).toThrow(GospochtaValidationError);
    expect(() => parent.documents.list(misplaced)).toThrow(GospochtaValidationError);
    // Nothing went out; the right place still works.
    expect(world.wire.length).toBe(sent);
    const first = await parent.letters.listInbox({ limit: 1 });
    expect(first.items).toHaveLength(1);
    const second = await parent.letters.listInbox({ limit: 1 }, first.nextCursor as string);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });
});

describe('legally significant send', () => {
  it('sends with hashed and signed attachments, reaches delivered → read, with a verified delivery act', async () => {
    const school = world.client(SCHOOL);
    const parent = world.client(PARENT_SYSTEM);
    const sent = await school.outbox.send(notice({ externalId: 'case-2-1234' }));
    expect(sent.letter.status).toBe('accepted');
    expect(sent.replayed).toBe(false);
    expect(sent.letter.recipient.snils).toBe(PARENT.snils);

    // The portal received the attachments with both hashes and a GOST CMS signature over the bytes.
    const stored = world.state().outgoing.get(sent.letter.id);
    expect(stored?.files.map((f) => f.sha256)).toEqual(sent.letter.attachments.map((a) => a.sha256));

    const delivered = await school.outbox.waitForStatus(sent.letter.id, { until: 'delivered' });
    expect(delivered.status).toBe('delivered');
    expect(delivered.statusHistory.map((h) => h.status)).toEqual(['accepted', 'sent', 'delivered']);

    const act = await school.outbox.deliveryAct(sent.letter.id, { letter: delivered });
    expect(act.act).toMatchObject({
      letterId: sent.letter.id,
      legalFact: 'delivered',
      externalId: 'case-2-1234',
      documentType: 'court-notice',
    });
    expect(act.act.addressee).toMatchObject({ lastName: PARENT.lastName, snils: PARENT.snils });
    expect(act.act.documents.map((d) => d.sha256)).toEqual(delivered.attachments.map((a) => a.sha256));
    expect(act.signedBy).toMatchObject({
      alg: 'GOST3410_2012_256',
      signer: expect.stringContaining('Госпочта'),
    });
    const pdf = await school.outbox.deliveryActPdf(sent.letter.id, act);
    expect(new TextDecoder().decode(pdf.subarray(0, 8))).toBe('%PDF-1.4');

    // The parent finds it in the inbox and reads it; the sender sees «read» and a re-issued act.
    const incoming = (await parent.letters.inbox().toArray({ limit: 20 })).find(
      (l) => l.subject === sent.letter.subject,
    );
    expect(incoming).toBeDefined();
    await parent.letters.markRead(incoming?.id as string);
    const read = await school.outbox.waitForStatus(sent.letter.id, { until: 'read' });
    expect(read.status).toBe('read');
    expect((await school.outbox.deliveryAct(sent.letter.id)).act.legalFact).toBe('read');
  });

  it('signs attachments with RSA too (detached CMS the portal verifies)', async () => {
    const rsa = await rsaSigner('/CN=School RSA signer');
    const school = world.client(SCHOOL, { signer: rsa.signer });
    const sent = await school.outbox.send(notice());
    const stored = world.state().outgoing.get(sent.letter.id);
    expect(stored?.files).toHaveLength(2);
    // What the portal checked, checked again here from the wire.
    const wire = world.wire
      .filter((w) => w.direction === 'in' && w.headers['x-request-id'] === sent.requestId)
      .at(-1);
    expect(wire).toBeDefined();
    const body = JSON.parse(new TextDecoder().decode(wire?.body));
    const first = body.attachments[0];
    const verification = await verifyDetachedSignedData(
      fromBase64Any(first.signature),
      fromBase64Any(first.content),
    );
    expect(verification).toMatchObject({ valid: true, family: 'rsa' });
  }, 60_000);

  it('is refused (not failed) when the addressee has no consent flag, with a signed act saying so', async () => {
    const school = world.client(SCHOOL);
    const sent = await school.outbox.send(
      notice({
        recipient: {
          lastName: NO_CONSENT.lastName,
          firstName: NO_CONSENT.firstName,
          snils: NO_CONSENT.snils,
        },
      }),
    );
    const final = await school.outbox.waitForStatus(sent.letter.id, { until: 'delivered' });
    expect(final.status).toBe('refused');
    expect(final.refusalReason).toBe('no-consent');
    const act = await school.outbox.deliveryAct(sent.letter.id);
    expect(act.act).toMatchObject({ legalFact: 'refused', refusalReason: 'no-consent' });
  });

  it('checks the addressee and the files before sending, naming every broken rule', async () => {
    const school = world.client(SCHOOL);
    const error = await school.outbox
      .send(
        notice({
          recipient: { lastName: 'П3трова', firstName: PARENT.firstName, snils: '112-233-445 96' },
          documentType: 'summons' as never,
          attachments: [
            { name: 'a/b.pdf', mediaType: 'application/pdf', content: minimalPdf(['x']) },
            { name: 'fake.pdf', mediaType: 'application/pdf', content: tinyJpeg(1) },
            { name: 'x.exe', mediaType: 'application/x-msdownload' as never, content: new Uint8Array([1]) },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GospochtaValidationError);
    const fields = (error as GospochtaValidationError).issues.map((i) => `${i.field}:${i.code}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'recipient.lastName:PERSON_NAME',
        'recipient.snils:SNILS_CHECKSUM',
        'documentType:DOCUMENT_TYPE',
        'attachments.0.name:FILE_NAME',
        'attachments.1.content:MEDIA_TYPE_MISMATCH',
        'attachments.2.mediaType:MEDIA_TYPE',
      ]),
    );
    expect((error as GospochtaValidationError).message).not.toContain('112-233-445 96');
    expect((error as GospochtaValidationError).messageRu).toContain('СНИЛС');
    expect(world.wire.some((w) => new TextDecoder().decode(w.body).includes('fake.pdf'))).toBe(false);
  });

  it('sends once per idempotency key: a lost answer is retried and replayed, another letter with the key is refused', async () => {
    const school = world.client(SCHOOL);
    const before = world.state().outgoing.size;
    // The answer is lost after the portal acted (the body never arrives).
    world.fault('sendLetter', { truncate: 0 });
    const sent = await school.outbox.send(notice({ idempotencyKey: 'letter-key-0001' }));
    expect(sent.replayed).toBe(true);
    expect(world.state().outgoing.size).toBe(before + 1);

    // The same key after a restart (a new client, GOST signatures made again) is the same letter.
    const restarted = world.client(SCHOOL);
    const again = await restarted.outbox.send(notice({ idempotencyKey: 'letter-key-0001' }));
    expect(again.letter.id).toBe(sent.letter.id);
    expect(world.state().outgoing.size).toBe(before + 1);

    // Another letter with the key: refused locally by the client that used it, and by the portal.
    await expect(
      school.outbox.send(notice({ subject: 'Другое', idempotencyKey: 'letter-key-0001' })),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      source: 'local',
    });
    const error = await world
      .client(SCHOOL)
      .outbox.send(notice({ subject: 'Другое', idempotencyKey: 'letter-key-0001' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toMatchObject({ source: 'portal' });
    expect(world.state().outgoing.size).toBe(before + 1);
  });

  it('refuses a tampered response instead of returning it', async () => {
    const school = world.client(SCHOOL, { retry: false });
    const sent = await school.outbox.send(notice());
    world.fault('getOutgoingLetter', { corruptBody: true });
    await expect(school.outbox.get(sent.letter.id)).rejects.toMatchObject({
      code: 'PACKET_REJECTED',
      check: 'digest',
    });
    world.fault('getOutgoingLetter', {
      headers: {
        'x-gospochta-packet': `v=1;kid=demo;ts=${world.clock.now()};nonce=${'A'.repeat(22)};mac=${'A'.repeat(43)}`,
      },
    });
    const error = await school.outbox.get(sent.letter.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PacketError);
    expect((error as PacketError).check).toBe('mac');
  });

  it('never follows a redirect: the token and the packet stay with the configured portal', async () => {
    const elsewhere = createServer((_request, response) => {
      reached += 1;
      response.end('{}');
    });
    let reached = 0;
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const school = world.client(SCHOOL, { retry: false });
      const location = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/steal`;
      world.fault('listOutbox', { status: 307, headers: { location } });
      const error = await school.outbox.listPage().catch((e: unknown) => e);
      // core refuses a redirect to another origin before anything is sent there.
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ status: 307 });
      expect(reached).toBe(0);
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });

  it('refuses a delivery act signed by a certificate it does not trust', async () => {
    const stranger = gostSigner('CN=Not the portal');
    const school = world.client(SCHOOL, { portalCertificates: [stranger.certificatePem] });
    const sent = await school.outbox.send(notice());
    await school.outbox.waitForStatus(sent.letter.id);
    const error = await school.outbox.deliveryAct(sent.letter.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignatureInvalidError);
    expect(error).toMatchObject({ subject: 'delivery-act', reason: 'signature-mismatch' });
  });

  it('lists the outbox by status and external id', async () => {
    const school = world.client(SCHOOL);
    const refused = await school.outbox.list({ status: 'refused' }).toArray({ limit: 100 });
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((l) => l.status === 'refused')).toBe(true);
    const byExternal = await school.outbox.listPage({ externalId: 'case-2-1234' });
    expect(byExternal.items).toHaveLength(1);
  });
});

describe('SLA', () => {
  it('reports a batch: confirmations within 5 minutes, failures, refusals', async () => {
    const school = world.client(SCHOOL);
    const batch = [
      notice({ subject: 'Пакет 1' }),
      notice({ subject: 'Пакет 2' }),
      notice({
        subject: 'Пакет 3',
        recipient: {
          lastName: NO_CONSENT.lastName,
          firstName: NO_CONSENT.firstName,
          snils: NO_CONSENT.snils,
        },
      }),
    ];
    const { items, report } = await school.outbox.sendBatch(batch, { concurrency: 2, pollIntervalMs: 5_000 });
    expect(items.every((item) => item.error === undefined)).toBe(true);
    expect(report).toMatchObject({
      total: 3,
      confirmed: 3,
      confirmedWithinSla: 3,
      late: 0,
      unconfirmed: 0,
      sendFailures: 0,
      failureRate: 0,
      slaMet: true,
    });
    expect(report.byStatus).toMatchObject({ delivered: 2, refused: 1 });
    expect(report.confirmationMs).toMatchObject({ p50: 60_000, max: 60_000 });
  });

  it('misses the SLA when a letter fails or confirms late', () => {
    const school = world.client(SCHOOL);
    const at = (s: number) => new Date(Date.parse('2025-09-01T09:00:00Z') + s * 1000).toISOString();
    const letter = (id: string, history: [string, number][]): OutgoingLetter => ({
      id,
      status: history.at(-1)?.[0] as 'delivered',
      documentType: 'notice',
      subject: 's',
      recipient: { lastName: 'a', firstName: 'b', snils: 'c' },
      acceptedAt: at(0),
      updatedAt: at(history.at(-1)?.[1] ?? 0),
      statusHistory: history.map(([status, s]) => ({ status: status as 'delivered', at: at(s) })),
      attachments: [],
    });
    const report = school.outbox.measureSla([
      letter('a', [
        ['accepted', 0],
        ['sent', 1],
        ['delivered', 60],
      ]),
      letter('b', [
        ['accepted', 0],
        ['sent', 1],
        ['delivered', 400],
      ]),
      letter('c', [
        ['accepted', 0],
        ['failed', 10],
      ]),
      letter('d', [
        ['accepted', 0],
        ['sent', 1],
      ]),
    ]);
    expect(report).toMatchObject({
      total: 4,
      confirmed: 3,
      confirmedWithinSla: 2,
      late: 2,
      unconfirmed: 1,
      failureRate: 0.25,
      slaMet: false,
    });
  });
});
