/**
 * `@goskit/simulator/msw`: the MSW adapter as its own entry, for code that prefers an explicit import
 * to `sim.handlers` (same handlers). Imports msw, so only load it where msw is installed.
 */

import type { HttpHandler } from 'msw';
import * as msw from 'msw';
import { buildMswHandlers } from './adapters/msw/handlers.js';
import type { Simulator } from './engine/types.js';

/** MSW request handlers answering on the real hosts of every portal of `sim`. */
export function createMswHandlers(sim: Pick<Simulator, 'portals' | 'handle'>): HttpHandler[] {
  return buildMswHandlers(sim, msw);
}
