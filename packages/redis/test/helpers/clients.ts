/**
 * The three ways a user hands us Redis — a URL (our own node-redis client), their node-redis client,
 * their ioredis client — as connections, so one suite runs against each.
 */
import { createClient } from '@redis/client';
import { Redis } from 'ioredis';
import { connectRedis, type RedisConnection } from '../../src/index.js';

export type ClientKind = 'url' | 'node-redis' | 'ioredis';
export const CLIENT_KINDS: readonly ClientKind[] = ['url', 'node-redis', 'ioredis'];

export interface OpenedConnection {
  connection: RedisConnection;
  close(): Promise<void>;
}

export async function openConnection(
  kind: ClientKind,
  url: string,
  options: { timeoutMs?: number } = {},
): Promise<OpenedConnection> {
  if (kind === 'url') {
    const connection = connectRedis(url, options);
    return { connection, close: () => connection.close() };
  }
  if (kind === 'node-redis') {
    const client = createClient({ url, socket: { reconnectStrategy: 100 } });
    client.on('error', () => {});
    await client.connect();
    return {
      connection: connectRedis(client, options),
      close: async () => {
        client.destroy();
      },
    };
  }
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  await client.connect();
  return {
    connection: connectRedis(client, options),
    close: async () => {
      client.disconnect();
    },
  };
}
