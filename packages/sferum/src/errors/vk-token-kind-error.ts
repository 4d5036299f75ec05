/**
 * Refused before sending: VK allows the method only with another kind of token (a community token
 * cannot call `messages.addChatUser`, `messages.getChat` or `calls.*`). Saves a round trip and a
 * confusing error 15/27, and says what to do instead.
 */
import { SferumError } from './sferum-error.js';

export type VkTokenKind = 'user' | 'community';

export class VkTokenKindError extends SferumError<'VK_TOKEN_KIND'> {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'VkTokenKindError';

  readonly method: string;
  readonly tokenKind: VkTokenKind;
  readonly allowed: readonly VkTokenKind[];

  constructor(method: string, tokenKind: VkTokenKind, allowed: readonly VkTokenKind[]) {
    const community = method === 'messages.addChatUser';
    super(
      'VK_TOKEN_KIND',
      `${method} needs a ${allowed.join(' or ')} token; this client has a ${tokenKind} token (not sent)`,
      {
        hint: community
          ? {
              ru: 'Сообщество не может добавлять участников в чат: передайте их в createChat(user_ids) или отправьте ссылку-приглашение (getInviteLink).',
              en: 'A community cannot add chat members: pass them to createChat(user_ids) or send the invite link (getInviteLink).',
            }
          : {
              ru: `Метод ${method} доступен только с токеном: ${allowed.join(', ')}.`,
              en: `${method} is available only with a ${allowed.join(' or ')} token.`,
            },
      },
    );
    this.method = method;
    this.tokenKind = tokenKind;
    this.allowed = allowed;
  }
}

export function isVkTokenKindError(value: unknown): value is VkTokenKindError {
  return value instanceof VkTokenKindError;
}
