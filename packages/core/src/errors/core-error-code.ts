/** Stable, machine-readable codes of the errors @goskit/core throws. */
export type CoreErrorCode =
  | 'HTTP_ERROR'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'RESPONSE_VALIDATION'
  | 'RESPONSE_TOO_LARGE'
  | 'REDIRECT_REFUSED'
  | 'INVALID_OPTIONS'
  | 'TOKEN_EXPIRED';
