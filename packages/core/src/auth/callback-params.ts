/**
 * The query of an OAuth-style redirect back to the application (ESIA, VK ID, …), from whatever the
 * web framework hands over: a full URL, a query string, URLSearchParams or a parsed query object
 * (its first value wins where a key repeats, as frameworks disagree on repeated keys).
 */
export type CallbackInput = string | URL | URLSearchParams | Record<string, string | string[] | undefined>;

export function callbackParams(input: CallbackInput): URLSearchParams {
  if (input instanceof URLSearchParams) {
    return input;
  }
  if (input instanceof URL) {
    return input.searchParams;
  }
  if (typeof input === 'string') {
    const question = input.indexOf('?');
    // An absolute URL without a query has none; any other string is the query itself.
    const query =
      question >= 0 ? input.slice(question + 1) : /^[a-z][a-z\d+.-]*:\/\//i.test(input) ? '' : input;
    return new URLSearchParams(query.split('#')[0]);
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') {
      params.set(key, first);
    }
  }
  return params;
}
