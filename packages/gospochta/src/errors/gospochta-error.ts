import { GoskitError } from '@goskit/core';

/** Stable codes of every failure @goskit/gospochta reports itself (transport failures stay core's). */
export type GospochtaErrorCode =
  | 'PACKET_REJECTED' // a received packet failed a check (header, key, time, MAC, digest, JWS, body, PII, replay)
  | 'PACKET_BUILD_FAILED' // a packet could not be built (a PII field that is not a string, a body JSON cannot carry)
  | 'KEY_USAGE_EXCEEDED' // an encryption key reached its invocation limit: rotate it
  | 'API_ERROR' // the portal answered with a problem (keeps the portal's `code`)
  | 'PERMISSION_DENIED' // the role lacks the operation's permission (checked locally or by the portal)
  | 'IDEMPOTENCY_CONFLICT' // the same Idempotency-Key with a different request
  | 'LINK_EXPIRED' // a document link is past its expiry
  | 'UNSAFE_LINK' // a link points outside the API's origin or base path
  | 'SIGNATURE_INVALID' // a delivery act, receipt, document or file failed its signature or hash check
  | 'TOKEN_INVALID' // an access token failed verification (algorithm, signature, iss, aud, exp, role)
  | 'AUTH_FAILED' // the token endpoint refused (OAuth error kept)
  | 'TLS_CONFIG' // the client certificate, key or CA cannot be used
  | 'TLS_REJECTED' // the portal refused the TLS handshake (unknown, expired or missing certificate)
  | 'VALIDATION_FAILED' // input checked before sending (ИНН, СНИЛС, УИН, amounts, ids)
  | 'INVALID_RESPONSE' // a 2xx body that is not what the contract says
  | 'WAIT_TIMEOUT'; // a poll did not reach the wanted state in time

/** A short explanation of the usual cause, in Russian and English. */
export interface ErrorHint {
  ru: string;
  en: string;
}

/**
 * Base class of @goskit/gospochta errors. Messages name the step, the field and the rule — never a
 * token, a key, a secret or personal data.
 */
export class GospochtaError<Code extends GospochtaErrorCode = GospochtaErrorCode> extends GoskitError<Code> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'GospochtaError';

  readonly hint: ErrorHint | undefined;

  constructor(code: Code, message: string, options: { cause?: unknown; hint?: ErrorHint } = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), ...(this.hint ? { hint: this.hint } : {}) };
  }
}

export function isGospochtaError(value: unknown): value is GospochtaError {
  return value instanceof GospochtaError;
}
