/**
 * With a running clock (goskit-sim), webhooks go out by themselves: while something may become due —
 * deliveries waiting, or subscriptions and letters or documents still on their way — the dispatcher
 * looks every `pollMs` (real time), brings the world up to now and sends what is due. The timer never
 * keeps the process alive and stops when nothing is left. A frozen clock moves only when told, so
 * there deliveries wait for `deliverWebhooks()` (or the control route).
 */
import type { PortalRuntime } from '../../../engine/types.js';
import { nextDue } from '../agenda.js';
import type { World } from '../letters/lifecycle.js';
import { deliverDue } from './dispatch.js';

export class WebhookPump {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #busy = false;

  constructor(
    private readonly runtime: PortalRuntime,
    private readonly world: () => World,
    private readonly pollMs: number,
  ) {}

  wake(): void {
    if (this.#timer !== undefined || this.#busy || this.runtime.clock.mode !== 'running') {
      return;
    }
    const world = this.world();
    const { state } = world;
    const worthIt =
      state.pendingDeliveries.size > 0 || (state.subscriptions.size > 0 && nextDue(state) !== undefined);
    if (!worthIt) {
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#tick();
    }, this.pollMs);
    (this.#timer as { unref?: () => void }).unref?.();
  }

  async #tick(): Promise<void> {
    this.#busy = true;
    try {
      await deliverDue(this.world(), this.runtime);
    } catch {
      // A failed round is retried on the next one; deliveries record their own failures.
    } finally {
      this.#busy = false;
    }
    this.wake();
  }
}
