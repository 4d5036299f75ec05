/**
 * The portals goskit-sim serves: the built-in ones (`--portals` picks a subset) and the user's own
 * (`--portal ./file.js`: an ES module whose default export — or `portal` export — is a portal
 * definition or a function returning one). The definition is checked by createSimulator itself.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PortalDefinition } from '../engine/types.js';
import { BUILT_IN_PORTALS } from '../portals/index.js';
import { UsageError } from './args.js';

function isPortal(value: unknown): value is PortalDefinition {
  const portal = value as Partial<PortalDefinition> | null;
  return (
    typeof portal === 'object' &&
    portal !== null &&
    typeof portal.name === 'string' &&
    Array.isArray(portal.routes)
  );
}

async function loadPortalModule(file: string): Promise<PortalDefinition> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(
      `--portal ${file}: cannot load it: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const exported = loaded.default ?? loaded.portal;
  const portal = typeof exported === 'function' ? (exported as () => unknown)() : exported;
  if (!isPortal(portal)) {
    throw new UsageError(
      `--portal ${file}: its default export must be a portal definition (definePortal({...})) or a function returning one`,
    );
  }
  return portal;
}

export async function loadPortals(
  names: readonly string[] | undefined,
  files: readonly string[],
): Promise<PortalDefinition[]> {
  const builtIn = (names ?? [...BUILT_IN_PORTALS.keys()]).map((name) => {
    const create = BUILT_IN_PORTALS.get(name);
    if (create === undefined) {
      throw new UsageError(`unknown built-in portal "${name}"`);
    }
    return create();
  });
  const own: PortalDefinition[] = [];
  for (const file of files) {
    own.push(await loadPortalModule(file));
  }
  return [...builtIn, ...own];
}
