/**
 * One step of a scripted sign-in, as a browser takes it: GET the page (or POST a form to it) without
 * following redirects, so the caller sees each hop and can stop at the application's redirect URI
 * before anything is sent there.
 */
export type PageStep = { redirectTo: string } | { status: number; html: string };

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export async function pageStep(fetchImpl: FetchLike, url: string, form?: URLSearchParams): Promise<PageStep> {
  const response = await fetchImpl(url, {
    method: form === undefined ? 'GET' : 'POST',
    redirect: 'manual',
    ...(form === undefined
      ? {}
      : { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  });
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location !== null) {
    await response.body?.cancel();
    return { redirectTo: new URL(location, url).toString() };
  }
  return { status: response.status, html: await response.text() };
}
