/**
 * A system's webhook subscriptions: create (an http(s) URL, each event type once; one subscription
 * per URL — 409 WEBHOOK_EXISTS), list, delete. Deliveries are webhook-dispatch.ts's job.
 */
import { GospochtaProblem, issue, validationFailed } from '../problem.js';
import { iso, nextId, type SubscriptionRecord } from '../state.js';
import { type OperationTable, ok } from './operation.js';

const MAX_SUBSCRIPTIONS = 20;

function view(subscription: SubscriptionRecord) {
  return {
    id: subscription.id,
    url: subscription.url,
    events: subscription.events,
    createdAt: iso(subscription.createdAt),
  };
}

export const webhookOperations: OperationTable = {
  listWebhooks: {
    handler: ({ state, caller }) =>
      ok({
        items: [...state.subscriptions.values()]
          .filter((subscription) => subscription.clientId === caller.clientId)
          .map(view),
      }),
  },
  createWebhook: {
    handler: ({ state, caller, body, now }) => {
      const url = body.url as string;
      const events = body.events as string[];
      if (new Set(events).size !== events.length) {
        throw validationFailed([
          issue('/events', 'DUPLICATE', 'Каждый тип события — один раз.', 'each event type once'),
        ]);
      }
      let parsed: URL | undefined;
      try {
        parsed = new URL(url);
      } catch {
        parsed = undefined;
      }
      if (
        parsed === undefined ||
        (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
        parsed.username
      ) {
        throw validationFailed([
          issue(
            '/url',
            'URL',
            'Адрес — http(s)://… без имени пользователя.',
            'an http(s) URL without credentials',
          ),
        ]);
      }
      const own = [...state.subscriptions.values()].filter(
        (subscription) => subscription.clientId === caller.clientId,
      );
      if (own.some((subscription) => subscription.url === url)) {
        throw new GospochtaProblem(409, 'WEBHOOK_EXISTS', {
          field: '/url',
          detail: 'a subscription for this URL exists',
        });
      }
      if (own.length >= MAX_SUBSCRIPTIONS) {
        throw validationFailed([
          issue('/url', 'TOO_MANY', 'Не больше 20 подписок.', 'at most 20 subscriptions'),
        ]);
      }
      const subscription: SubscriptionRecord = {
        id: nextId(state, 'wh'),
        clientId: caller.clientId,
        url,
        events: [...events],
        createdAt: now,
      };
      state.subscriptions.set(subscription.id, subscription);
      return ok(view(subscription), 201);
    },
  },
  deleteWebhook: {
    handler: ({ state, caller, params }) => {
      const subscription = state.subscriptions.get(params.webhookId as string);
      if (subscription === undefined || subscription.clientId !== caller.clientId) {
        throw new GospochtaProblem(404, 'NOT_FOUND', { detail: 'no such subscription' });
      }
      state.subscriptions.delete(subscription.id);
      for (const id of state.pendingDeliveries) {
        const delivery = state.deliveries.get(id);
        if (delivery?.subscriptionId === subscription.id && delivery.status === 'pending') {
          delivery.status = 'failed';
          delivery.lastResult = 'subscription deleted';
          state.pendingDeliveries.delete(id);
        }
      }
      return ok(view(subscription));
    },
  },
};
