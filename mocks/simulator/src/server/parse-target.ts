/**
 * Parses the request target of a node:http request once, without `new URL()` on the hot path.
 * Origin-form ('/esia/rs/prns?x=1') is the common case; absolute-form ('http://h/esia/…', sent
 * through proxies) is accepted; anything else, or bad percent-encoding, is a client error.
 */
import { SimulatorError } from '../engine/errors.js';

export interface ParsedTarget {
  /** Decoded path, always starting with '/'. */
  readonly path: string;
  /** Raw query string without '?', '' when absent. */
  readonly search: string;
  /** The origin-form target as received ('/esia/x?y=1'), used to build the absolute URL. */
  readonly raw: string;
}

/** A request line the server answers with 400 (no route is consulted). */
export class BadTargetError extends SimulatorError {
  /** Kept in every build (esbuild renames classes; see tsup.shared.ts). */
  static override readonly name: string = 'BadTargetError';

  constructor(message: string) {
    super('BAD_TARGET', message);
  }
}

export function parseTarget(target: string | undefined): ParsedTarget {
  if (target === undefined || target.length === 0) {
    throw new BadTargetError('empty request target');
  }
  let originForm = target;
  if (target.charCodeAt(0) !== 47 /* '/' */) {
    originForm = absoluteToOriginForm(target);
  }
  const hash = originForm.indexOf('#');
  if (hash !== -1) {
    originForm = originForm.slice(0, hash);
  }
  const q = originForm.indexOf('?');
  const rawPath = q === -1 ? originForm : originForm.slice(0, q);
  const search = q === -1 ? '' : originForm.slice(q + 1);
  return { path: decodePath(rawPath), search, raw: originForm };
}

function absoluteToOriginForm(target: string): string {
  if (!/^https?:\/\//i.test(target)) {
    throw new BadTargetError('request target must be a path or an http(s) URL');
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new BadTargetError('request target is not a valid URL');
  }
  return `${url.pathname}${url.search}`;
}

function decodePath(rawPath: string): string {
  if (rawPath.indexOf('%') === -1) {
    return rawPath;
  }
  try {
    return decodeURIComponent(rawPath);
  } catch {
    throw new BadTargetError('request path has invalid percent-encoding');
  }
}
