/**
 * The bot token: checked once (a token read from a file often ends in a newline) and named in limiter
 * keys by a SHA-256 digest, so a shared store (Redis) never sees the token itself. MAX takes it in
 * `Authorization` as it is — a `Bearer ` prefix is refused here, before MAX answers `verify.token`.
 */
import { MaxInputError } from './errors/max-input-error.js';

const TOKEN_SHAPE = /^[\x21-\x7e]{1,1024}$/;

export function checkToken(token: unknown): string {
  const trimmed = typeof token === 'string' ? token.trim() : token;
  if (typeof trimmed !== 'string' || !TOKEN_SHAPE.test(trimmed)) {
    throw new MaxInputError('token', 'token-format', {
      ru: 'Токен бота MAX — непустая строка из печатных ASCII-символов без пробелов (до 1024).',
      en: 'A MAX bot token is a non-empty string of printable ASCII characters without spaces (up to 1024).',
    });
  }
  return trimmed;
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
