/**
 * What an adapter must do: send one command with a deadline hint and close the client if it is
 * ours. Replies and errors are the client's own; `classifyError` turns the errors into ours.
 */
export interface RedisDriver {
  /** 'node-redis' or 'ioredis' (for diagnostics and the bench). */
  readonly kind: string;
  call(args: readonly string[], timeoutMs: number): Promise<unknown>;
  /** For a client we start ourselves: resolves once start-up has settled (rejects if it could not begin). */
  ready?(): Promise<void>;
  /** The bound of `ready()`, ms. */
  readonly startupTimeoutMs?: number;
  /** Closes the client (only called when the connection owns it). */
  close(): Promise<void>;
}

/**
 * The part of a node-redis (`redis` / `@redis/client` v4+) client we use. Passing yours keeps its
 * connection, TLS, auth and reconnect settings; we never connect or close it.
 */
export interface NodeRedisClientLike {
  sendCommand(args: ReadonlyArray<string>, options?: { timeout?: number }): Promise<unknown>;
  readonly isOpen: boolean;
}

/** The part of an ioredis (v5+) client we use; we never connect or close it. */
export interface IoredisClientLike {
  call(command: string, ...args: string[]): Promise<unknown>;
  readonly status: string;
}

export function isNodeRedisClient(value: unknown): value is NodeRedisClientLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as NodeRedisClientLike).sendCommand === 'function' &&
    typeof (value as NodeRedisClientLike).isOpen === 'boolean'
  );
}

export function isIoredisClient(value: unknown): value is IoredisClientLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as IoredisClientLike).call === 'function' &&
    typeof (value as IoredisClientLike).status === 'string'
  );
}
