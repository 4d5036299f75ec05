/** The simulator's control API as the example uses it: JSON in, JSON out, a clear error otherwise. */

export async function control<T>(
  baseUrl: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}/__goskit${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const payload = (await response.json()) as T & { message?: string; messageRu?: string };
  if (!response.ok) {
    throw new Error(
      `${init.method ?? 'GET'} ${path}: ${response.status} ${payload.messageRu ?? payload.message ?? ''}`,
    );
  }
  return payload;
}
