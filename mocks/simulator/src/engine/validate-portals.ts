import { SimulatorError } from './errors.js';
import type { PortalDefinition } from './types.js';

const NAME = /^[a-z][a-z0-9-]*$/;

/** Catches portal authoring mistakes at createSimulator() instead of as odd routing later. */
export function validatePortals(portals: readonly PortalDefinition[]): void {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  const hosts = new Map<string, string>();
  for (const portal of portals) {
    const where = `portal ${JSON.stringify(portal?.name)}`;
    if (!portal || typeof portal.name !== 'string' || !NAME.test(portal.name)) {
      throw new SimulatorError('INVALID_DATA', `${where}: name must match ${NAME}`);
    }
    if (names.has(portal.name)) {
      throw new SimulatorError('INVALID_DATA', `${where}: two portals share this name`);
    }
    names.add(portal.name);
    if (!/^\/[^/]/.test(portal.prefix) || portal.prefix.startsWith('/__goskit')) {
      throw new SimulatorError(
        'INVALID_DATA',
        `${where}: prefix must look like '/${portal.name}' (got ${JSON.stringify(portal.prefix)})`,
      );
    }
    const prefix = portal.prefix.replace(/\/+$/, '');
    if (prefixes.has(prefix)) {
      throw new SimulatorError(
        'INVALID_DATA',
        `${where}: prefix ${prefix} is already used by another portal`,
      );
    }
    prefixes.add(prefix);
    for (const host of portal.hosts) {
      let url: URL;
      try {
        url = new URL(host);
      } catch {
        throw new SimulatorError(
          'INVALID_DATA',
          `${where}: host ${JSON.stringify(host)} is not an absolute URL`,
        );
      }
      const key = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
      const owner = hosts.get(key);
      if (owner !== undefined) {
        throw new SimulatorError(
          'INVALID_DATA',
          `${where}: host ${key} is already answered by portal ${owner}`,
        );
      }
      hosts.set(key, portal.name);
    }
    const routes = new Set<string>();
    for (const route of portal.routes) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      if (routes.has(key)) {
        throw new SimulatorError('INVALID_DATA', `${where}: route ${key} is declared twice`);
      }
      routes.add(key);
    }
  }
}
