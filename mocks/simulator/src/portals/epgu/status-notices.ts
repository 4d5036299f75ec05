/**
 * Notices of an order's status changes (seed 002: SMS, e-mail and push), for portals built with
 * `epguPortal({ notifications: true })`. The order's timeline is planned at push time, so the outbox
 * watches the live order: a notice appears when its step's time comes on the virtual clock, and the
 * steps a cancellation dropped never produce one. Texts are goskit's own.
 */
import type { RouteContext } from '../../engine/types.js';
import { type NoticeInput, notificationsService } from '../../services/notifications.js';
import type { EpguOrder, EpguState } from './state.js';
import { statusName } from './statuses.js';
import { isFinal } from './timeline.js';

export function watchStatusNotices(ctx: RouteContext<EpguState>, order: EpguOrder): void {
  const sim = ctx.sim;
  const owner = sim.demo.personas.find((persona) => persona.oid === order.ownerId);
  if (owner === undefined) {
    return; // not a roster person: nobody to write to
  }
  const name = [owner.lastName, owner.firstName, owner.middleName].filter(Boolean).join(' ');
  sim.service(notificationsService).watch(`epgu:order:${order.id}`, () => {
    const notices: NoticeInput[] = [];
    let previous: number | undefined;
    for (const [index, step] of order.steps.entries()) {
      if (index === 0 || step.statusId === previous) {
        previous = step.statusId;
        continue;
      }
      previous = step.statusId;
      const text = `Заявление № ${order.id}: ${statusName(step.statusId)}`;
      const base = { category: 'epgu.status', source: 'epgu', at: step.atMs, text };
      const key = `epgu.status:${order.id}:${index}:${step.statusId}`;
      notices.push(
        {
          ...base,
          channel: 'sms',
          recipient: { oid: owner.oid, phone: owner.phone, name },
          key: `${key}:sms`,
        },
        {
          ...base,
          channel: 'email',
          recipient: { oid: owner.oid, email: owner.email, name },
          subject: `Статус заявления № ${order.id}`,
          key: `${key}:email`,
        },
        { ...base, channel: 'push', recipient: { oid: owner.oid, name }, key: `${key}:push` },
      );
    }
    return { notices, done: isFinal(order, sim.clock.now()) };
  });
}
