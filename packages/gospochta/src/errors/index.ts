export { type ApiErrorDetails, GospochtaApiError, isGospochtaApiError } from './api-error.js';
export { AuthFailedError } from './auth-failed-error.js';
export {
  type ErrorHint,
  GospochtaError,
  type GospochtaErrorCode,
  isGospochtaError,
} from './gospochta-error.js';
export { IdempotencyConflictError, isIdempotencyConflictError } from './idempotency-conflict-error.js';
export { InvalidResponseError } from './invalid-response-error.js';
export { KeyUsageExceededError } from './key-usage-error.js';
export { isLinkExpiredError, LinkExpiredError } from './link-expired-error.js';
export { PacketBuildError } from './packet-build-error.js';
export { isPacketError, PACKET_CHECKS, type PacketCheck, PacketError } from './packet-error.js';
export { isPermissionDeniedError, PermissionDeniedError } from './permission-denied-error.js';
export {
  isSignatureInvalidError,
  SignatureInvalidError,
  type SignedSubject,
} from './signature-invalid-error.js';
export { TlsConfigError, type TlsPart } from './tls-config-error.js';
export { isTlsRejectedError, TlsRejectedError, type TlsRejection } from './tls-rejected-error.js';
export { TokenInvalidError } from './token-invalid-error.js';
export { UnsafeLinkError } from './unsafe-link-error.js';
export {
  GospochtaValidationError,
  type InputIssue,
  isGospochtaValidationError,
} from './validation-failed-error.js';
export { WaitTimeoutError } from './wait-timeout-error.js';
