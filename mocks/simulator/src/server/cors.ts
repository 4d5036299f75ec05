import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimulatorError } from '../engine/errors.js';
import type { CorsOrigins, SimResponse } from '../engine/types.js';
import { jsonResponse } from './write-response.js';

export type { CorsOrigins };

/** Headers a page may read: what clients of these portals look at besides the body. */
const EXPOSED = 'retry-after, etag, location, link, content-disposition, x-request-id, x-goskit-faults';
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const TOKEN_LIST = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*$/;

export interface Cors {
  /** Whether a browser origin is on the list. */
  isAllowed(origin: string): boolean;
  /** Answers a preflight (OPTIONS with Access-Control-Request-Method); undefined for other requests. */
  preflight(req: IncomingMessage): SimResponse | undefined;
  /** Adds the CORS headers to an answer for an allowed origin (set before the answer is written). */
  decorate(req: IncomingMessage, res: ServerResponse): void;
}

/** Throws with the offending entry when an origin is not of the form scheme://host[:port]. */
export function checkCorsOrigins(origins: CorsOrigins): void {
  if (origins === '*') {
    return;
  }
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || parsed.origin !== origin) {
      throw new SimulatorError(
        'INVALID_OPTIONS',
        `CORS origin "${origin}" must be scheme://host[:port] without a path or trailing slash, e.g. http://localhost:3000`,
      );
    }
  }
}

export function createCors(origins: CorsOrigins): Cors {
  checkCorsOrigins(origins);
  const allowed = origins === '*' ? undefined : new Set(origins);
  const isAllowed = (origin: string) => allowed === undefined || allowed.has(origin);
  // Credentials are allowed, so the origin is echoed rather than '*'.
  const base = (origin: string): Record<string, string> => ({
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    vary: 'Origin',
  });

  return {
    isAllowed,
    preflight(req) {
      const origin = req.headers.origin;
      const method = req.headers['access-control-request-method'];
      if (req.method !== 'OPTIONS' || origin === undefined || method === undefined) {
        return undefined;
      }
      if (!isAllowed(origin)) {
        const list = origins === '*' ? '*' : origins.join(', ');
        return jsonResponse(403, {
          error: 'CORS_ORIGIN_NOT_ALLOWED',
          message: `origin ${origin} may not call this simulator; allowed: ${list} (goskit-sim --cors)`,
        });
      }
      const requested = req.headers['access-control-request-headers'];
      const headers: Record<string, string> = {
        ...base(origin),
        'access-control-allow-methods': METHODS,
        'access-control-max-age': '600',
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      };
      if (requested !== undefined && TOKEN_LIST.test(requested.trim())) {
        headers['access-control-allow-headers'] = requested.trim();
      }
      return { status: 204, headers };
    },
    decorate(req, res) {
      const origin = req.headers.origin;
      if (origin === undefined || !isAllowed(origin)) {
        return;
      }
      for (const [name, value] of Object.entries(base(origin))) {
        res.setHeader(name, value);
      }
      res.setHeader('access-control-expose-headers', EXPOSED);
    },
  };
}
