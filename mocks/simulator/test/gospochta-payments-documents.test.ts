/**
 * Payments and documents at the gospochta portal: charges found by УИН, ИНН or СНИЛС and checked at the
 * moment of asking (a fine's discount ends on the virtual clock), paid once whatever the key, a receipt
 * at once (signed JSON + a valid PDF that names the payer by initials only); document requests that
 * become ready on the virtual clock, links that expire or break when altered, an agency's refusal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGospochtaWorld, type GospochtaWorld } from './gospochta-support.js';

let world: GospochtaWorld;
const server = setupServer();
beforeAll(async () => {
  world = await createGospochtaWorld({ portal: { documentLinkTtlMs: 60_000 } });
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

const payer = () => ({
  lastName: world.parent.lastName,
  firstName: world.parent.firstName,
  snils: world.parent.snils,
});

describe('charges', () => {
  it('finds the parent’s charges by СНИЛС, ИНН and each УИН, with the discount of a fresh fine', async () => {
    const parent = world.client('demo-parent-app');
    const bySnils = await parent.payments.findCharges({ snils: world.parent.snils });
    const byInn = await parent.payments.findCharges({ inn: world.parent.inn });
    expect(bySnils.map((charge) => charge.uin).sort()).toEqual(byInn.map((charge) => charge.uin).sort());
    expect(bySnils.length).toBe(3);
    const fine = bySnils.find((charge) => charge.uin.startsWith('18810'));
    expect(fine).toMatchObject({ amount: 150_000, amountToPay: 75_000, status: 'unpaid' });
    expect(fine?.discountUntil).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(await parent.payments.findCharges({ uin: fine?.uin as string })).toHaveLength(1);
  });

  it('refuses a bad checksum naming the field in Russian and English, never echoing the value', async () => {
    const token = await world.token('demo-parent-app');
    const answer = await world.raw({
      method: 'POST',
      target: '/v1/charges/search',
      json: { inn: '500100732258' },
      token,
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ field: '/inn', code: 'INN_CHECKSUM' }],
    });
    expect(JSON.stringify(answer.body)).not.toContain('500100732258');
  });

  it('ends a discount on the virtual clock: the old amount is then refused', async () => {
    const parent = world.client('demo-parent-app');
    const issued = world.service.issueCharge({
      kind: 'fine',
      amount: 80_000,
      purpose: 'Штраф ГИБДД',
      payer: 'parent-ivanov',
    });
    expect(issued.amountToPay).toBe(40_000);
    world.sim.clock.advance(21 * 86_400_000);
    const [charge] = await parent.payments.findCharges({ uin: issued.uin });
    expect(charge).toMatchObject({ amountToPay: 80_000 });
    await expect(
      parent.payments.pay({ uin: issued.uin, amount: 40_000, payer: payer() }),
    ).rejects.toMatchObject({
      status: 422,
      portalCode: 'AMOUNT_MISMATCH',
    });
  });
});

describe('payments', () => {
  it('pays once, with a signed receipt and a PDF at once; another key cannot pay it again', async () => {
    const parent = world.client('demo-parent-app');
    const issued = world.service.issueCharge({
      kind: 'fee',
      amount: 350_000,
      purpose: 'Родительская плата, октябрь',
      payer: 'parent-ivanov',
    });
    const outcome = await parent.payments.pay({
      uin: issued.uin,
      amount: 350_000,
      payer: payer(),
      idempotencyKey: 'fee-key-000001',
    });
    expect(outcome.payment).toMatchObject({ uin: issued.uin, amount: 350_000, status: 'completed' });
    expect(outcome.receipt.receipt).toMatchObject({
      paymentId: outcome.payment.id,
      payer: { snils: world.parent.snils },
    });
    const text = pdfText(await parent.payments.receiptPdf(outcome.payment.id, outcome.receipt));
    expect(text).toContain('Квитанция об оплате');
    expect(text).toContain(issued.uin);
    expect(text).not.toContain(world.parent.lastName);
    const replay = await world.client('demo-parent-app').payments.pay({
      uin: issued.uin,
      amount: 350_000,
      payer: payer(),
      idempotencyKey: 'fee-key-000001',
    });
    expect(replay).toMatchObject({ replayed: true, payment: { id: outcome.payment.id } });
    await expect(
      parent.payments.pay({
        uin: issued.uin,
        amount: 350_000,
        payer: payer(),
        idempotencyKey: 'fee-key-000002',
      }),
    ).rejects.toMatchObject({ status: 409, portalCode: 'CHARGE_ALREADY_PAID' });
    const paid = [...world.state().payments.values()].filter((payment) => payment.uin === issued.uin);
    expect(paid).toHaveLength(1);
  });

  it('answers 404 for a УИН nobody issued, and lets the key pay a corrected УИН after', async () => {
    const parent = world.client('demo-parent-app');
    const issued = world.service.issueCharge({
      kind: 'tax',
      amount: 10_000,
      purpose: 'Налог',
      payer: 'parent-ivanov',
    });
    const unknown = `${issued.uin.slice(0, 5)}${'1'.repeat(14)}`;
    const { uinCheckDigit } = await import('@goskit/validation');
    const valid = unknown + String(uinCheckDigit(unknown));
    await expect(
      parent.payments.pay({ uin: valid, amount: 10_000, payer: payer(), idempotencyKey: 'tax-key-00001' }),
    ).rejects.toMatchObject({
      status: 404,
      portalCode: 'NOT_FOUND',
    });
    const paid = await world.client('demo-parent-app').payments.pay({
      uin: issued.uin,
      amount: 10_000,
      payer: payer(),
      idempotencyKey: 'tax-key-00001',
    });
    expect(paid.payment.uin).toBe(issued.uin);
  });
});

describe('documents', () => {
  it('become ready on the clock, download by a link that expires, and refuse an altered link', async () => {
    const parent = world.client('demo-parent-app', { retry: false });
    const request = await parent.documents.request({ kind: 'no-criminal-record' });
    expect(request.status).toBe('pending');
    world.sim.clock.advance(2_000);
    expect((await parent.documents.get(request.id)).status).toBe('processing');
    world.sim.clock.advance(8_000);
    const ready = await parent.documents.get(request.id);
    const document = ready.document as NonNullable<typeof ready.document>;
    expect(ready.status).toBe('ready');
    const downloaded = await parent.documents.download(document);
    expect(downloaded.signedBy.signer).toContain('МВД России');
    expect(pdfText(downloaded.bytes)).toContain('Справка о наличии (отсутствии) судимости');

    const token = await world.token('demo-parent-app');
    const url = new URL(document.link.url, 'https://geps.test.gosuslugi.ru');
    const altered = `${url.pathname}?expires=${Number(url.searchParams.get('expires')) + 1}&sig=${url.searchParams.get('sig')}`;
    expect(await world.raw({ method: 'GET', target: altered, token })).toMatchObject({
      status: 403,
      body: { code: 'LINK_INVALID' },
    });
    world.sim.clock.advance(61_000);
    expect(await world.raw({ method: 'GET', target: `${url.pathname}${url.search}`, token })).toMatchObject({
      status: 410,
      body: { code: 'LINK_EXPIRED' },
    });
    const renewed = await parent.documents.renewLink(document.id);
    expect(Date.parse(renewed.expiresAt)).toBe(world.sim.clock.now() + 60_000);
    expect((await parent.documents.download({ ...document, link: renewed })).bytes.length).toBe(
      document.size,
    );
  });

  it('is failed by the agency through the control route, before it is ready', async () => {
    const parent = world.client('demo-parent-app');
    const request = await parent.documents.request({ kind: 'egrn-extract' });
    expect(world.service.failDocument(request.id, 'no-records')).toBe(true);
    const failed = await parent.documents.waitUntilReady(request.id);
    expect(failed).toMatchObject({ status: 'failed', failureReason: 'no-records' });
    const done = await parent.documents.request({ kind: 'other' });
    world.sim.clock.advance(10_000);
    expect(world.service.failDocument(done.id)).toBe(false);
  });
});
