/**
 * The status machine on the virtual clock. A push plans the whole timeline at once from a random
 * stream forked by order id (so the plan does not depend on what else happened); reads show the steps
 * whose time has come. Every path ends within 10 virtual minutes of the push.
 */
import type { SeededRandom } from '../../engine/types.js';
import type { ResolvedEpguOptions } from './options.js';
import type { EpguOrder, OrderStep } from './state.js';
import { FINAL_STATUSES, LK_STATUS } from './statuses.js';

const SECOND = 1000;

/** Steps after a push at `pushedMs`: VALIDATION → FILES_VERIFICATION → …, with seeded failures. */
export function planAfterPush(
  random: SeededRandom,
  options: ResolvedEpguOptions,
  pushedMs: number,
): OrderStep[] {
  const roll = random.next();
  let at = pushedMs;
  const steps: OrderStep[] = [{ atMs: at, processing: 'VALIDATION', statusId: LK_STATUS.REGISTERED }];
  at += random.int(5, 30) * SECOND;
  if (roll < options.validationErrorRate) {
    steps.push({ atMs: at, processing: 'VALIDATION_ERROR', statusId: LK_STATUS.NEEDS_CORRECTION });
    return steps;
  }
  steps.push({ atMs: at, processing: 'FILES_VERIFICATION', statusId: LK_STATUS.REGISTERED });
  at += random.int(10, 60) * SECOND;
  if (roll < options.validationErrorRate + options.filesFailedRate) {
    steps.push({ atMs: at, processing: 'FILES_VERIFICATION_FAILED', statusId: LK_STATUS.SEND_ERROR });
    return steps;
  }
  steps.push({ atMs: at, processing: 'FILES_VERIFICATION_SUCCESS', statusId: LK_STATUS.SENT });
  at += random.int(30, 120) * SECOND;
  steps.push({ atMs: at, processing: 'DONE', statusId: LK_STATUS.RECEIVED });
  at += random.int(60, 240) * SECOND;
  steps.push({ atMs: at, processing: 'DONE', statusId: LK_STATUS.SERVICE_PROVIDED, result: true });
  return steps;
}

/** Steps visible at `nowMs` (the first, the draft, is always visible). */
export function visibleSteps(order: EpguOrder, nowMs: number): OrderStep[] {
  return order.steps.filter((step, index) => index === 0 || step.atMs <= nowMs);
}

export function currentStep(order: EpguOrder, nowMs: number): OrderStep {
  const steps = visibleSteps(order, nowMs);
  return steps[steps.length - 1] as OrderStep;
}

export function isFinal(order: EpguOrder, nowMs: number): boolean {
  return FINAL_STATUSES.has(currentStep(order, nowMs).statusId);
}

export function hasResult(order: EpguOrder, nowMs: number): boolean {
  return currentStep(order, nowMs).result === true;
}

/** Cancels now: future steps are dropped, a «cancelled» step is appended. */
export function cancelOrder(order: EpguOrder, nowMs: number): void {
  const current = currentStep(order, nowMs);
  order.steps = [
    ...visibleSteps(order, nowMs),
    { atMs: nowMs, processing: current.processing, statusId: LK_STATUS.CANCELLED },
  ];
}
