import { redactText } from '@goskit/core';
import { type ErrorHint, GosuslugiError, type GosuslugiErrorCode } from './gosuslugi-error.js';

export type EpguErrorCode = Extract<
  GosuslugiErrorCode,
  | 'EPGU_ERROR'
  | 'FILE_TOO_LARGE'
  | 'INVALID_CHUNK_SIZE'
  | 'UPLOAD_WINDOW_EXCEEDED'
  | 'CHUNK_PROTOCOL'
  | 'INVALID_RESPONSE'
  | 'DICTIONARY_ERROR'
  | 'INVALID_FILE_LINK'
>;

/** Usual causes of EPGU's `{ code }` values (API ЕПГУ v1.12.1). */
export const EPGU_ERROR_HINTS: Readonly<Record<string, ErrorHint>> = {
  access_denied_person_permissions: {
    ru: 'У токена нет разрешения APIPGU: передайте permissions: epguPermissions(…) в authorizationUrl() при входе пользователя.',
    en: 'The token lacks the APIPGU permission: pass permissions: epguPermissions(…) to authorizationUrl() at sign-in.',
  },
  access_denied_service: {
    ru: 'Системе не разрешена эта услуга.',
    en: 'The system is not allowed this service.',
  },
  access_denied_system: {
    ru: 'Система не допущена к API ЕПГУ.',
    en: 'The system is not admitted to the EPGU API.',
  },
  access_denied_user: { ru: 'Пользователю недоступна эта услуга.', en: 'The user may not use this service.' },
  access_denied_user_legal: {
    ru: 'Услуга недоступна юридическому лицу.',
    en: 'The service is not available to a legal entity.',
  },
  bad_delegation: { ru: 'Неверная доверенность.', en: 'Bad delegation.' },
  bad_request: {
    ru: 'Запрос не соответствует спецификации.',
    en: 'The request does not follow the specification.',
  },
  cancel_not_allowed: {
    ru: 'Заявление в этом статусе нельзя отменить.',
    en: 'The order cannot be cancelled in its current status.',
  },
  config_delegation: { ru: 'Ошибка настройки доверенности.', en: 'Delegation misconfigured.' },
  internal_error: { ru: 'Внутренняя ошибка ЕПГУ: повторите позже.', en: 'EPGU internal error: retry later.' },
  limitation_exception: {
    ru: 'Превышен лимит: не более 20 заявлений на услугу от пользователя за 10 минут.',
    en: 'Limit exceeded: at most 20 orders per service per user in 10 minutes.',
  },
  not_found: {
    ru: 'Заявление не найдено (ЕПГУ отвечает 204 без тела): проверьте номер заявления.',
    en: 'Order not found (EPGU answers 204 with no body): check the order id.',
  },
  order_access: { ru: 'Нет доступа к заявлению.', en: 'No access to the order.' },
  push_denied: {
    ru: 'Отправка архива запрещена (заявление уже отправлено или отменено).',
    en: 'Push denied (the order was already sent or cancelled).',
  },
  service_not_found: {
    ru: 'Услуга не найдена: проверьте serviceCode и targetCode.',
    en: 'Service not found: check serviceCode and targetCode.',
  },
};

/** An EPGU refusal (`{ code, message }` kept as `epguCode`) or a client-side upload check. */
export class EpguError<Code extends EpguErrorCode = EpguErrorCode> extends GosuslugiError<Code> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'EpguError';

  readonly epguCode: string | undefined;
  readonly status: number | undefined;

  constructor(
    code: Code,
    message: string,
    details: { epguCode?: string; status?: number; cause?: unknown; hint?: ErrorHint } = {},
  ) {
    const hint = details.hint ?? (details.epguCode ? EPGU_ERROR_HINTS[details.epguCode] : undefined);
    super(code, message, { cause: details.cause, ...(hint ? { hint } : {}) });
    this.epguCode = details.epguCode;
    this.status = details.status;
  }

  /** From EPGU's `{ code, message }` body. */
  static fromBody(
    body: { code: string; message?: string | null },
    status: number,
    cause?: unknown,
  ): EpguError<'EPGU_ERROR'> {
    const text = body.message ? `: ${redactText(body.message).slice(0, 300)}` : '';
    return new EpguError('EPGU_ERROR', `EPGU refused (HTTP ${status}, ${body.code})${text}`, {
      epguCode: body.code,
      status,
      cause,
    });
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), epguCode: this.epguCode, status: this.status };
  }
}

export function isEpguError(value: unknown): value is EpguError {
  return value instanceof EpguError;
}
