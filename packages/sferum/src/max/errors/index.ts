export {
  isMaxApiError,
  type KnownMaxCode,
  MaxApiError,
  type MaxApiErrorDetails,
} from './max-api-error.js';
export { isMaxError, MaxError, type MaxErrorCode, type MaxErrorHint } from './max-error.js';
export { type LocalizedRule, MaxInputError } from './max-input-error.js';
export { MaxUploadError } from './max-upload-error.js';
