/**
 * MSW conventions for tests over the simulator's handlers:
 * - `journaled(sim, ...handlers)`: overrides you add with `server.use()` answer before the simulator,
 *   so the journal would never see those requests. Wrapped, each request an override answers is
 *   journaled like a simulator answer (portal and operation from the URL, effect `msw-override`).
 *   The handler itself is untouched — `once`, generators, thrown responses and `passthrough()` work
 *   as in MSW; a request the override lets fall through (its resolver returns nothing) is journaled by
 *   the simulator when the simulator answers it, and a `passthrough()` is not journaled.
 * - `resetAll(server, sim)`: one call for `afterEach` — MSW's runtime handlers and the simulator
 *   (state, clock, journal, faults) back to the start.
 * Neither imports msw: they work with any msw 2 instance (setupServer, setupWorker, jest's registry).
 */
import type { RequestHandler } from 'msw';
import type { Simulator } from '../engine/types.js';
import { journalOverride } from './override-journal.js';

type AnyHandler = RequestHandler;

interface ExecutionResult {
  request?: Request;
  response?: Response;
}

/** msw's `passthrough()` answer: not an answer, the request goes to the real network unmocked. */
function isPassthrough(response: Response): boolean {
  return response.status === 302 && response.headers.get('x-msw-intention') === 'passthrough';
}

function cloneOf(message: Request | Response): Request | Response | undefined {
  try {
    return message.clone();
  } catch {
    return undefined;
  }
}

/** A view of `handler` whose `run` also journals what it answered; everything else is the handler's own. */
function journaledHandler<H extends AnyHandler>(
  sim: Pick<Simulator, 'portals' | 'journal' | 'clock'>,
  handler: H,
): H {
  const run = async (args: unknown): Promise<unknown> => {
    const startedAt = performance.now();
    const result =
      (await (handler.run as (args: unknown) => Promise<ExecutionResult | null>).call(handler, args)) ?? null;
    const response = result?.response;
    const request = result?.request;
    if (response instanceof Response && request instanceof Request && !isPassthrough(response)) {
      const requestCopy = cloneOf(request) as Request | undefined;
      const responseCopy = cloneOf(response) as Response | undefined;
      if (requestCopy !== undefined && responseCopy !== undefined) {
        await journalOverride(sim, requestCopy, responseCopy, startedAt);
      }
    }
    return result;
  };
  return new Proxy(handler, {
    get(target, property) {
      if (property === 'run') {
        return run;
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set(target, property, value) {
      return Reflect.set(target, property, value, target);
    },
  });
}

/**
 * The handlers, journaled into `sim`'s journal when they answer a request to a portal host:
 * `server.use(...journaled(sim, http.post('https://esia-portal1.test.gosuslugi.ru/aas/oauth2/v3/te', …)))`.
 */
export function journaled<H extends AnyHandler>(
  sim: Pick<Simulator, 'portals' | 'journal' | 'clock'>,
  ...handlers: H[]
): H[] {
  return handlers.map((handler) => journaledHandler(sim, handler));
}

/** What `resetAll` needs of an MSW server or worker. */
export interface ResettableMsw {
  resetHandlers(...handlers: AnyHandler[]): void;
}

/**
 * Drops the handlers tests added with `use()` (the simulator's own, given to setupServer, stay) and
 * resets the simulator: state, clock, journal and faults back to its options (`seed` switches seed).
 */
export function resetAll(
  server: ResettableMsw,
  sim: Pick<Simulator, 'reset'>,
  options: { seed?: string | number } = {},
): void {
  server.resetHandlers();
  sim.reset(options);
}
