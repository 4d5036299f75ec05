/**
 * The status machine on the virtual clock. A push plans the whole timeline at once from a random
 * stream forked by order id (so the plan does not depend on what else happened); reads show the steps
 * whose time has come. Every path ends within 10 virtual minutes of the push, in a step that closes
 * the order: «Услуга оказана», or a failure the spec marks final (Приложение 1) — an archive whose
 * structure is wrong fails for sure, the rest by the seeded outcome rates.
 */
import type { SeededRandom } from '../../engine/types.js';
import type { ResolvedEpguOptions } from './options.js';
import type { EpguOrder, OrderStep } from './state.js';
import { FINAL_FAILURES, FINAL_STATUSES, LK_STATUS, type ProcessingState } from './statuses.js';

const SECOND = 1000;

/** A failure the archive itself decides (archive.ts checks the structure). */
export interface StructureFailure {
  state: Extract<ProcessingState, 'INVALID_FILES_STRUCTURE' | 'REQ_NOT_FOUND'>;
  comment: string;
}

function failure(atMs: number, processing: ProcessingState, statusId: number, comment: string): OrderStep {
  return { atMs, processing, statusId, final: true, comment };
}

/** Steps after a push at `pushedMs`: VALIDATION → FILES_VERIFICATION → …, with seeded failures. */
export function planAfterPush(
  random: SeededRandom,
  options: ResolvedEpguOptions,
  pushedMs: number,
  structure?: StructureFailure,
): OrderStep[] {
  const roll = random.next();
  let at = pushedMs;
  const steps: OrderStep[] = [{ atMs: at, processing: 'VALIDATION', statusId: LK_STATUS.REGISTERED }];
  at += random.int(5, 30) * SECOND;
  if (structure) {
    steps.push(failure(at, structure.state, LK_STATUS.NEEDS_CORRECTION, structure.comment));
    return steps;
  }
  if (roll < options.validationErrorRate) {
    steps.push(
      failure(
        at,
        'VALIDATION_ERROR',
        LK_STATUS.NEEDS_CORRECTION,
        'VALIDATION_ERROR: вложения не прошли проверку по спецификации услуги',
      ),
    );
    return steps;
  }
  steps.push({ atMs: at, processing: 'FILES_VERIFICATION', statusId: LK_STATUS.REGISTERED });
  at += random.int(10, 60) * SECOND;
  if (roll < options.validationErrorRate + options.filesFailedRate) {
    steps.push(
      failure(
        at,
        'FILES_VERIFICATION_FAILED',
        LK_STATUS.SEND_ERROR,
        'FILES_VERIFICATION_FAILED: подписи вложений отсутствуют или не прошли проверку',
      ),
    );
    return steps;
  }
  steps.push({ atMs: at, processing: 'FILES_VERIFICATION_SUCCESS', statusId: LK_STATUS.SENT });
  at += random.int(30, 120) * SECOND;
  steps.push({ atMs: at, processing: 'DONE', statusId: LK_STATUS.RECEIVED, comment: 'Сообщение доставлено' });
  at += random.int(60, 240) * SECOND;
  steps.push({
    atMs: at,
    processing: 'DONE',
    statusId: LK_STATUS.SERVICE_PROVIDED,
    result: true,
    final: true,
  });
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

/** A step that closes the order: marked final, a final ЛК status, or a final failure state. */
export function isFinalStep(step: OrderStep): boolean {
  return step.final === true || FINAL_STATUSES.has(step.statusId) || FINAL_FAILURES.has(step.processing);
}

export function isFinal(order: EpguOrder, nowMs: number): boolean {
  return isFinalStep(currentStep(order, nowMs));
}

export function hasResult(order: EpguOrder, nowMs: number): boolean {
  return currentStep(order, nowMs).result === true;
}

/** Cancels now: future steps are dropped, a final «cancelled» step is appended. */
export function cancelOrder(order: EpguOrder, nowMs: number, reason?: string): void {
  const current = currentStep(order, nowMs);
  order.steps = [
    ...visibleSteps(order, nowMs),
    {
      atMs: nowMs,
      processing: current.processing,
      statusId: LK_STATUS.CANCELLED,
      final: true,
      ...(reason === undefined ? {} : { comment: reason }),
    },
  ];
}
