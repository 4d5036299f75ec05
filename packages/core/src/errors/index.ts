export { AbortError, isAbortError } from './abort-error.js';
export type { CoreErrorCode } from './core-error-code.js';
export { GoskitError, isGoskitError } from './goskit-error.js';
export { HttpError, type HttpErrorCode, type HttpErrorDetails, isHttpError } from './http-error.js';
export { InvalidOptionsError, isInvalidOptionsError } from './invalid-options-error.js';
export { isNetworkError, NetworkError } from './network-error.js';
export { isRateLimitError, RateLimitError, type RateLimitErrorDetails } from './rate-limit-error.js';
export { isRedirectError, RedirectError, type RedirectRefusal } from './redirect-error.js';
export { isResponseTooLargeError, ResponseTooLargeError } from './response-too-large-error.js';
export { isResponseValidationError, ResponseValidationError } from './response-validation-error.js';
export {
  isServiceUnavailableError,
  ServiceUnavailableError,
  type ServiceUnavailableErrorDetails,
} from './service-unavailable-error.js';
export { isTimeoutError, TimeoutError } from './timeout-error.js';
export { isTokenExpiredError, TokenExpiredError } from './token-expired-error.js';
