/** GET a JSON document from the simulator's control API; a non-2xx answer is an error naming the URL. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`GET ${url} answered ${response.status}`);
  }
  return (await response.json()) as T;
}
