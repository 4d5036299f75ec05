/** Parameters of VK ID's POST endpoints: the query and a form body (the body wins), as a Map. */
import { bodyText } from '../../engine/responses.js';
import type { SimRequest } from '../../engine/types.js';

const MAX_PARAMS = 100;

export function oauthParams(request: SimRequest): Map<string, string> {
  const params = new Map<string, string>();
  const add = (entries: URLSearchParams) => {
    for (const [name, value] of entries) {
      if (params.size < MAX_PARAMS || params.has(name)) {
        params.set(name, value);
      }
    }
  };
  add(request.query);
  // Stryker disable next-line StringLiteral: equivalent, no fallback text could read as a form type
  if (/application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '')) {
    add(new URLSearchParams(bodyText(request.body)));
  }
  return params;
}

/** A present, non-empty parameter. */
export function param(params: ReadonlyMap<string, string>, name: string): string | undefined {
  const value = params.get(name);
  return value === '' ? undefined : value;
}
