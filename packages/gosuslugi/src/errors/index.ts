export { EPGU_ERROR_HINTS, EpguError, type EpguErrorCode, isEpguError } from './epgu-error.js';
export {
  EsiaError,
  type EsiaErrorCode,
  type EsiaErrorDetails,
  isEsiaError,
  parseEsiaDescription,
} from './esia-error.js';
export { ESIA_ERROR_HINTS, esiaErrorHint } from './esia-hints.js';
export { EsiaScopeError, isEsiaScopeError } from './esia-scope-error.js';
export {
  type ErrorHint,
  GosuslugiError,
  type GosuslugiErrorCode,
  isGosuslugiError,
} from './gosuslugi-error.js';
