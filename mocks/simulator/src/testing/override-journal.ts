/**
 * Journal entries for answers the simulator did not give: a test's own MSW override
 * (`server.use(http.post(…))` wrapped by `journaled()`) answers before the simulator's handlers, so
 * without this the journal would not see the request at all. The entry is shaped like any other —
 * the portal and operation found from the URL by the portal's own routes, the virtual time,
 * redacted URL and body excerpts — and carries the effect `msw-override`, so
 * `sim.journal.verify(1, { portal: 'esia', operation: 'token' })` counts overridden calls too.
 * Requests to hosts no loaded portal answers are not journaled.
 */
import { redactBody, redactUrl } from '@goskit/core';
import { Router } from '../engine/router.js';
import type { JournalEntry, PortalDefinition, RouteDefinition, Simulator } from '../engine/types.js';

/** The journal's effect label of an answer given by an override, not by the simulator. */
export const OVERRIDE_EFFECT = 'msw-override';

/** Kept of each body: a prefix this long; the entry shows at most MAX_EXCERPT_CHARS of it. */
const MAX_KEPT_BYTES = 16 * 1024;
const MAX_EXCERPT_CHARS = 4096;
/** A streaming override body is not waited for longer than this; the entry then has no response body. */
const BODY_WAIT_MS = 100;

/** What the simulator's ring journal offers beyond the public `Journal` (src/engine/journal.ts). */
interface AppendableJournal {
  nextId(): number;
  append(entry: JournalEntry): void;
}

function appendable(journal: unknown): AppendableJournal | undefined {
  const candidate = journal as Partial<AppendableJournal>;
  return typeof candidate.nextId === 'function' && typeof candidate.append === 'function'
    ? (candidate as AppendableJournal)
    : undefined;
}

const routers = new WeakMap<PortalDefinition, Router<RouteDefinition>>();

function routerOf(portal: PortalDefinition): Router<RouteDefinition> {
  let router = routers.get(portal);
  if (router === undefined) {
    router = new Router(portal.routes);
    routers.set(portal, router);
  }
  return router;
}

/** The loaded portal whose real host serves `url`, and the path inside it (longest host match wins). */
export function portalOfUrl(
  sim: Pick<Simulator, 'portals'>,
  url: URL,
): { portal: PortalDefinition; path: string } | undefined {
  let best: { portal: PortalDefinition; path: string; length: number } | undefined;
  for (const portal of sim.portals) {
    for (const host of portal.hosts) {
      const base = new URL(host);
      const basePath = base.pathname.replace(/\/+$/, '');
      if (base.origin !== url.origin) {
        continue;
      }
      if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
        continue;
      }
      if (best === undefined || basePath.length > best.length) {
        best = { portal, path: url.pathname.slice(basePath.length) || '/', length: basePath.length };
      }
    }
  }
  return best === undefined ? undefined : { portal: best.portal, path: best.path };
}

interface Excerpt {
  bytes: Uint8Array;
  /** Whole size when read to the end; undefined when the read stopped early. */
  size: number | undefined;
}

/** Reads at most MAX_KEPT_BYTES of a body (the rest is counted, not kept); gives up after `waitMs`. */
async function readExcerpt(
  body: ReadableStream<Uint8Array> | null,
  waitMs: number,
): Promise<Excerpt | undefined> {
  if (body === null) {
    return undefined;
  }
  const reader = body.getReader();
  const kept = new Uint8Array(MAX_KEPT_BYTES);
  let keptBytes = 0;
  let size = 0;
  const deadline = Date.now() + waitMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    for (;;) {
      const left = deadline - Date.now();
      const chunk = await Promise.race([
        reader.read(),
        new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), Math.max(0, left));
        }),
      ]);
      clearTimeout(timer);
      if (chunk === 'late') {
        return keptBytes === 0 ? undefined : { bytes: kept.slice(0, keptBytes), size: undefined };
      }
      if (chunk.done) {
        return { bytes: kept.slice(0, keptBytes), size };
      }
      size += chunk.value.byteLength;
      const room = MAX_KEPT_BYTES - keptBytes;
      if (room > 0) {
        const part = chunk.value.subarray(0, room);
        kept.set(part, keptBytes);
        keptBytes += part.byteLength;
      }
    }
  } catch {
    return keptBytes === 0 ? undefined : { bytes: kept.slice(0, keptBytes), size: undefined };
  } finally {
    clearTimeout(timer);
    // Not awaited, for the same reason as above: the other branch of the teed body is the client's.
    reader.cancel().catch(() => {});
  }
}

const decoder = new TextDecoder();

function excerptText(excerpt: Excerpt | undefined, contentType: string): string | undefined {
  if (excerpt === undefined || excerpt.bytes.byteLength === 0) {
    return undefined;
  }
  const clean = redactBody(decoder.decode(excerpt.bytes), contentType);
  const cut =
    clean.length > MAX_EXCERPT_CHARS || excerpt.size === undefined || excerpt.size > excerpt.bytes.byteLength;
  return cut ? `${clean.slice(0, MAX_EXCERPT_CHARS)}…[truncated]` : clean;
}

/**
 * Records that an override answered `request` with `response` (a clone each: this reads their bodies).
 * Resolves once the entry is in the journal, so a test's next `verify` sees it.
 */
export async function journalOverride(
  sim: Pick<Simulator, 'portals' | 'journal' | 'clock'>,
  request: Request,
  response: Response,
  startedAt: number,
): Promise<void> {
  const journal = appendable(sim.journal);
  const url = new URL(request.url);
  const found = portalOfUrl(sim, url);
  if (journal === undefined || found === undefined) {
    // Not awaited: cancelling one branch of a cloned (teed) body settles only when the client's does too.
    response.body?.cancel().catch(() => {});
    request.body?.cancel().catch(() => {});
    return;
  }
  const method = request.method.toUpperCase();
  const match = routerOf(found.portal).match(method, found.path);
  const [requestBody, responseBody] = await Promise.all([
    method === 'GET' || method === 'HEAD' ? undefined : readExcerpt(request.body, BODY_WAIT_MS),
    readExcerpt(response.body, BODY_WAIT_MS),
  ]);
  const errorResponse = response.type === 'error';
  const entry: JournalEntry = {
    id: journal.nextId(),
    time: new Date(sim.clock.now()).toISOString(),
    portal: found.portal.name,
    operation: match.kind === 'found' ? match.route.operation : '(unmatched)',
    method,
    url: redactUrl(request.url),
    path: found.path,
    status: errorResponse ? 0 : response.status,
    effects: [OVERRIDE_EFFECT],
    durationMs: Math.round((performance.now() - startedAt) * 1000) / 1000,
  };
  const requestText = excerptText(requestBody, request.headers.get('content-type') ?? '');
  if (requestText !== undefined) {
    entry.requestBody = requestText;
  }
  if (requestBody?.size !== undefined && requestBody.size > 0) {
    entry.requestBodyBytes = requestBody.size;
  }
  const responseText = excerptText(responseBody, response.headers.get('content-type') ?? '');
  if (responseText !== undefined) {
    entry.responseBody = responseText;
  }
  if (responseBody?.size !== undefined && responseBody.size > 0) {
    entry.responseBodyBytes = responseBody.size;
  }
  journal.append(entry);
}
