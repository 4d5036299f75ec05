/**
 * What reads show of an order's statuses: the status triple of the status pages (`updated` in UTC,
 * the spec's `YYYY-MM-DDTHH:mm:ss.SSS`) and the `statuses[]` / `currentStatusHistory` entries of the
 * details, with the 19 fields of the spec's example (5.5) in its order.
 */
import { cancelAllowed } from './cancel-allowed.js';
import { findService } from './catalogue.js';
import { mskDateTime, utcPageTime } from './dates.js';
import type { EpguOrder, OrderStep } from './state.js';
import { statusName } from './statuses.js';
import { currentStep, isFinalStep, visibleSteps } from './timeline.js';

export interface StatusTriple {
  statusId: number;
  statusName: string;
  updated: string;
}

export function statusTriple(order: EpguOrder, nowMs: number): StatusTriple {
  const step = currentStep(order, nowMs);
  return { statusId: step.statusId, statusName: statusName(step.statusId), updated: utcPageTime(step.atMs) };
}

/** Time of the last visible change. */
export function updatedMs(order: EpguOrder, nowMs: number): number {
  return currentStep(order, nowMs).atMs;
}

/** The id of the order's `index`-th status (`currentStatusHistoryId` of the latest). */
export function statusHistoryId(orderId: number, index: number): number {
  return orderId * 100 + index;
}

/** The order and step index of a status id, for result downloads (objectId = currentStatusHistoryId). */
export function fromStatusHistoryId(historyId: number): { orderId: number; index: number } {
  return { orderId: Math.floor(historyId / 100), index: historyId % 100 };
}

/** A `statuses[]` element: cancelAllowed as the order stood at that step. */
export function historyEntry(order: EpguOrder, step: OrderStep, index: number, nowMs: number) {
  const final = isFinalStep(step);
  const latest = index === visibleSteps(order, nowMs).length - 1;
  return {
    date: mskDateTime(step.atMs),
    cancelAllowed: latest
      ? cancelAllowed(order, nowMs)
      : !final && findService(order.serviceCode)?.cancellable === true,
    unreadEvent: true,
    deliveryCancelAllowed: false,
    finalStatus: final,
    orderId: order.id,
    stateOrgStatusCode: '',
    author: '',
    hasResult: step.result ? 'Y' : 'N',
    stateOrgStatusDescr: '',
    title: statusName(step.statusId),
    mfcFinalStatus: false,
    sendMessageAllowed: false,
    statusId: step.statusId,
    editAllowed: false,
    sender: index === 0 ? '' : (findService(order.serviceCode)?.department.name ?? ''),
    mnemonic: '',
    comment: step.comment ?? '',
    id: statusHistoryId(order.id, index),
  };
}
