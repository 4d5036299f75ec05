/**
 * Files of an order as the details list them, addressed like EPGU's storage («TERRABYTE»):
 * - orderAttachmentFiles: the files inside the pushed archive, link `terrabyte://00/<orderId>/<name>/2`
 *   and id `<orderId>/files/<base64url(name)>` (the spec's example: req.xml → `…/files/cmVxLnhtbA`);
 * - orderResponseFiles: the result document, link `terrabyte://00/<statusHistoryId>/<name>/3` — the
 *   spec's download section: objectId = currentStatusHistoryId, objectType 3 for results.
 * A link's last three segments are objectId, mnemonic, objectType of
 * GET /api/storage/v2/files/{objectId}/{objectType}/download?mnemonic= (as go-api-epgu reads them).
 */
import { toBase64Url, utf8 } from '@goskit/crypto';
import type { ArchiveFile, EpguOrder } from './state.js';

export const ATTACHMENT_OBJECT_TYPE = '2';
export const RESULT_OBJECT_TYPE = '3';

export function fileId(objectId: number, name: string): string {
  return `${objectId}/files/${toBase64Url(utf8(name))}`;
}

export function terrabyteLink(objectId: number, name: string, objectType: string): string {
  return `terrabyte://00/${objectId}/${name}/${objectType}`;
}

/** An orderAttachmentFiles element (the spec's fields, in its example's order). */
export function attachmentDescriptor(order: EpguOrder, file: ArchiveFile) {
  return {
    fileName: file.name,
    fileSize: file.size,
    link: terrabyteLink(order.id, file.name, ATTACHMENT_OBJECT_TYPE),
    id: fileId(order.id, file.name),
    mimeType: file.mimeType,
    hasDigitalSignature: file.signed,
    type: file.type,
  };
}

export function resultFileName(orderId: number): string {
  return `result_${orderId}.pdf`;
}

/** An orderResponseFiles element for the result of an order, stored under its status `historyId`. */
export function resultDescriptor(order: EpguOrder, historyId: number, size: number) {
  const name = resultFileName(order.id);
  return {
    hasAltMimeType: false,
    fileName: name,
    edsStatus: 'EDS_NOT_SUPPORTED',
    fileSize: size,
    link: terrabyteLink(historyId, name, RESULT_OBJECT_TYPE),
    id: fileId(historyId, name),
    mimeType: 'application/pdf',
    hasDigitalSignature: false,
  };
}
