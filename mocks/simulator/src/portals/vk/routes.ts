/**
 * The API routes: GET and POST /method/<name> for every method (one operation per method, so fault
 * rules, the journal and the contract see `messages.send`), and /method/:name for the rest → 3
 * «Unknown method passed».
 */
import type { RouteDefinition } from '../../engine/types.js';
import { answerCall } from './dispatch.js';
import { VK_METHOD_NAMES } from './methods/index.js';
import type { ResolvedVkOptions } from './options.js';
import type { VkState } from './state.js';

export const UNKNOWN_METHOD_OPERATION = 'method.unknown';

export function apiRoutes(options: ResolvedVkOptions): RouteDefinition<VkState>[] {
  const routes: RouteDefinition<VkState>[] = [];
  for (const name of VK_METHOD_NAMES) {
    for (const method of ['POST', 'GET']) {
      routes.push({
        method,
        path: `/method/${name}`,
        operation: name,
        handler: (ctx) =>
          answerCall({ state: ctx.state, runtime: ctx.sim, options, request: ctx.request, method: name }),
      });
    }
  }
  for (const method of ['POST', 'GET']) {
    routes.push({
      method,
      path: '/method/:name',
      operation: UNKNOWN_METHOD_OPERATION,
      handler: (ctx) =>
        answerCall({
          state: ctx.state,
          runtime: ctx.sim,
          options,
          request: ctx.request,
          method: ctx.params.name ?? '',
        }),
    });
  }
  return routes;
}
