/**
 * @goskit/gospochta — a client for Госпочта (ГЭПС) on goskit's own contract (there is no public
 * Госпочта API; see openapi/gospochta.yaml): SSO and roles, mutual TLS, protected packets (PII fields
 * encrypted with AES-256-GCM, HMAC-SHA-256 over a canonical form, optional JWS), legally significant
 * letters with delivery acts and SLA reports, payments by ИНН/СНИЛС/УИН with idempotency keys and
 * receipts, documents by expiring links. Packet build and verify are both here, for portals and
 * webhook receivers too.
 */
export {
  ACCESS_TOKEN_ALGORITHMS,
  type AccessTokenAlgorithm,
  type AccessTokenClaims,
  type AccessTokenPolicy,
  verifyAccessToken,
} from './access/access-token.js';
export type {
  ClientCredentialsAuth,
  EsiaPersonAuth,
  GospochtaAuth,
  ProvidedTokenAuth,
} from './access/auth-options.js';
export {
  type EsiaSignIn,
  type EsiaSignInOptions,
  type EsiaSignInResult,
  esiaSignIn,
} from './access/esia-sign-in.js';
export {
  effectivePermissions,
  isPermission,
  isRole,
  missingPermission,
  OPERATION_PERMISSIONS,
  type OperationId,
  PERMISSIONS,
  type Permission,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
} from './access/roles.js';
export type { RoleMatrix, Session } from './access/session-api.js';
export type { AuditRecord } from './admin/audit.js';
export { createGospochtaClient, type GospochtaClient } from './client/create-gospochta-client.js';
export type { Decrypted } from './client/decrypted.js';
export type { GospochtaClientOptions, GospochtaTokenKeys, GospochtaTokenOptions } from './client/options.js';
export type { PersonInput } from './client/person-input.js';
export type { DownloadedDocument, DownloadOptions } from './documents/download.js';
export {
  DOCUMENT_KINDS,
  type DocumentInfo,
  type DocumentKind,
  type DocumentLink,
  type DocumentRequest,
  type DocumentRequestStatus,
} from './documents/models.js';
export type { RequestDocumentInput, WaitUntilReadyOptions } from './documents/requests.js';
export * from './errors/index.js';
export type { components, operations, paths } from './generated/gospochta.js';
export type { VerifiedDeliveryAct } from './letters/delivery-act.js';
export { DOCUMENT_TYPES, type DocumentType, isDocumentType } from './letters/document-types.js';
export type { DownloadedFile, InboxFilter, InboxPage } from './letters/inbox.js';
export type {
  Attachment,
  DeliveryAct,
  Letter,
  LetterSummary,
  OutgoingLetter,
  StatusChange,
} from './letters/models.js';
export type { OutboxFilter, OutboxPage } from './letters/outbox.js';
export {
  ATTACHMENT_LIMITS,
  type AttachmentMediaType,
  type OutgoingAttachmentInput,
  type SendLetterInput,
  type SentLetter,
} from './letters/send-letter.js';
export {
  type BatchItemResult,
  type BatchOptions,
  type BatchResult,
  confirmedAt,
  measureSla,
  type SlaOptions,
  type SlaReport,
} from './letters/sla.js';
export {
  CONFIRMED_STATUSES,
  FINAL_STATUSES,
  hasReached,
  LETTER_STATUSES,
  type LetterStatus,
} from './letters/statuses.js';
export type { WaitForStatusOptions } from './letters/wait-for-status.js';
export type { OperationLog, OperationRecord } from './log/operation-log.js';
export * from './packets/index.js';
export { type ChargeQuery, checkChargeQuery } from './payments/charges.js';
export type { Charge, Payment, PaymentStatus, Receipt } from './payments/models.js';
export type { PayInput, PaymentOutcome } from './payments/pay.js';
export type { PaymentFilter } from './payments/payment-list.js';
export type { VerifiedReceipt } from './payments/receipts.js';
export type { CmsSignatureInfo } from './signatures/cms-signature.js';
export { type JwsAlgorithmName, signDetached, verifyDetached } from './signatures/detached-jws.js';
export { type FileHashes, hashFile } from './signatures/file-hashes.js';
export type { SignatureInfo } from './signatures/signed-json.js';
export { type TrustedCertificate, trustCertificates } from './signatures/trusted-certificates.js';
export {
  type ClientCertificateInfo,
  type ClientTlsOptions,
  createMtlsFetch,
  type MtlsFetch,
} from './tls/mtls-fetch.js';
export type { TlsMaterial } from './tls/tls-material.js';
export {
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
  type WebhookEventType,
  type WebhookSubscription,
} from './webhooks/models.js';
export {
  createWebhookHandler,
  type WebhookAnswer,
  type WebhookDelivery,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from './webhooks/webhook-handler.js';
