/**
 * Webhook delivery: each update is POSTed as JSON to the subscribed URL with `X-Max-Bot-Api-Secret`,
 * through the global fetch (so MSW in a test, or a real server on loopback, receives it). One delivery
 * in flight per bot, oldest first, so a bot sees its updates in order. Anything but 200 is retried with
 * a doubling backoff on the virtual clock (5 s … 30 min); the schedule is kept in planned times, so a
 * clock advanced by hours replays the attempts it skipped. When a delivery still fails 8 virtual hours
 * after its first failure the bot is unsubscribed and its undelivered updates go back to its polling
 * queue (goskit's choice: nothing is lost when the bot switches to long polling).
 */

import type { BotRecord, DeliveryEvent, DeliveryRecord, MaxState } from './state.js';
import { appendUpdate } from './update-log.js';

export interface DeliveryPump {
  readonly state: MaxState;
  readonly inFlight: Set<number>;
  readonly now: number;
  readonly active: boolean;
  notify(botId: number): void;
  kick(): void;
}

const LOG_CAPACITY = 200;

export function recordDelivery(state: MaxState, event: DeliveryEvent): void {
  state.deliveryLog.push(event);
  if (state.deliveryLog.length > LOG_CAPACITY) {
    state.deliveryLog.splice(0, state.deliveryLog.length - LOG_CAPACITY);
  }
}

/** Removes the bot's subscription; its undelivered updates join the polling queue, in order. */
export function endSubscription(state: MaxState, bot: BotRecord): DeliveryRecord[] {
  const pending = bot.deliveries.splice(0);
  bot.subscription = null;
  for (const delivery of pending) {
    appendUpdate(bot.log, delivery.update, state.config.maxQueuedUpdates);
  }
  return pending;
}

/** Starts every due delivery whose bot has none in flight. */
export function pumpDeliveries(pump: DeliveryPump): void {
  if (!pump.active) {
    return;
  }
  const now = pump.now;
  for (const bot of pump.state.bots.values()) {
    const head = bot.deliveries[0];
    if (
      head === undefined ||
      bot.subscription === null ||
      pump.inFlight.has(bot.userId) ||
      head.nextAt > now
    ) {
      continue;
    }
    attempt(pump, bot, head);
  }
}

function attempt(pump: DeliveryPump, bot: BotRecord, delivery: DeliveryRecord): void {
  const subscription = bot.subscription;
  if (subscription === null) {
    return;
  }
  const { attemptTimeoutMs } = pump.state.config.webhook;
  pump.inFlight.add(bot.userId);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (subscription.secret !== null) {
    headers['x-max-bot-api-secret'] = subscription.secret;
  }
  const url = subscription.url;
  fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify(delivery.update),
    redirect: 'manual',
    signal: AbortSignal.timeout(attemptTimeoutMs),
  })
    .then(
      async (response) => {
        await response.body?.cancel().catch(() => undefined);
        return { status: response.status, error: null };
      },
      (error: unknown) => ({ status: null, error: describe(error) }),
    )
    .then(({ status, error }) => {
      pump.inFlight.delete(bot.userId);
      // A reset, restore, unsubscribe or re-subscribe meanwhile: this attempt no longer counts.
      if (!pump.active || bot.deliveries[0] !== delivery || bot.subscription?.url !== url) {
        pump.kick();
        return;
      }
      settle(pump, bot, delivery, status, error);
      pump.kick();
    });
}

function settle(
  pump: DeliveryPump,
  bot: BotRecord,
  delivery: DeliveryRecord,
  status: number | null,
  error: string | null,
): void {
  const { state } = pump;
  const { firstRetryMs, maxRetryMs, retryWindowMs } = state.config.webhook;
  const url = bot.subscription?.url ?? '';
  delivery.attempts += 1;
  const event = {
    at: pump.now,
    botId: bot.userId,
    url,
    updateType: delivery.update.update_type,
    status,
    attempt: delivery.attempts,
  };
  if (status === 200) {
    bot.deliveries.shift();
    recordDelivery(state, { ...event, outcome: 'delivered', error: null });
    return;
  }
  const planned = delivery.nextAt;
  delivery.firstFailureAt ??= planned;
  delivery.lastError = error ?? `HTTP ${status}`;
  delivery.nextAt = planned + Math.min(maxRetryMs, firstRetryMs * 2 ** (delivery.attempts - 1));
  recordDelivery(state, { ...event, outcome: 'failed', error: delivery.lastError });
  if (delivery.nextAt - delivery.firstFailureAt > retryWindowMs) {
    endSubscription(state, bot);
    recordDelivery(state, { ...event, outcome: 'unsubscribed', error: delivery.lastError });
    pump.notify(bot.userId);
  }
}

function describe(error: unknown): string {
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (inner as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    return code;
  }
  return inner instanceof Error ? inner.name : 'network error';
}
