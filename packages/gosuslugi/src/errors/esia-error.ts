import { redactText } from '@goskit/core';
import { esiaErrorHint } from './esia-hints.js';
import { type ErrorHint, GosuslugiError, type GosuslugiErrorCode } from './gosuslugi-error.js';

export type EsiaErrorCode = Extract<
  GosuslugiErrorCode,
  | 'ESIA_ERROR'
  | 'STATE_MISMATCH'
  | 'INVALID_CALLBACK'
  | 'TOKEN_INVALID'
  | 'MISSING_SCOPE'
  | 'UNAUTHORIZED'
  | 'REFRESH_UNAVAILABLE'
  | 'INVALID_RESPONSE'
>;

export interface EsiaErrorDetails {
  /** `ESIA-007053`: the portal's own code, when it gave one. */
  esiaCode?: string | undefined;
  /** The OAuth `error` value (`access_denied`, `invalid_request` …). */
  oauthError?: string | undefined;
  /** ESIA's `error_description` text after the code (redacted). */
  description?: string | undefined;
  /** HTTP status when the error came from an HTTP answer. */
  status?: number | undefined;
  /** For TOKEN_INVALID: the crypto check that failed ('TOKEN_EXPIRED', 'SIGNATURE_MISMATCH' …). */
  reason?: string | undefined;
  hint?: ErrorHint | undefined;
  cause?: unknown;
}

const CODE_PATTERN = /^\s*(ESIA-\d{6})\s*:?\s*([\s\S]*)$/;

/** Splits `ESIA-007053: OAuthErrorEnum.clientSecretWrong` into code and text. */
export function parseEsiaDescription(description: string | undefined): {
  esiaCode: string | undefined;
  text: string | undefined;
} {
  if (description === undefined) {
    return { esiaCode: undefined, text: undefined };
  }
  const match = CODE_PATTERN.exec(description);
  return match
    ? { esiaCode: match[1], text: match[2]?.trim() || undefined }
    : { esiaCode: undefined, text: description };
}

/** Anything ESIA-side went wrong: an ESIA code, a state or token check, a REST refusal. */
export class EsiaError<Code extends EsiaErrorCode = EsiaErrorCode> extends GosuslugiError<Code> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'EsiaError';

  readonly esiaCode: string | undefined;
  readonly oauthError: string | undefined;
  readonly description: string | undefined;
  readonly status: number | undefined;
  readonly reason: string | undefined;

  constructor(code: Code, message: string, details: EsiaErrorDetails = {}) {
    const hint = details.hint ?? esiaErrorHint(details.esiaCode);
    super(code, message, { cause: details.cause, ...(hint ? { hint } : {}) });
    this.esiaCode = details.esiaCode;
    this.oauthError = details.oauthError;
    this.description = details.description === undefined ? undefined : redactText(details.description);
    this.status = details.status;
    this.reason = details.reason;
  }

  /** From ESIA's `{ error, error_description }` (callback query or token endpoint body). */
  static fromOAuth(
    oauthError: string | undefined,
    errorDescription: string | undefined,
    status?: number,
    cause?: unknown,
  ): EsiaError<'ESIA_ERROR'> {
    const { esiaCode, text } = parseEsiaDescription(errorDescription);
    const hint = esiaErrorHint(esiaCode, text);
    const head = [esiaCode, oauthError ? `(${oauthError})` : undefined].filter(Boolean).join(' ');
    const safeText = text === undefined ? undefined : redactText(text).slice(0, 300);
    const message = `ESIA refused: ${head || 'unknown error'}${safeText ? `: ${safeText}` : ''}${hint ? ` — ${hint.en}` : ''}`;
    return new EsiaError('ESIA_ERROR', message, {
      esiaCode,
      oauthError,
      description: text,
      status,
      cause,
      ...(hint ? { hint } : {}),
    });
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      esiaCode: this.esiaCode,
      oauthError: this.oauthError,
      status: this.status,
      reason: this.reason,
    };
  }
}

export function isEsiaError(value: unknown): value is EsiaError {
  return value instanceof EsiaError;
}
