/**
 * MAX answered `{ code, message }` with a non-2xx status. `code` is goskit's stable `MAX_API_ERROR`;
 * `maxCode` keeps MAX's own (`verify.token`, `chat.denied`, `attachment.not.ready`, `proto.payload`,
 * `not.found`…). The message MAX wrote is kept redacted and bounded; the HTTP details come along.
 */
import { redactText } from '@goskit/core';
import { MaxError, type MaxErrorHint } from './max-error.js';

/** MAX error codes goskit knows; any other string MAX sends is kept as it is. */
export type KnownMaxCode =
  | 'verify.token'
  | 'chat.denied'
  | 'attachment.not.ready'
  | 'proto.payload'
  | 'not.found'
  | 'method.not.allowed'
  | 'too.many.requests'
  | 'internal.error';

const MAX_TEXT = 500;

const HINTS = new Map<string, MaxErrorHint>([
  [
    'verify.token',
    {
      ru: 'Токен бота неверен или отозван. MAX ждёт его в Authorization как есть, без «Bearer»; параметр access_token больше не принимается.',
      en: 'The bot token is wrong or revoked. MAX expects it in Authorization as it is, without "Bearer"; the access_token parameter is no longer accepted.',
    },
  ],
  [
    'chat.denied',
    {
      ru: 'Бот не состоит в чате или у него нет нужного права администратора (add_remove_members, read_all_messages, change_chat_info, pin_message…).',
      en: 'The bot is not in the chat or lacks the admin permission the call needs (add_remove_members, read_all_messages, change_chat_info, pin_message…).',
    },
  ],
  [
    'attachment.not.ready',
    {
      ru: 'Файл ещё обрабатывается: повторите отправку позже (клиент повторяет сам, см. attachmentRetry).',
      en: 'The file is still being processed: send again later (the client retries by itself, see attachmentRetry).',
    },
  ],
  [
    'proto.payload',
    {
      ru: 'Запрос не прошёл проверку MAX: поле, длина или значение неверны (текст до 4000 символов).',
      en: 'MAX refused the request payload: a field, length or value is wrong (text is at most 4000 characters).',
    },
  ],
  [
    'method.not.allowed',
    {
      ru: 'Для бота настроен webhook: пока подписка есть, long polling недоступен. Удалите подписку (unsubscribe) или принимайте события webhook-ом.',
      en: 'The bot has a webhook: long polling is refused while a subscription exists. Unsubscribe first, or take updates through the webhook.',
    },
  ],
]);

export interface MaxApiErrorDetails {
  status: number;
  /** MAX's `code`. */
  maxCode: string;
  /** MAX's `message`. */
  maxMessage: string;
  method: string;
  /** The API path, e.g. '/chats/-70000000000005/members' (no query, no token). */
  path: string;
  requestId?: string | undefined;
  cause?: unknown;
}

export class MaxApiError extends MaxError<'MAX_API_ERROR'> {
  readonly status: number;
  readonly maxCode: KnownMaxCode | (string & {});
  readonly maxMessage: string;
  readonly method: string;
  readonly path: string;
  readonly requestId: string | undefined;

  constructor(details: MaxApiErrorDetails) {
    const maxCode = String(details.maxCode).slice(0, 100);
    const maxMessage = redactText(String(details.maxMessage ?? '').slice(0, MAX_TEXT));
    super(
      'MAX_API_ERROR',
      `MAX refused ${details.method} ${details.path} (HTTP ${details.status}, ${maxCode})${maxMessage ? `: ${maxMessage}` : ''}`,
      { cause: details.cause, hint: HINTS.get(maxCode) },
    );
    this.status = details.status;
    this.maxCode = maxCode;
    this.maxMessage = maxMessage;
    this.method = details.method;
    this.path = details.path;
    this.requestId = details.requestId;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      maxCode: this.maxCode,
      maxMessage: this.maxMessage,
      method: this.method,
      path: this.path,
      requestId: this.requestId,
    };
  }
}

export function isMaxApiError(value: unknown): value is MaxApiError {
  return value instanceof MaxApiError;
}
