/**
 * Per-portal route table, compiled once: a Map for static paths, then parameter patterns in
 * declaration order. Also answers "what did you mean" for 404 and "Allow" for 405.
 */
import { nearest } from './levenshtein.js';

/** What the router needs of a route: the portal routes and the control API's routes both fit. */
export interface RoutableRoute {
  readonly method: string;
  readonly path: string;
}

interface CompiledPattern<Route> {
  route: Route;
  /** Upper case, computed once. */
  method: string;
  segments: string[];
  /** Trailing '*' captures the rest. */
  wildcard: boolean;
}

export type RouteMatch<Route> =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found'; nearest: string | undefined };

export function normalisePath(path: string): string {
  const withSlash = path.charCodeAt(0) === 47 /* '/' */ ? path : `/${path}`;
  return withSlash.length > 1 && withSlash.charCodeAt(withSlash.length - 1) === 47
    ? withSlash.slice(0, -1)
    : withSlash;
}

export class Router<Route extends RoutableRoute> {
  readonly #static = new Map<string, Map<string, Route>>();
  readonly #patterns: CompiledPattern<Route>[] = [];
  readonly #routes: readonly Route[];

  constructor(routes: readonly Route[]) {
    this.#routes = routes;
    for (const route of routes) {
      const path = normalisePath(route.path);
      const method = route.method.toUpperCase();
      if (!path.includes(':') && !path.includes('*')) {
        const byMethod = this.#static.get(path) ?? new Map<string, Route>();
        byMethod.set(method, route);
        this.#static.set(path, byMethod);
        continue;
      }
      const segments = path.split('/').slice(1);
      const wildcard = segments.at(-1) === '*';
      this.#patterns.push({
        route,
        method,
        segments: wildcard ? segments.slice(0, -1) : segments,
        wildcard,
      });
    }
  }

  match(method: string, rawPath: string): RouteMatch<Route> {
    const path = normalisePath(rawPath);
    const upper = method === 'GET' || method === 'POST' ? method : method.toUpperCase();
    const statics = this.#static.get(path);
    if (statics) {
      const route = statics.get(upper) ?? (upper === 'HEAD' ? statics.get('GET') : undefined);
      if (route) {
        return { kind: 'found', route, params: {} };
      }
    }
    // The set of allowed methods is only built when the method does not match (405).
    let allow: Set<string> | undefined;
    if (statics) {
      allow = new Set(statics.keys());
    }
    if (this.#patterns.length > 0) {
      const parts = path.split('/').slice(1);
      for (const pattern of this.#patterns) {
        const params = matchSegments(pattern, parts);
        if (!params) {
          continue;
        }
        const routeMethod = pattern.method;
        if (routeMethod === upper || (upper === 'HEAD' && routeMethod === 'GET')) {
          return { kind: 'found', route: pattern.route, params };
        }
        allow ??= new Set();
        allow.add(routeMethod);
      }
    }
    if (allow !== undefined && allow.size > 0) {
      return { kind: 'method-not-allowed', allow: [...allow].sort() };
    }
    return { kind: 'not-found', nearest: this.nearest(path) };
  }

  /** The declared route closest to `path` by (bounded) edit distance, as 'METHOD /path'. */
  nearest(path: string): string | undefined {
    const closest = nearest(
      path,
      this.#routes.map((route) => route.path),
    );
    const route = this.#routes.find((candidate) => candidate.path === closest);
    return route === undefined ? undefined : `${route.method.toUpperCase()} ${route.path}`;
  }
}

function matchSegments<Route>(
  pattern: CompiledPattern<Route>,
  parts: string[],
): Record<string, string> | undefined {
  const { segments, wildcard } = pattern;
  if (wildcard ? parts.length < segments.length : parts.length !== segments.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] as string;
    const part = parts[i] as string;
    if (segment.startsWith(':')) {
      if (part === '') {
        return undefined;
      }
      params[segment.slice(1)] = part;
    } else if (segment !== part) {
      return undefined;
    }
  }
  if (wildcard) {
    params['*'] = parts.slice(segments.length).join('/');
  }
  return params;
}
