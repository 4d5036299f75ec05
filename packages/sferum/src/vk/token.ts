/**
 * The client's token: checked once (a token read from a file often ends in a newline), and turned
 * into a SHA-256 digest that names the token in limiter keys — shared stores never see the token.
 */
import { SferumInputError } from '../errors/sferum-input-error.js';
import type { VkTokenKind } from '../errors/vk-token-kind-error.js';

const TOKEN_SHAPE = /^[\x21-\x7e]{1,1024}$/;

export function checkToken(token: unknown): string {
  const trimmed = typeof token === 'string' ? token.trim() : token;
  if (typeof trimmed !== 'string' || !TOKEN_SHAPE.test(trimmed)) {
    throw new SferumInputError('token', 'token-format', {
      ru: 'Токен VK — непустая строка из печатных ASCII-символов без пробелов (до 1024).',
      en: 'A VK token is a non-empty string of printable ASCII characters without spaces (up to 1024).',
    });
  }
  return trimmed;
}

export function checkTokenKind(kind: unknown): VkTokenKind {
  if (kind !== 'user' && kind !== 'community') {
    throw new SferumInputError('tokenKind', 'token-kind', {
      ru: "tokenKind должен быть 'user' или 'community': от него зависят лимит и доступные методы.",
      en: "tokenKind must be 'user' or 'community': it sets the rate and the methods available.",
    });
  }
  return kind;
}

/** Hex SHA-256 of the token, first 32 characters (128 bits): enough to tell tokens apart. */
export async function tokenDigest(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  let hex = '';
  for (let i = 0; i < 16; i += 1) {
    hex += (digest[i] ?? 0).toString(16).padStart(2, '0');
  }
  return hex;
}

/** Methods VK allows only with some token kinds (vk-api-schema `access_token_type`). */
const TOKEN_KINDS = new Map<string, readonly VkTokenKind[]>([
  ['messages.addChatUser', ['user']],
  ['messages.getChat', ['user']],
  ['calls.start', ['user']],
  ['calls.forceFinish', ['user']],
]);

/** The token kinds allowed to call `method`, or undefined when any kind may. */
export function allowedTokenKinds(method: string): readonly VkTokenKind[] | undefined {
  return TOKEN_KINDS.get(method);
}
