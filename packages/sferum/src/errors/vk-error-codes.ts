/**
 * VK API error codes a school integration meets, with VK's own descriptions (vk-api-schema
 * `errors.json`, dev.vk.com method pages) and the usual cause in Russian and English.
 */
import type { ErrorHint } from './sferum-error.js';

/** Named VK error codes, for `error.vkCode === VK_ERROR.TOO_MANY_REQUESTS` instead of magic numbers. */
export const VK_ERROR = Object.freeze({
  UNKNOWN: 1,
  UNKNOWN_METHOD: 3,
  AUTH_FAILED: 5,
  TOO_MANY_REQUESTS: 6,
  PERMISSION_DENIED: 7,
  INVALID_REQUEST: 8,
  FLOOD_CONTROL: 9,
  INTERNAL_SERVER_ERROR: 10,
  EXECUTE_RUNTIME: 13,
  CAPTCHA_NEEDED: 14,
  ACCESS_DENIED: 15,
  VALIDATION_REQUIRED: 17,
  USER_DELETED_OR_BANNED: 18,
  GROUP_AUTH_FAILED: 27,
  RATE_LIMIT_REACHED: 29,
  PARAM: 100,
  INVALID_USER_ID: 113,
  GROUP_ACCESS_DENIED: 203,
  PRIVACY_BLACKLIST: 900,
  PRIVACY_NO_PERMISSION: 901,
  PRIVACY_SETTINGS: 902,
  MESSAGE_TOO_LONG: 914,
  CHAT_NO_ACCESS: 917,
  INVITE_LINK_HIDDEN: 919,
  CHAT_LEFT: 922,
  CHAT_NOT_ADMIN: 925,
  CHAT_NOT_FOUND: 927,
  INVITE_LINK_LOCKED: 931,
  PEER_NOT_ALLOWED: 932,
  USER_NOT_IN_CHAT: 935,
  CONTACT_NOT_FOUND: 936,
  MESSAGE_REQUEST_SENT: 939,
  CHAT_DISABLED: 945,
  CHAT_UNSUPPORTED: 946,
  USER_NO_GROUP_ACCESS: 947,
  WRITE_RESTRICTED: 983,
  SPAM_RESTRICTED: 984,
  WRITING_DISABLED: 1012,
  RECAPTCHA_NEEDED: 3300,
} as const);

/** VK refused before running the call: repeating it cannot run it twice. */
export const VK_NOT_EXECUTED: ReadonlySet<number> = new Set([
  VK_ERROR.TOO_MANY_REQUESTS,
  VK_ERROR.FLOOD_CONTROL,
  VK_ERROR.CAPTCHA_NEEDED,
]);

/** Transient: the same call may succeed later (6 and 9 after a pause, 10 when VK recovers). */
export const VK_TRANSIENT: ReadonlySet<number> = new Set([
  VK_ERROR.TOO_MANY_REQUESTS,
  VK_ERROR.FLOOD_CONTROL,
  VK_ERROR.INTERNAL_SERVER_ERROR,
]);

const HINTS = new Map<number, ErrorHint>([
  [
    VK_ERROR.AUTH_FAILED,
    {
      ru: 'Токен недействителен, отозван или истёк: получите новый токен сообщества (или пользователя).',
      en: 'The token is invalid, revoked or expired: issue a new community (or user) token.',
    },
  ],
  [
    VK_ERROR.TOO_MANY_REQUESTS,
    {
      ru: 'Превышен лимит запросов токена (3/с для пользователя, 20/с для сообщества): объединяйте вызовы в execute.',
      en: 'The token exceeded its rate (3/s user, 20/s community): pack calls into execute.',
    },
  ],
  [
    VK_ERROR.FLOOD_CONTROL,
    {
      ru: 'Слишком много одинаковых действий подряд: повторите позже.',
      en: 'Too many identical actions in a row: retry later.',
    },
  ],
  [
    VK_ERROR.PERMISSION_DENIED,
    {
      ru: 'У токена нет нужного права (для чатов — messages).',
      en: 'The token lacks the right (chats need the messages right).',
    },
  ],
  [
    VK_ERROR.ACCESS_DENIED,
    {
      ru: 'Доступ запрещён: метод недоступен этому типу токена или объекту.',
      en: 'Access denied: the method is not available to this token kind or object.',
    },
  ],
  [
    VK_ERROR.GROUP_AUTH_FAILED,
    {
      ru: 'Метод недоступен с токеном сообщества (addChatUser, getChat, calls.* требуют токен пользователя).',
      en: 'The method is not available with a community token (addChatUser, getChat, calls.* need a user token).',
    },
  ],
  [
    VK_ERROR.CHAT_NOT_ADMIN,
    {
      ru: 'Сообщество (или пользователь) не администратор этого чата.',
      en: 'The community (or user) is not an admin of this chat.',
    },
  ],
  [
    VK_ERROR.CHAT_NOT_FOUND,
    {
      ru: 'Чат не существует (или недоступен этому токену).',
      en: 'The chat does not exist (for this token).',
    },
  ],
  [
    VK_ERROR.CHAT_NO_ACCESS,
    {
      ru: 'Нет доступа к чату: сообщество исключено из чата или чат принадлежит другому владельцу.',
      en: 'No access to the chat: the community was removed from it or the chat belongs to another owner.',
    },
  ],
  [
    VK_ERROR.USER_NO_GROUP_ACCESS,
    {
      ru: 'Пользователь не разрешил сообщения от сообщества: отправьте ему ссылку-приглашение.',
      en: 'The user has not allowed messages from the community: send them the invite link.',
    },
  ],
  [
    VK_ERROR.PEER_NOT_ALLOWED,
    {
      ru: 'Сообщество не может взаимодействовать с этим пользователем: пригласите его по ссылке.',
      en: 'The community cannot interact with this user: invite them with the link.',
    },
  ],
  [
    VK_ERROR.CAPTCHA_NEEDED,
    {
      ru: 'VK просит капчу: передайте captchaSolver в createVkClient.',
      en: 'VK asks for a captcha: pass captchaSolver to createVkClient.',
    },
  ],
]);

/** The usual cause of a VK error code, or undefined for codes without one. */
export function vkErrorHint(vkCode: number): ErrorHint | undefined {
  return HINTS.get(vkCode);
}
