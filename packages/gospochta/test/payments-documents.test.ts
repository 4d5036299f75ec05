/**
 * Payments and documents against the goskit simulator's gospochta portal (in process, MSW): charges found by УИН, ИНН or СНИЛС (checked before
 * sending), a payment made exactly once through lost answers, 5xx and resets, a different payment with
 * the same key refused, verified receipts (JSON + PDF); documents requested, polled until ready,
 * downloaded by an expiring link with the agency's CMS signature verified.
 */
import { generateUin } from '@goskit/validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GospochtaApiError,
  GospochtaValidationError,
  LinkExpiredError,
  SignatureInvalidError,
  UnsafeLinkError,
} from '../src/index.js';
import { gostSigner } from './helpers/fixtures.js';
import { createWorld, PARENT, PARENT_SYSTEM, problem, SCHOOL, type World } from './helpers/setup.js';

let world: World;
beforeAll(async () => {
  // Links live 60 s, so the test can see them expire.
  world = await createWorld({ portal: { documentLinkTtlMs: 60_000 } });
});
afterAll(() => world.close());

const payer = { lastName: PARENT.lastName, firstName: PARENT.firstName, snils: PARENT.snils };
const inProgress = {
  ...problem(409, 'IDEMPOTENCY_IN_PROGRESS'),
  headers: { 'content-type': 'application/problem+json', 'retry-after': '0' },
};

describe('charges', () => {
  it('finds the same charge by УИН, ИНН and СНИЛС; ИНН and СНИЛС never travel in plain text', async () => {
    const parent = world.client(PARENT_SYSTEM);
    const byUin = await parent.payments.findCharges({ uin: world.uin });
    const byInn = await parent.payments.findCharges({ inn: PARENT.inn });
    const bySnils = await parent.payments.findCharges({ snils: PARENT.snils.replace(/\D/g, '') });
    expect(byUin.map((c) => c.uin)).toEqual([world.uin]);
    for (const found of [byInn, bySnils]) {
      expect(found.map((c) => c.uin)).toContain(world.uin);
      expect(found).toHaveLength(3);
    }
    expect(byUin[0]).toMatchObject({ amount: 150_000, amountToPay: 75_000, status: 'unpaid' });
    const plain = world.wire.map((w) => new TextDecoder().decode(w.body));
    expect(plain.some((text) => text.includes(PARENT.inn) || text.includes(PARENT.snils))).toBe(false);
  });

  it('checks identifiers before sending, with ru/en messages naming the field', async () => {
    const parent = world.client(PARENT_SYSTEM);
    const sentBefore = world.wire.length;
    const cases: [Record<string, string>, string, string][] = [
      [{ uin: `${world.uin.slice(0, -1)}${(Number(world.uin.at(-1)) + 1) % 10}` }, 'uin', 'UIN_CHECK_DIGIT'],
      [{ uin: '0' }, 'uin', 'UIN_ABSENT'],
      [{ inn: '500100732258' }, 'inn', 'INN_CHECKSUM'],
      [{ snils: '112-233-445 96' }, 'snils', 'SNILS_CHECKSUM'],
    ];
    for (const [query, field, code] of cases) {
      const error = await parent.payments.findCharges(query as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GospochtaValidationError);
      expect((error as GospochtaValidationError).issues[0]).toMatchObject({
        field,
        code,
        message: { ru: expect.any(String), en: expect.any(String) },
      });
    }
    await expect(
      parent.payments.findCharges({ uin: world.uin, inn: '500100732259' } as never),
    ).rejects.toMatchObject({
      issues: [{ field: 'query', code: 'ONE_IDENTIFIER' }],
    });
    expect(world.wire.length).toBe(sentBefore);
  });
});

describe('payments', () => {
  it('pays once through a lost answer, a 503 and a reset; the receipt is verified at once', async () => {
    const parent = world.client(PARENT_SYSTEM);
    // A reset, then a 503, then an answer lost after the payment was made.
    world.fault('createPayment', { fault: 'connection-reset' });
    world.sim.faults.addRule({
      portal: 'gospochta',
      operation: 'createPayment',
      firstN: 2,
      effect: {
        ...problem(503, 'UNAVAILABLE'),
        headers: { 'content-type': 'application/problem+json', 'retry-after': '0' },
      },
    });
    world.sim.faults.addRule({
      portal: 'gospochta',
      operation: 'createPayment',
      firstN: 3,
      effect: { truncate: 0 },
    });
    const outcome = await parent.payments.pay({
      uin: world.uin,
      amount: 75_000,
      payer,
      idempotencyKey: 'pay-key-000001',
    });
    expect(outcome.replayed).toBe(true);
    expect(outcome.payment).toMatchObject({ uin: world.uin, amount: 75_000, status: 'completed' });
    expect(outcome.receipt.receipt).toMatchObject({
      paymentId: outcome.payment.id,
      amount: 75_000,
      payer: { lastName: PARENT.lastName, snils: PARENT.snils },
    });
    expect(outcome.receipt.signedBy.alg).toBe('GOST3410_2012_256');
    expect(world.state().payments.size).toBe(1);

    const pdf = await parent.payments.receiptPdf(outcome.payment.id, outcome.receipt);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect((await parent.payments.receipt(outcome.payment.id)).receipt.receiptId).toBe(
      outcome.receipt.receipt.receiptId,
    );
    expect(await parent.payments.get(outcome.payment.id)).toEqual(outcome.payment);
    expect((await parent.payments.list().toArray({ limit: 10 })).map((p) => p.id)).toEqual([
      outcome.payment.id,
    ]);

    // Retried later with the same key (e.g. after a restart): the same payment, nothing charged.
    const again = await world
      .client(PARENT_SYSTEM)
      .payments.pay({ uin: world.uin, amount: 75_000, payer, idempotencyKey: 'pay-key-000001' });
    expect(again.payment.id).toBe(outcome.payment.id);
    expect(world.state().payments.size).toBe(1);
    expect((await parent.payments.findCharges({ uin: world.uin }))[0]?.status).toBe('paid');
  });

  it('waits out a 409 IDEMPOTENCY_IN_PROGRESS and gets the first request’s answer', async () => {
    const parent = world.client(PARENT_SYSTEM);
    world.fault('getPayment', inProgress);
    const first = await parent.payments.pay({
      uin: world.uin,
      amount: 75_000,
      payer,
      idempotencyKey: 'pay-key-000001',
    });
    world.fault('createPayment', inProgress);
    const again = await parent.payments.pay({
      uin: world.uin,
      amount: 75_000,
      payer,
      idempotencyKey: 'pay-key-000001',
    });
    expect(again.payment.id).toBe(first.payment.id);
    // Not a keyed call: a 409 is an answer, not a reason to retry.
    await expect(parent.payments.get(first.payment.id)).rejects.toMatchObject({
      status: 409,
      portalCode: 'IDEMPOTENCY_IN_PROGRESS',
    });
  });

  it('refuses a different payment under a used key — locally, and at the portal', async () => {
    const parent = world.client(PARENT_SYSTEM);
    await parent.payments.pay({ uin: world.uin, amount: 75_000, payer, idempotencyKey: 'pay-key-000001' });
    const local = await parent.payments
      .pay({ uin: world.uin, amount: 70_000, payer, idempotencyKey: 'pay-key-000001' })
      .catch((e: unknown) => e);
    expect(local).toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
      source: 'local',
      idempotencyKey: 'pay-key-000001',
    });
    const remote = await world
      .client(PARENT_SYSTEM)
      .payments.pay({ uin: world.uin, amount: 70_000, payer, idempotencyKey: 'pay-key-000001' })
      .catch((e: unknown) => e);
    expect(remote).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', source: 'portal' });
    // A charge is paid at most once, whatever the key.
    const twice = await parent.payments
      .pay({ uin: world.uin, amount: 75_000, payer, idempotencyKey: 'pay-key-000002' })
      .catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(GospochtaApiError);
    expect(twice).toMatchObject({ status: 409, portalCode: 'CHARGE_ALREADY_PAID' });
    expect(world.state().payments.size).toBe(1);
  });

  it('releases a key the portal did not act on, so a corrected payment may reuse it', async () => {
    const parent = world.client(PARENT_SYSTEM);
    const unknown = generateUin(() => 0.3141, 20);
    const missing = await parent.payments
      .pay({ uin: unknown, amount: 1, payer, idempotencyKey: 'pay-key-000003' })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, portalCode: 'NOT_FOUND' });
    world.service.issueCharge({
      uin: unknown,
      kind: 'fine',
      amount: 150_000,
      purpose: 'Штраф',
      payer: PARENT.id,
    });
    const corrected = await parent.payments.pay({
      uin: unknown,
      amount: 75_000,
      payer,
      idempotencyKey: 'pay-key-000003',
    });
    expect(corrected.payment.uin).toBe(unknown);
  });

  it('checks the УИН, amount and payer before sending', async () => {
    const parent = world.client(PARENT_SYSTEM);
    const error = await parent.payments
      .pay({ uin: '123', amount: 10.5, payer: { lastName: '', firstName: 'Анна', inn: '123' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GospochtaValidationError);
    expect((error as GospochtaValidationError).issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['uin', 'amount', 'payer.lastName', 'payer.inn']),
    );
  });

  it('refuses payments to a role without payments:pay before sending', async () => {
    const school = world.client(SCHOOL);
    await expect(school.payments.pay({ uin: world.uin, amount: 75_000, payer })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      missingPermission: 'payments:pay',
      role: 'operator',
      source: 'local',
    });
  });
});

describe('documents', () => {
  it('requests, polls until ready, downloads by link and verifies the agency signature', async () => {
    const parent = world.client(PARENT_SYSTEM);
    const request = await parent.documents.request({ kind: 'pension-statement', externalId: 'doc-1' });
    expect(request.status).toBe('pending');
    const ready = await parent.documents.waitUntilReady(request.id, { intervalMs: 1_000 });
    expect(ready.status).toBe('ready');
    const document = ready.document;
    expect(document).toBeDefined();
    const downloaded = await parent.documents.download(document as NonNullable<typeof document>);
    expect(new TextDecoder().decode(downloaded.bytes.subarray(0, 5))).toBe('%PDF-');
    expect(downloaded.signedBy).toMatchObject({
      family: 'gost',
      signer: expect.stringContaining('Социальный фонд России'),
    });
    expect((await parent.documents.list().toArray({ limit: 5 })).map((r) => r.id)).toContain(request.id);
  });

  it('renews an expired link (or says it expired), and refuses links that point elsewhere', async () => {
    const parent = world.client(PARENT_SYSTEM);
    const request = await parent.documents.request({ kind: 'egrn-extract' });
    const ready = await parent.documents.waitUntilReady(request.id);
    const document = ready.document as NonNullable<typeof ready.document>;
    world.clock.advance(120_000); // the link lives 60 s on the portal's clock
    const expired = await parent.documents.download(document, { renew: false }).catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(LinkExpiredError);
    expect(expired).toMatchObject({ source: 'local', documentId: document.id });
    const renewed = await parent.documents.download(document);
    expect(renewed.sha256).toBe(document.sha256);

    // The portal's clock may run ahead of ours: its 410 is renewed too.
    const fresh = await parent.documents.renewLink(document.id);
    const skewed = {
      ...document,
      link: { ...fresh, expiresAt: new Date(world.clock.now() + 3_600_000).toISOString() },
    };
    world.clock.advance(61_000);
    const portalSays = await parent.documents.download(skewed, { renew: false }).catch((e: unknown) => e);
    expect(portalSays).toMatchObject({ code: 'LINK_EXPIRED', source: 'portal' });
    expect((await parent.documents.download(skewed)).bytes.length).toBe(document.size);

    for (const url of [
      `http://127.0.0.2:1/gospochta/v1/documents/${document.id}/content?expires=1&sig=${'a'.repeat(43)}`,
      `/v1/documents/other/content?expires=1&sig=${'a'.repeat(43)}`,
      `/v1/documents/${document.id}/content?expires=1&sig=${'a'.repeat(43)}&next=http://evil`,
      `//evil.example/v1/documents/${document.id}/content?expires=1&sig=${'a'.repeat(43)}`,
    ]) {
      const link = { url, expiresAt: new Date(world.clock.now() + 60_000).toISOString() };
      await expect(parent.documents.download({ ...document, link }, { renew: false })).rejects.toBeInstanceOf(
        UnsafeLinkError,
      );
    }
  });

  it('refuses a document whose signature comes from an agency it does not trust', async () => {
    const stranger = gostSigner('CN=Someone else');
    const parent = world.client(PARENT_SYSTEM, { documentCertificates: [stranger.certificatePem] });
    const request = await parent.documents.request({ kind: 'income-statement' });
    const ready = await parent.documents.waitUntilReady(request.id);
    const error = await parent.documents
      .download(ready.document as NonNullable<typeof ready.document>)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignatureInvalidError);
    expect(error).toMatchObject({ subject: 'document', reason: 'untrusted-signer' });
  });

  it('returns a failed request as failed, and times out a wait that cannot finish', async () => {
    const parent = world.client(PARENT_SYSTEM);
    const failing = await parent.documents.request({ kind: 'other' });
    world.service.failDocument(failing.id, 'agency-refused');
    expect((await parent.documents.waitUntilReady(failing.id)).status).toBe('failed');
    const slow = await parent.documents.request({ kind: 'other' });
    await expect(
      parent.documents.waitUntilReady(slow.id, { timeoutMs: 3_000, intervalMs: 1_000 }),
    ).rejects.toMatchObject({
      code: 'WAIT_TIMEOUT',
      lastState: 'processing',
    });
  });
});
