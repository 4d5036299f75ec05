/**
 * A tiny method + path router for the control API ('/scenarios/:name/enable'). The control
 * API has ~20 routes and is off the hot path, so a linear scan keeps it obvious.
 */
export interface ControlRoute<Handler> {
  readonly method: string;
  readonly path: string;
  readonly handler: Handler;
}

export type RouteMatch<Handler> =
  | { kind: 'found'; handler: Handler; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

export function matchRoute<Handler>(
  routes: readonly ControlRoute<Handler>[],
  method: string,
  path: string,
): RouteMatch<Handler> {
  const segments = splitPath(path);
  const allow: string[] = [];
  for (const route of routes) {
    const params = matchSegments(splitPath(route.path), segments);
    if (params === undefined) {
      continue;
    }
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
      return { kind: 'found', handler: route.handler, params };
    }
    allow.push(route.method);
  }
  return allow.length > 0 ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const value = actual[i] as string;
    if (expected.startsWith(':')) {
      params[expected.slice(1)] = value;
    } else if (expected !== value) {
      return undefined;
    }
  }
  return params;
}
