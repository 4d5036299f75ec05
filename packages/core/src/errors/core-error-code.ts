/** Stable, machine-readable codes of the errors @goskit/core throws. */
export type CoreErrorCode =
  | 'HTTP_ERROR'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'RATE_LIMITED'
  | 'RESPONSE_VALIDATION'
  | 'INVALID_OPTIONS'
  | 'TOKEN_EXPIRED';
