/**
 * Who may talk to the control API of a standalone simulator. It runs on developer machines next to
 * browsers, so (as Vite and webpack-dev-server do):
 * - the Host header must be an IP literal, `localhost` / `*.localhost`, or a configured host —
 *   a DNS-rebinding page reaches the server under its own domain name and is refused;
 * - writes (anything but GET/HEAD/OPTIONS) from a browser page of another origin are refused unless
 *   that origin is allowed by `--cors`: `Sec-Fetch-Site` other than same-origin/none, or an `Origin`
 *   that is not the server's own;
 * - writes with a content type other than JSON are refused (415): text/plain, forms and multipart are
 *   what a page can send without a CORS preflight, and the control API speaks JSON only.
 */
import type { SimRequest, SimResponse } from '../engine/types.js';
import { controlError } from './error-response.js';

export interface ControlGuardOptions {
  /** Extra Host names allowed besides IP literals and localhost (e.g. a docker service name). */
  allowedHosts?: readonly string[];
  /** Browser origins allowed to write (the server's --cors list). */
  isAllowedOrigin?: (origin: string) => boolean;
}

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** The host name of a Host header value ('[::1]:4010' → '::1', 'LocalHost:80' → 'localhost'). */
export function hostName(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.startsWith('[')) {
    const end = trimmed.indexOf(']');
    return end === -1 ? trimmed : trimmed.slice(1, end);
  }
  const colon = trimmed.lastIndexOf(':');
  return colon === -1 ? trimmed : trimmed.slice(0, colon);
}

export function isAllowedHost(host: string | undefined, allowed: readonly string[] = []): boolean {
  if (host === undefined || host === '') {
    // HTTP/1.0 and raw-socket tools send none; every browser does.
    return true;
  }
  const name = hostName(host);
  if (IPV4.test(name) || name.includes(':')) {
    return true; // an IP literal cannot be rebound to another address
  }
  if (name === 'localhost' || name.endsWith('.localhost')) {
    return true;
  }
  return allowed.some((entry) => entry.toLowerCase() === name || entry.toLowerCase() === host.toLowerCase());
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** application/json and the +json types. */
const JSON_TYPE = /^\s*application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/** The refusal for a request the control API must not act on, or undefined. */
export function guardControlRequest(
  request: SimRequest,
  options: ControlGuardOptions = {},
): SimResponse | undefined {
  const headers = request.headers;
  if (!isAllowedHost(headers.host, options.allowedHosts)) {
    return controlError(403, {
      error: 'HOST_NOT_ALLOWED',
      message: `Host "${String(headers.host).slice(0, 100)}" is not allowed: the control API answers on IP addresses, localhost and configured hosts (ListenOptions.allowedHosts); this refuses DNS-rebinding pages`,
    });
  }
  if (SAFE_METHODS.has(request.method)) {
    return undefined;
  }
  const origin = headers.origin;
  const allowedOrigin = origin !== undefined && options.isAllowedOrigin?.(origin) === true;
  const site = headers['sec-fetch-site'];
  const ownOrigin = headers.host === undefined ? undefined : `http://${headers.host}`;
  const foreignPage =
    (site !== undefined && site !== 'same-origin' && site !== 'none') ||
    (origin !== undefined && origin !== 'null' && origin !== ownOrigin) ||
    origin === 'null';
  if (foreignPage && !allowedOrigin) {
    return controlError(403, {
      error: 'CROSS_SITE',
      message:
        'writes to the control API from another origin are refused (allow a browser origin with goskit-sim --cors)',
    });
  }
  const type = headers['content-type'];
  if (type !== undefined && type !== '' && !JSON_TYPE.test(type)) {
    return controlError(415, {
      error: 'UNSUPPORTED_MEDIA_TYPE',
      field: 'content-type',
      message: `control API writes take application/json, got "${type.slice(0, 80)}"`,
    });
  }
  return undefined;
}
