/**
 * Webhook deliveries to the sender: each attempt is a new protected packet (`dir: "webhook"`, the
 * subscribing system's key, a new delivery id) carrying the same event id, POSTed without following
 * redirects and given up on after the timeout; only a 2xx ends it. A failure is retried on the virtual
 * clock — 10 s, then doubling (20 s, 40 s…) — up to 8 attempts, then the delivery is marked failed.
 * Receivers de-duplicate by event id; the packet's nonce makes a captured delivery useless to replay.
 */
import type { PortalRuntime } from '../../../engine/types.js';
import type { World } from '../letters/lifecycle.js';
import { codecFor } from '../packets.js';
import type { DeliveryRecord } from '../state.js';
import { syncWorld } from '../world.js';

export interface DeliveryAttempt {
  deliveryId: string;
  eventId: string;
  subscriptionId: string;
  attempt: number;
  /** The receiver's HTTP status, 0 when it did not answer. */
  status: number;
  outcome: 'delivered' | 'retry' | 'failed';
  /** When the next attempt is due (virtual clock), for `retry`. */
  nextAttemptAt?: string;
}

/** Subscriptions served at once in one round. */
const BATCH = 64;
const MAX_ANSWER_BYTES = 64 * 1024;

/** Reads (and drops) at most 64 KiB of the receiver's answer, so the connection can be reused. */
async function drain(response: Response): Promise<void> {
  const reader = response.body?.getReader();
  if (reader === undefined) {
    return;
  }
  let read = 0;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) {
        return;
      }
      read += chunk.value.byteLength;
      if (read > MAX_ANSWER_BYTES) {
        // Not awaited: a cancelled stream may settle only when its connection does.
        void reader.cancel().catch(() => {});
        return;
      }
    }
  } catch {
    // The answer's status is what counts; a broken body changes nothing.
  }
}

async function attempt(
  world: World,
  runtime: PortalRuntime,
  delivery: DeliveryRecord,
): Promise<DeliveryAttempt> {
  const { state, options } = world;
  const subscription = state.subscriptions.get(delivery.subscriptionId);
  const system = state.systems.get(delivery.clientId);
  delivery.attempts += 1;
  const number = delivery.attempts;
  let status = 0;
  let result = 'no answer';
  if (subscription !== undefined && system !== undefined) {
    const codec = codecFor(state, system, runtime.clock, options.packetToleranceSec);
    const packet = await codec.buildWebhook({
      subscriptionId: subscription.id,
      deliveryId: `dlv_${delivery.id}_${number}`,
      event: { ...delivery.event },
    });
    const send = options.webhooks.fetch ?? globalThis.fetch;
    try {
      const response = await send(subscription.url, {
        method: 'POST',
        headers: packet.headers,
        body: packet.body as Uint8Array<ArrayBuffer>,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.webhooks.timeoutMs),
      });
      status = response.status;
      result = String(response.status);
      await drain(response);
    } catch (error) {
      result = error instanceof Error ? error.name : 'error';
    }
  } else {
    result = 'subscription deleted';
  }
  delivery.lastResult = result;
  const now = runtime.clock.now();
  if (status >= 200 && status < 300) {
    delivery.status = 'delivered';
    delivery.deliveredAt = now;
    state.pendingDeliveries.delete(delivery.id);
  } else if (number >= options.webhooks.maxAttempts || subscription === undefined) {
    delivery.status = 'failed';
    state.pendingDeliveries.delete(delivery.id);
  } else {
    delivery.status = 'pending';
    delivery.nextAttemptAt = now + options.webhooks.firstRetryMs * 2 ** (number - 1);
  }
  return {
    deliveryId: delivery.id,
    eventId: delivery.event.eventId,
    subscriptionId: delivery.subscriptionId,
    attempt: number,
    status,
    outcome:
      delivery.status === 'delivered' ? 'delivered' : delivery.status === 'failed' ? 'failed' : 'retry',
    ...(delivery.status === 'pending'
      ? { nextAttemptAt: new Date(delivery.nextAttemptAt).toISOString() }
      : {}),
  };
}

/**
 * Brings the world up to now and attempts every delivery that is due; resolves when all were tried.
 * One subscription's deliveries go one after another in the order their events happened (a receiver
 * sees `sent` before `delivered`); different subscriptions are served side by side, at most 64 at once.
 */
export async function deliverDue(world: World, runtime: PortalRuntime): Promise<DeliveryAttempt[]> {
  const { state } = world;
  syncWorld(world, runtime.clock.now());
  const now = runtime.clock.now();
  const queues = new Map<string, DeliveryRecord[]>();
  for (const id of state.pendingDeliveries) {
    const delivery = state.deliveries.get(id);
    if (delivery !== undefined && delivery.status === 'pending' && delivery.nextAttemptAt <= now) {
      delivery.status = 'in-flight';
      const queue = queues.get(delivery.subscriptionId);
      if (queue === undefined) {
        queues.set(delivery.subscriptionId, [delivery]);
      } else {
        queue.push(delivery);
      }
    }
  }
  const attempts: DeliveryAttempt[] = [];
  const waiting = [...queues.values()];
  const lane = async (): Promise<void> => {
    for (let queue = waiting.shift(); queue !== undefined; queue = waiting.shift()) {
      for (const delivery of queue) {
        attempts.push(await attempt(world, runtime, delivery));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCH, waiting.length) }, lane));
  return attempts;
}
