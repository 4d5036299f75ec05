/**
 * Whether an order may be cancelled now — the `cancelAllowed` of its current status (spec 2.2): the
 * order is not closed and its service lets orders be cancelled (catalogue.ts).
 */
import { findService } from './catalogue.js';
import type { EpguOrder } from './state.js';
import { isFinal } from './timeline.js';

export function cancelAllowed(order: EpguOrder, nowMs: number): boolean {
  return findService(order.serviceCode)?.cancellable === true && !isFinal(order, nowMs);
}
