/**
 * The `order` object of getOrder: the 98 fields of the spec's example (5.5), in its order, with its
 * JSON types (strings stay strings even when empty, ids are numbers). Values come from the order;
 * the rest are what real answers show for an API order without payments, deliveries or messages
 * (the spec's example and go-api-epgu `order-info.go`): e.g. `creationMode: 'api'`,
 * `userSelectedRegion: '00000000000'` with the requested region in `location`, `orderDate` truncated
 * to the second. Dates are Moscow time with their offset.
 */
import { findService, passportId } from './catalogue.js';
import { mskDateTime } from './dates.js';
import { attachmentDescriptor, resultDescriptor } from './order-files.js';
import { historyEntry, statusHistoryId } from './order-view.js';
import { resultPdf } from './result-file.js';
import type { EpguOrder, OrderStep } from './state.js';
import { statusName } from './statuses.js';
import { isFinalStep, visibleSteps } from './timeline.js';

const QRLINK = {
  hasAltMimeType: false,
  fileName: '',
  edsStatus: '',
  fileSize: 0,
  canSentToMFC: false,
  link: '',
  id: '',
  mimeType: '',
  hasDigitalSignature: false,
  additionalName: '',
};

export function orderDetails(order: EpguOrder, nowMs: number): Record<string, unknown> {
  const service = findService(order.serviceCode);
  const department = service?.department;
  const steps = visibleSteps(order, nowMs);
  const history = steps.map((step, index) => historyEntry(order, step, index, nowMs));
  const current = steps[steps.length - 1] as OrderStep;
  const currentId = statusHistoryId(order.id, steps.length - 1);
  const closed = isFinalStep(current);
  const result = current.result === true;
  const owner = Number(order.ownerId) || 0;
  const archive = order.archive;
  const signedFiles = archive?.files.filter((file) => !file.name.endsWith('.sig')) ?? [];
  return {
    orderType: 'ORDER',
    smevTx: order.smevTx,
    hasEmpowerment2021: false,
    smevMessageId: 'WAIT_RESPONSE',
    formVersion: '1',
    ownerId: owner,
    notifySms: '',
    hasTimestamp: false,
    orderStatusName: statusName(current.statusId),
    portalName: 'Портал гос услуг v1',
    paymentRequired: false,
    id: order.id,
    signCnt: 0,
    childrenSigned: false,
    stateOrgStatusCode: '',
    inviteToEqueueUrl: '',
    statusColorCode: '',
    orderStatusId: current.statusId,
    withCustomResult: false,
    hasNoPaidPayment: false,
    servicePassportId: passportId(order.serviceCode),
    routingCode: '',
    sourceSystem: order.systemId,
    stateOrgStatusName: '',
    serviceUrl: '',
    serviceEpguId: '1',
    edsStatus: 'EDS_NOT_SUPPORTED',
    allowToDelete: closed,
    requestDate: mskDateTime(archive?.pushedMs ?? order.createdMs),
    complexMode: '',
    stateOrgCode: department?.orgCode ?? '',
    personType: 'PERSON',
    serviceTargetId: order.targetCode,
    orderPayments: [],
    orderResponseFiles: result ? [resultDescriptor(order, currentId, resultPdf(order).length)] : [],
    hasResult: result,
    userId: owner,
    allowToEdit: false,
    closed,
    readyToSign: false,
    currentStatusHistory: history[history.length - 1],
    infoMessages: [],
    notifyEmail: '',
    paymentCount: 0,
    draftHidden: false,
    stateStructureId: department?.structureId ?? '',
    hasNewStatus: true,
    stateOrgId: department?.orgId ?? 0,
    redirectUrl: '',
    hasChildren: false,
    stateStructureName: department?.shortName ?? '',
    portalCode: 'PGU',
    esepOperationId: '',
    orderAttributeEvents: [],
    notifyPush: '',
    eserviceId: order.serviceCode,
    currentStatusHistoryId: currentId,
    linkToOrderForm: '',
    extOrderUrl: '',
    paymentStatusEvents: [],
    payback: false,
    readyToPush: false,
    admLevelCode: service?.level ?? 'FEDERAL',
    formPrefilling: false,
    allFileSign: signedFiles.length > 0 && signedFiles.every((file) => file.signed),
    orgUserName: '',
    noPaidPaymentCount: -1,
    creationMode: 'api',
    steps: [],
    powerMnemonic: '',
    statuses: history,
    orderDate: mskDateTime(Math.floor(order.createdMs / 1000) * 1000),
    updated: mskDateTime(current.atMs),
    checkQueue: false,
    withDelivery: false,
    gisdo: false,
    userSelectedRegion: '00000000000',
    description: '',
    eQueueEvents: [],
    hasActiveInviteToEqueue: false,
    multRegion: false,
    extSystem: false,
    useAsTemplate: false,
    qrlink: { ...QRLINK },
    hasPreviewPdf: false,
    testUser: false,
    textMessages: [],
    unreadMessageCnt: 0,
    parentOrderStateStructureName: '',
    cr_uin: '',
    infSysCode: '',
    serviceName: service?.title ?? '',
    deprecatedService: false,
    hubForm: false,
    extOrderId: '',
    orderAttachmentFiles: archive?.files.map((file) => attachmentDescriptor(order, file)) ?? [],
    online: false,
    location: order.region,
  };
}
