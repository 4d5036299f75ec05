/**
 * Where the MAX Bot API lives. `platform-api2.max.ru` since 23.06.2026 and mandatory since 19.07.2026;
 * `platform-api.max.ru` served from 14.10.2025 until then; `botapi.max.ru` (with `?access_token=`)
 * before that. Paths carry no version: "v2" names the host only.
 */
import { MaxInputError } from './errors/max-input-error.js';

export const MAX_API_BASE_URL = 'https://platform-api2.max.ru';
export const MAX_LEGACY_BASE_URL = 'https://platform-api.max.ru';

/** The base URL to use: the given one (a simulator, a proxy) checked, or the current host. */
export function resolveMaxBaseUrl(baseUrl: string | undefined): string {
  if (baseUrl === undefined) {
    return MAX_API_BASE_URL;
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    url = new URL('invalid:');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
    throw new MaxInputError('baseUrl', 'url', {
      ru: 'baseUrl — абсолютный http(s)-адрес без логина и пароля, например http://127.0.0.1:4010/max.',
      en: 'baseUrl is an absolute http(s) URL without credentials, e.g. http://127.0.0.1:4010/max.',
    });
  }
  return baseUrl.replace(/\/+$/, '');
}
