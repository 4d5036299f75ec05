/** The queue portal's API as a vendor's app calls it (plain fetch, Bearer token from ESIA). */
export function queueApi(baseUrl: string, accessToken: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    kindergartens: () => call('GET', '/api/v1/kindergartens'),
    apply: (childId: string, kindergartenId: string) =>
      call('POST', '/api/v1/applications', { childId, kindergartenId }),
    list: () => call('GET', '/api/v1/applications'),
    get: (id: string) => call('GET', `/api/v1/applications/${encodeURIComponent(id)}`),
  };
}
