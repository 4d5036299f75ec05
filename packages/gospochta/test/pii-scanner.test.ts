/**
 * The scanner, against the goskit simulator's gospochta portal (in process): runs every operation that carries personal data — with a logger at debug level, an
 * operation-log sink, failing calls and validation errors — then greps everything the client wrote
 * (log records, operation records, error messages, error JSON, inspected errors) and every byte that
 * crossed the wire for each personal value used, in each of its spellings. None may appear.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationRecord } from '../src/index.js';
import { minimalPdf } from './helpers/pdf.js';
import { createWorld, PARENT, PARENT_SYSTEM, problem, SCHOOL, type World } from './helpers/setup.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.close());

const PASSPORT = '4508 123456';
const PHONE = '+79161234567';
const ADDRESS = 'г. Москва, ул. Тверская, д. 7, кв. 12';

/** Every value and the other ways it may be written. */
const SPELLINGS: string[] = [
  PARENT.lastName,
  PARENT.firstName,
  PARENT.middleName,
  PARENT.snils,
  PARENT.snils.replace(/\D/g, ''),
  PARENT.snils.replace(' ', '-'),
  PARENT.inn,
  PASSPORT,
  PASSPORT.replace(' ', ''),
  PHONE,
  PHONE.slice(2),
  ADDRESS,
  'Тверская',
  '112-233-445 96',
  '11223344596',
];

describe('personal data never reaches logs, errors or the wire in plain text', () => {
  it('greps every record and byte for every personal value', async () => {
    const written: string[] = [];
    const records: OperationRecord[] = [];
    const logger = Object.fromEntries(
      (['debug', 'info', 'warn', 'error'] as const).map((level) => [
        level,
        (message: string, fields?: unknown) =>
          written.push(`${level} ${message} ${inspect(fields, { depth: 8 })}`),
      ]),
    );
    const options = {
      logger,
      operationLog: { record: (entry: OperationRecord) => void records.push(entry) },
    };
    const school = world.client(SCHOOL, options);
    const parent = world.client(PARENT_SYSTEM, options);
    const person = {
      lastName: PARENT.lastName,
      firstName: PARENT.firstName,
      middleName: PARENT.middleName,
      snils: PARENT.snils,
    };
    const errors: unknown[] = [];
    const attempt = async (run: () => Promise<unknown>) => {
      try {
        return await run();
      } catch (error) {
        errors.push(error);
        return undefined;
      }
    };

    const sent = await school.outbox.send({
      recipient: { ...person, phone: PHONE, address: ADDRESS, passport: PASSPORT, inn: PARENT.inn },
      documentType: 'court-notice',
      subject: 'Извещение по делу № 2-77/2025',
      attachments: [
        { name: 'notice.pdf', mediaType: 'application/pdf', content: minimalPdf(['case 2-77/2025']) },
      ],
    });
    await school.outbox.waitForStatus(sent.letter.id, { until: 'delivered' });
    const act = await school.outbox.deliveryAct(sent.letter.id);
    await school.outbox.deliveryActPdf(sent.letter.id, act);
    for (const letter of await parent.letters.inbox().toArray({ limit: 10 })) {
      await parent.letters.get(letter.id);
      await parent.letters.markRead(letter.id);
    }
    await parent.payments.findCharges({ snils: PARENT.snils });
    await parent.payments.findCharges({ inn: PARENT.inn });
    const payment = await parent.payments.pay({
      uin: world.uin,
      amount: 75_000,
      payer: { ...person, passport: PASSPORT, phone: PHONE, address: ADDRESS },
    });
    await parent.payments.receipt(payment.payment.id);
    const request = await parent.documents.request({
      kind: 'pension-statement',
      subject: { ...person, address: ADDRESS },
    });
    const ready = await parent.documents.waitUntilReady(request.id);
    await parent.documents.download(ready.document as NonNullable<typeof ready.document>);

    // Failures that carry the same data: bad checksums, a portal refusal, a lost answer, a retry.
    await attempt(() => parent.payments.findCharges({ snils: '112-233-445 96' }));
    await attempt(() =>
      school.outbox.send({
        ...{ recipient: { ...person, snils: '11223344596' } },
        documentType: 'notice',
        subject: 's',
        attachments: [],
      }),
    );
    await attempt(() =>
      parent.payments.pay({ uin: world.uin, amount: 75_000, payer: { ...person, passport: PASSPORT } }),
    );
    world.fault('searchCharges', problem(500, 'INTERNAL'));
    world.sim.faults.addRule({
      portal: 'gospochta',
      operation: 'searchCharges',
      firstN: 2,
      effect: { fault: 'connection-reset' },
    });
    await parent.payments.findCharges({ snils: PARENT.snils });
    await attempt(() => school.payments.pay({ uin: world.uin, amount: 1, payer: person }));
    expect(errors.length).toBeGreaterThanOrEqual(4);

    const texts = [
      ...written,
      ...records.map((record) => JSON.stringify(record)),
      ...errors.flatMap((error) => [
        String((error as Error).message),
        JSON.stringify(error),
        inspect(error, { depth: 8 }),
      ]),
      ...world.wire.map((w) => `${JSON.stringify(w.headers)}\n${Buffer.from(w.body).toString('utf8')}`),
    ];
    expect(written.length).toBeGreaterThan(20);
    expect(records.length).toBeGreaterThan(15);
    for (const value of SPELLINGS) {
      const leaks = texts.filter((text) => text.includes(value));
      expect(
        leaks.map((text) => text.slice(0, 200)),
        `"${value}" leaked`,
      ).toEqual([]);
    }
    // The operation log carries what it should.
    expect(records.find((r) => r.operation === 'createPayment')).toMatchObject({
      method: 'POST',
      path: '/v1/payments',
      status: 201,
      outcome: 'ok',
      requestId: expect.any(String),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(records.some((r) => r.outcome === 'PERMISSION_DENIED')).toBe(true);
    expect(records.some((r) => r.operation === 'searchCharges' && r.attempts === 3)).toBe(true);
  });
});
