/**
 * EPGU order statuses reach the owner by SMS, e-mail and push (seed 002) when the portal is built with
 * `notifications: true`: each change once, at its time on the virtual clock, never the steps a
 * cancellation dropped; without the option nothing is sent and the outbox is not required.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/create-simulator.js';
import { epguPortal } from '../src/portals/epgu/index.js';
import { esiaPortal } from '../src/portals/esia/index.js';
import { notificationsPortal } from '../src/portals/notifications/index.js';
import { notificationsService } from '../src/services/notifications.js';
import { bearer, epguRequest, jsonOf, pushRequest, SCHOOL_ORDER } from './epgu-support.js';
import { orderArchive } from './fixtures/zip-writer.js';

function sim() {
  return createSimulator({
    seed: 'epgu-notices',
    portals: [
      esiaPortal(),
      notificationsPortal(),
      epguPortal({
        auth: 'any-bearer',
        notifications: true,
        outcomes: { validationErrorRate: 0, filesFailedRate: 0 },
      }),
    ],
    strictContracts: true,
  });
}

describe('EPGU status notices', () => {
  it('each status change reaches the owner by SMS, e-mail and push when its time comes', async () => {
    const simulator = sim();
    const parent = simulator.demo.personas.find((persona) => persona.role === 'parent');
    const token = bearer(parent?.oid);
    const orderId = jsonOf(
      await simulator.handle(pushRequest(SCHOOL_ORDER, orderArchive(), { token })),
    ).orderId;
    const outbox = simulator.service(notificationsService);
    expect(outbox.find({ channel: 'sms' }).map((notice) => notice.text)).toEqual([
      `Заявление № ${orderId}: Зарегистрировано на портале`,
    ]);
    simulator.clock.advance('PT15M');
    expect(
      outbox.find({ channel: 'sms', recipient: parent?.phone ?? '' }).map((notice) => notice.text),
    ).toEqual([
      `Заявление № ${orderId}: Зарегистрировано на портале`,
      `Заявление № ${orderId}: Заявление отправлено в ведомство`,
      `Заявление № ${orderId}: Заявление получено ведомством`,
      `Заявление № ${orderId}: Услуга оказана`,
    ]);
    expect(outbox.count({ channel: 'email', subject: `Статус заявления № ${orderId}` })).toBe(4);
    expect(outbox.count({ channel: 'push', recipient: parent?.oid ?? '' })).toBe(4);
    simulator.clock.advance('PT1H');
    expect(outbox.count({ category: 'epgu.status' })).toBe(12);
  });

  it('a cancelled order sends «отменено» and none of the dropped future statuses', async () => {
    const simulator = sim();
    const parent = simulator.demo.personas.find((persona) => persona.role === 'parent');
    const token = bearer(parent?.oid);
    const orderId = jsonOf(
      await simulator.handle(pushRequest(SCHOOL_ORDER, orderArchive(), { token })),
    ).orderId;
    const cancel = await simulator.handle(
      epguRequest('POST', `/api/gusmev/order/${orderId}/cancel`, { token }),
    );
    expect(cancel.status).toBe(200);
    simulator.clock.advance('PT1H');
    expect(
      simulator
        .service(notificationsService)
        .find({ channel: 'sms' })
        .map((notice) => notice.text),
    ).toEqual([
      `Заявление № ${orderId}: Зарегистрировано на портале`,
      `Заявление № ${orderId}: Заявление отменено`,
    ]);
  });

  it('without the option EPGU needs no outbox', () => {
    expect(() => createSimulator({ portals: [epguPortal({ auth: 'any-bearer' })] })).not.toThrow();
    expect(() =>
      createSimulator({ portals: [epguPortal({ auth: 'any-bearer', notifications: true })] }),
    ).toThrow(/requires service "notifications"/);
  });
});
