/** Webhook subscriptions of this system: create, list, delete (permission `webhooks:manage`). */
import type { GospochtaContext } from '../client/context.js';
import { checkId, fail, issue } from '../client/input-checks.js';
import { protectedCall } from '../client/protected-call.js';
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  type WebhookSubscription,
  webhookListSchema,
  webhookSubscriptionSchema,
} from './models.js';

export async function createWebhook(
  context: GospochtaContext,
  input: { url: string; events: readonly WebhookEventType[] },
): Promise<WebhookSubscription> {
  let url: URL | undefined;
  try {
    url = new URL(input?.url);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username ||
    url.password ||
    input.url.length > 2048
  ) {
    fail([
      issue(
        'url',
        'WEBHOOK_URL',
        'Адрес вебхука — абсолютный http(s)-URL без учётных данных.',
        'The webhook URL is an absolute http(s) URL without credentials.',
      ),
    ]);
  }
  const events = input.events;
  if (
    !Array.isArray(events) ||
    events.length === 0 ||
    events.some((e) => !WEBHOOK_EVENT_TYPES.includes(e)) ||
    new Set(events).size !== events.length
  ) {
    fail([
      issue(
        'events',
        'WEBHOOK_EVENTS',
        'Список событий: без повторов, из известных типов.',
        'Events: known types, no repeats.',
      ),
    ]);
  }
  const { data } = await protectedCall(context, {
    operation: 'createWebhook',
    method: 'POST',
    template: '/v1/webhooks',
    path: '/v1/webhooks',
    json: { url: input.url, events: [...events] },
    schema: webhookSubscriptionSchema,
  });
  return data as WebhookSubscription;
}

export async function listWebhooks(context: GospochtaContext): Promise<WebhookSubscription[]> {
  const { data } = await protectedCall(context, {
    operation: 'listWebhooks',
    method: 'GET',
    template: '/v1/webhooks',
    path: '/v1/webhooks',
    schema: webhookListSchema,
  });
  return data.items as WebhookSubscription[];
}

export async function deleteWebhook(
  context: GospochtaContext,
  webhookId: string,
): Promise<WebhookSubscription> {
  const id = checkId(webhookId, 'webhookId');
  const { data } = await protectedCall(context, {
    operation: 'deleteWebhook',
    method: 'DELETE',
    template: '/v1/webhooks/{webhookId}',
    path: `/v1/webhooks/${id}`,
    schema: webhookSubscriptionSchema,
  });
  return data as WebhookSubscription;
}
