/**
 * Webhook events: something happened to a system's letter, payment or document request — every
 * subscription of that system to the event type gets a delivery (the same event id for all), due at
 * once; webhook-dispatch.ts sends it. No subscription, no delivery: events are not kept for later.
 */
import { type GospochtaState, iso, nextId } from './state.js';

export type EventType =
  | 'letter.status_changed'
  | 'letter.received'
  | 'delivery_act.issued'
  | 'payment.completed'
  | 'document.ready';

export function emitEvent(
  state: GospochtaState,
  clientId: string,
  type: EventType,
  data: Record<string, unknown>,
  at: number,
): void {
  let eventId: string | undefined;
  for (const subscription of state.subscriptions.values()) {
    if (subscription.clientId !== clientId || !subscription.events.includes(type)) {
      continue;
    }
    eventId ??= nextId(state, 'evt');
    const id = nextId(state, 'whd');
    state.deliveries.set(id, {
      id,
      subscriptionId: subscription.id,
      clientId,
      event: { eventId, type, occurredAt: iso(at), data },
      attempts: 0,
      nextAttemptAt: at,
      status: 'pending',
    });
    state.pendingDeliveries.add(id);
  }
}
