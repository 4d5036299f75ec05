/**
 * What reads show of an order: the status triple of the status pages and the order JSON of getOrder
 * (field names from a real order in go-api-epgu `order-info.go`; a subset, plus goskit's
 * `processingState` so clients can see the gu-smev state [goskit's own field]).
 */
import { findService } from './catalogue.js';
import { mskDateTime } from './dates.js';
import { resultFile } from './result-file.js';
import type { EpguOrder, OrderStep } from './state.js';
import { FINAL_STATUSES, statusName } from './statuses.js';
import { currentStep, visibleSteps } from './timeline.js';

export interface StatusTriple {
  statusId: number;
  statusName: string;
  updated: string;
}

export function statusTriple(order: EpguOrder, nowMs: number): StatusTriple {
  const step = currentStep(order, nowMs);
  return { statusId: step.statusId, statusName: statusName(step.statusId), updated: mskDateTime(step.atMs) };
}

/** Time of the last visible change. */
export function updatedMs(order: EpguOrder, nowMs: number): number {
  return currentStep(order, nowMs).atMs;
}

function historyEntry(order: EpguOrder, step: OrderStep, index: number, department: string) {
  const final = FINAL_STATUSES.has(step.statusId);
  return {
    id: order.id * 100 + index,
    statusId: step.statusId,
    title: statusName(step.statusId),
    date: mskDateTime(step.atMs),
    orderId: order.id,
    finalStatus: final,
    cancelAllowed: !final,
    hasResult: step.result ? 'Y' : 'N',
    sender: index === 0 ? undefined : department,
    unreadEvent: true,
    deliveryCancelAllowed: false,
    sendMessageAllowed: false,
    editAllowed: false,
  };
}

export function orderDetails(order: EpguOrder, nowMs: number): Record<string, unknown> {
  const service = findService(order.serviceCode);
  const department = service?.department ?? '';
  const steps = visibleSteps(order, nowMs);
  const history = steps.map((step, index) => historyEntry(order, step, index, department));
  const current = steps[steps.length - 1] as OrderStep;
  const result = current.result === true;
  const attachments = order.archive
    ? [
        {
          id: `${order.id}/files/${order.archive.fileName}`,
          fileName: order.archive.fileName,
          mimeType: 'application/zip',
          link: `terrabyte://00/${order.id}/${order.archive.fileName}/2`,
          hasDigitalSignature: false,
          fileSize: order.archive.size,
          type: 'REQUEST',
        },
      ]
    : [];
  const responses = result ? [resultFile(order).descriptor] : [];
  return {
    id: order.id,
    orderStatusId: current.statusId,
    orderStatusName: statusName(current.statusId),
    statuses: history,
    currentStatusHistory: history[history.length - 1],
    currentStatusHistoryId: order.id * 100 + history.length - 1,
    updated: mskDateTime(current.atMs),
    closed: FINAL_STATUSES.has(current.statusId),
    hasResult: result,
    orderAttachmentFiles: attachments,
    orderResponseFiles: responses,
    processingState: current.processing,
    eserviceId: order.serviceCode,
    serviceTargetId: order.targetCode,
    serviceName: service?.title ?? '',
    stateStructureName: department,
    userSelectedRegion: order.region,
    ownerId: Number(order.ownerId) || order.ownerId,
    userId: Number(order.ownerId) || order.ownerId,
    personType: 'PERSON',
    creationMode: 'api',
    orderType: 'ORDER',
    orderDate: mskDateTime(order.createdMs),
  };
}
