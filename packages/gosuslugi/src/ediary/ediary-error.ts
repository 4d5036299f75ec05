/**
 * Failures of the e-diary flows: the feed's refusals (its `{ code, message }` kept as `ediaryCode`),
 * a link that matched none of the parent's children (the matching report attached, no personal data
 * in the message). Problems of data files are not errors: they are deviations in the report.
 */
import { redactText } from '@goskit/core';
import type { ErrorHint } from '../errors/gosuslugi-error.js';
import { GosuslugiError, type GosuslugiErrorCode } from '../errors/gosuslugi-error.js';
import type { MatchReport } from './match-children.js';

export type EdiaryErrorCode = Extract<
  GosuslugiErrorCode,
  'EDIARY_ERROR' | 'NO_CHILDREN_MATCHED' | 'INVALID_RESPONSE'
>;

/** Usual causes of the feed's codes (goskit's own contract, openapi/ediary.yaml). */
export const EDIARY_ERROR_HINTS: Readonly<Record<string, ErrorHint>> = {
  unauthorized: {
    ru: 'Нужен действующий токен ЕСИА: войдите снова или обновите системный токен.',
    en: 'A valid ESIA token is needed: sign in again or refresh the system token.',
  },
  scope_missing: {
    ru: 'У системного токена нет области доступа ленты дневника (EDIARY_FEED_SCOPE).',
    en: 'The system token lacks the e-diary feed scope (EDIARY_FEED_SCOPE).',
  },
  not_your_child: {
    ru: 'Ученик не является ребёнком этого родителя по данным Госуслуг.',
    en: 'The pupil is not a child of this parent according to Gosuslugi.',
  },
  not_found: { ru: 'Связь не найдена (уже отключена?).', en: 'Connection not found (unlinked already?).' },
  idempotency_key_reused: {
    ru: 'Ключ идемпотентности уже использован для другого пакета.',
    en: 'The idempotency key was already used for another batch.',
  },
  batch_too_large: { ru: 'В пакете больше 1000 записей.', en: 'A batch holds more than 1000 records.' },
  bad_request: { ru: 'Запрос не соответствует контракту.', en: 'The request does not follow the contract.' },
};

export class EdiaryError<Code extends EdiaryErrorCode = EdiaryErrorCode> extends GosuslugiError<Code> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'EdiaryError';

  readonly ediaryCode: string | undefined;
  readonly status: number | undefined;
  /** NO_CHILDREN_MATCHED: which children matched nothing, or too much. */
  readonly matching: MatchReport | undefined;

  constructor(
    code: Code,
    message: string,
    details: {
      ediaryCode?: string;
      status?: number;
      cause?: unknown;
      hint?: ErrorHint;
      matching?: MatchReport;
    } = {},
  ) {
    const hint = details.hint ?? (details.ediaryCode ? EDIARY_ERROR_HINTS[details.ediaryCode] : undefined);
    super(code, message, { cause: details.cause, ...(hint ? { hint } : {}) });
    this.ediaryCode = details.ediaryCode;
    this.status = details.status;
    this.matching = details.matching;
  }

  /** From the feed's `{ code, message }` body. */
  static fromBody(body: { code: string; message?: string | null }, status: number, cause?: unknown) {
    const text = body.message ? `: ${redactText(body.message).slice(0, 300)}` : '';
    return new EdiaryError('EDIARY_ERROR', `E-diary feed refused (HTTP ${status}, ${body.code})${text}`, {
      ediaryCode: body.code,
      status,
      cause,
    });
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      ediaryCode: this.ediaryCode,
      status: this.status,
    };
  }
}

export function isEdiaryError(value: unknown): value is EdiaryError {
  return value instanceof EdiaryError;
}
