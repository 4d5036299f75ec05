/**
 * A portal served twice: the primary and a replica under another name, path prefix and hosts — a
 * backup server for failover tests. With `shareState` (the default) the replica is the same portal at
 * another address: its routes run on the primary's live state and runtime (random stream, data
 * slice, services), as two servers behind one database would; a fault rule on the primary's name
 * takes only the primary down, and the journal tells which of the two answered. Without it, the
 * replica is an independent copy with its own state from the same seed.
 * See https://github.com/goskit/goskit/blob/main/docs/decisions/082-portal-replicas.md.
 */
import { defineService, provide } from '../engine/services.js';
import type { PortalDefinition, PortalRuntime, RouteDefinition } from '../engine/types.js';

export interface ReplicaOptions {
  /** The replica's name ('ediary-backup'): faults, journal and rate limits know it by this name. */
  name: string;
  /** Standalone path prefix; default `/<name>`. */
  prefix?: string;
  /** Origins MSW answers for the replica (they must differ from the primary's). */
  hosts: string[];
  title?: string;
  /** Share the primary's state (default true). */
  shareState?: boolean;
}

interface SharedPortal {
  state(): unknown;
  runtime: PortalRuntime;
}

/** The replica's own state when it shares the primary's: only what it is a replica of. */
export interface ReplicaState {
  replicaOf: string;
}

/**
 * Returns the primary (extended, when sharing, to offer its state to the replica) and the replica;
 * load both: `createSimulator({ portals: [...others, ...replicatePortal(feed, { name, hosts })] })`.
 */
export function replicatePortal<State, Data>(
  primary: PortalDefinition<State, Data>,
  options: ReplicaOptions,
): [PortalDefinition<State, Data>, PortalDefinition<unknown, unknown>] {
  const prefix = options.prefix ?? `/${options.name}`;
  const title = options.title ?? `${primary.title} (${options.name})`;
  if (options.shareState === false) {
    const { provides: _provided, ...rest } = primary;
    const copy: PortalDefinition<State, Data> = {
      ...rest,
      name: options.name,
      prefix,
      hosts: [...options.hosts],
      title,
    };
    return [primary, copy as PortalDefinition<unknown, unknown>];
  }
  const shared = defineService<SharedPortal>(`portal-state:${primary.name}`, {
    description: `the live state of portal "${primary.name}" for its replicas`,
    hint: `the primary portal "${primary.name}" (replicatePortal returns both)`,
  });
  const withState: PortalDefinition<State, Data> = {
    ...primary,
    provides: [...(primary.provides ?? []), provide(shared, ({ runtime, state }) => ({ runtime, state }))],
  };
  const routes: RouteDefinition<ReplicaState>[] = primary.routes.map((route) => ({
    method: route.method,
    path: route.path,
    operation: route.operation,
    handler: (ctx) => {
      const source = ctx.sim.service(shared);
      return route.handler({ ...ctx, state: source.state() as State, sim: source.runtime });
    },
  }));
  const replica: PortalDefinition<ReplicaState> = {
    name: options.name,
    title,
    hosts: [...options.hosts],
    prefix,
    createState: () => ({ replicaOf: primary.name }),
    routes,
    requires: [shared],
    dashboard: {
      title,
      render: () =>
        `<p>Копия портала <code>${primary.name}</code> на другом адресе (<code>${prefix}</code>): то же состояние, свои сбои и журнал.</p>`,
    },
    ...(primary.docs === undefined ? {} : { docs: primary.docs }),
    ...(primary.rateLimit === undefined ? {} : { rateLimit: primary.rateLimit }),
    ...(primary.contracts === undefined ? {} : { contracts: primary.contracts }),
  };
  return [withState, replica as PortalDefinition<unknown, unknown>];
}
