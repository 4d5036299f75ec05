import type { SimRequest } from '../../engine/types.js';

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Fetch Request → SimRequest; the body is read once, as bytes. `base` is the portal origin (may carry a path). */
export async function toSimRequest(request: Request, portal: string, base: URL): Promise<SimRequest> {
  const url = new URL(request.url);
  const basePath = base.pathname.replace(/\/+$/, '');
  const inner = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const method = request.method.toUpperCase();
  let body: Uint8Array | undefined;
  if (method !== 'GET' && method !== 'HEAD' && request.body !== null) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    body = bytes.byteLength > 0 ? bytes : undefined;
  }
  return {
    method,
    portal,
    path: decodePath(inner === '' ? '/' : inner),
    query: url.searchParams,
    headers,
    body,
    url: request.url,
    baseUrl: `${base.origin}${basePath}`,
  };
}
