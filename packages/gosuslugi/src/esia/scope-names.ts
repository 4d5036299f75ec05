/**
 * ESIA knows the EPGU order API's scope only in its URL form, `http://lk.gosuslugi.ru/api-order`;
 * integrators (and EPGU's own texts) write it `api-order`, which ESIA refuses with ESIA-007006. The
 * client writes the short form out in full before signing, so the scope that is signed, sent and
 * kept with the pending login is the one ESIA accepts.
 */
import { joinScopes } from './context.js';

/** ESIA's scope for the EPGU order API (what `createEpguClient` needs in the user's token). */
export const EPGU_API_ORDER_SCOPE = 'http://lk.gosuslugi.ru/api-order';

const FULL_FORMS: ReadonlyMap<string, string> = new Map([['api-order', EPGU_API_ORDER_SCOPE]]);

/** A scope name as ESIA expects it: `api-order` → its URL form; any other name unchanged. */
export function normaliseScopeName(name: string): string {
  return FULL_FORMS.get(name) ?? name;
}

/** The `scope` parameter of a request: names normalised, joined by one space, duplicates dropped. */
export function requestScope(scopes: readonly string[] | string | undefined): string {
  const joined = joinScopes(scopes);
  if (joined === '') {
    return '';
  }
  return [...new Set(joined.split(' ').map(normaliseScopeName))].join(' ');
}
