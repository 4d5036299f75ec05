/**
 * VK ID refused or the login cannot be finished: an OAuth-style `{ error, error_description }`
 * answer (kept as `oauthError`), a state that is unknown or not echoed, a callback without `code`
 * or `device_id`. Descriptions are redacted; codes and tokens never reach the message.
 */
import { redactText } from '@goskit/core';
import { type ErrorHint, SferumError } from './sferum-error.js';

export type VkIdErrorCode = 'VKID_ERROR' | 'STATE_MISMATCH' | 'INVALID_CALLBACK' | 'INVALID_RESPONSE';

const HINTS = new Map<string, ErrorHint>([
  [
    'invalid_grant',
    {
      ru: 'Код или refresh_token неверен, истёк, уже использован, либо code_verifier/device_id не совпадают.',
      en: 'The code or refresh_token is invalid, expired or used, or code_verifier/device_id do not match.',
    },
  ],
  [
    'invalid_client',
    {
      ru: 'client_id неизвестен VK ID или приложение отключено.',
      en: 'VK ID does not know the client_id, or the app is disabled.',
    },
  ],
  [
    'invalid_request',
    {
      ru: 'В запросе не хватает параметра или он неверен (redirect_uri должен совпадать с зарегистрированным).',
      en: 'A request parameter is missing or invalid (redirect_uri must match the registered one).',
    },
  ],
  [
    'access_denied',
    {
      ru: 'Пользователь отказался от входа или не дал согласие.',
      en: 'The user refused to sign in or to consent.',
    },
  ],
  [
    'invalid_token',
    {
      ru: 'access_token неверен или истёк (живёт 1 час): обновите его через refresh().',
      en: 'The access_token is invalid or expired (it lives 1 hour): refresh it with refresh().',
    },
  ],
]);

export class VkIdError extends SferumError<VkIdErrorCode> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'VkIdError';

  readonly oauthError: string | undefined;
  readonly description: string | undefined;
  readonly status: number | undefined;

  constructor(
    code: VkIdErrorCode,
    message: string,
    details: {
      oauthError?: string | undefined;
      description?: string | undefined;
      status?: number | undefined;
      hint?: ErrorHint | undefined;
      cause?: unknown;
    } = {},
  ) {
    super(code, message, {
      cause: details.cause,
      hint: details.hint ?? (details.oauthError ? HINTS.get(details.oauthError) : undefined),
    });
    this.oauthError = details.oauthError;
    this.description =
      details.description === undefined ? undefined : redactText(details.description.slice(0, 500));
    this.status = details.status;
  }

  /** From an OAuth-style error answer (callback query or endpoint body). */
  static fromOAuth(oauthError: string, description: string | undefined, status?: number, cause?: unknown) {
    const safeError = oauthError.slice(0, 100);
    const text = description === undefined ? '' : `: ${redactText(description.slice(0, 300))}`;
    return new VkIdError('VKID_ERROR', `VK ID refused (${safeError})${text}`, {
      oauthError: safeError,
      description,
      status,
      cause,
    });
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), oauthError: this.oauthError, status: this.status };
  }
}

export function isVkIdError(value: unknown): value is VkIdError {
  return value instanceof VkIdError;
}
