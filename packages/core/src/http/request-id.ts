/** Header names portals and proxies use for a request id, most specific first. */
export const REQUEST_ID_HEADERS: readonly string[] = [
  'x-request-id',
  'x-req-id',
  'request-id',
  'x-correlation-id',
  'x-trace-id',
  'x-amzn-requestid',
  'traceparent',
];

export function readRequestId(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) {
      return value;
    }
  }
  return undefined;
}
