/** Form bodies (application/x-www-form-urlencoded) of the token endpoint and the login pages. */
import { bodyText } from '../../engine/responses.js';
import type { SimRequest } from '../../engine/types.js';

export function readForm(request: SimRequest): URLSearchParams {
  return new URLSearchParams(bodyText(request.body));
}

/** Empty strings count as missing, as ESIA treats `client_secret=` like an absent parameter. */
export function param(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === '' ? undefined : value;
}
