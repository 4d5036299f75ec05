/**
 * MSW adapter: one `http.all('${host}/*')` handler per real host of every portal. Uses only `http`
 * and `HttpResponse` (MSW 2, forward-compatible with 3) and no node-only modules, so the same
 * handlers work with setupServer (node) and setupWorker (browser). msw itself is handed in by the
 * entry that loaded it: nothing here imports it, so the package loads without msw installed.
 */
import type { HttpHandler } from 'msw';
import type { Simulator } from '../../engine/types.js';
import type { MswModule } from './msw-module.js';
import { toHttpResponse } from './to-http-response.js';
import { toSimRequest } from './to-sim-request.js';

export function buildMswHandlers(sim: Pick<Simulator, 'portals' | 'handle'>, msw: MswModule): HttpHandler[] {
  const { http } = msw;
  const handlers: HttpHandler[] = [];
  for (const portal of sim.portals) {
    for (const host of portal.hosts) {
      const base = new URL(host);
      const pattern = `${base.origin}${base.pathname.replace(/\/+$/, '')}/*`;
      handlers.push(
        http.all(pattern, async ({ request }) => {
          const simRequest = await toSimRequest(request, portal.name, base);
          return toHttpResponse(await sim.handle(simRequest), msw.HttpResponse);
        }),
      );
    }
  }
  return handlers;
}
