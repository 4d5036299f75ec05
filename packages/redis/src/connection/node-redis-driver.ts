/**
 * node-redis behind `RedisDriver`. A command that waits to be sent (while connecting) is dropped by
 * the client itself at the deadline, so a paused or unreachable server does not grow its queue.
 */
import type { NodeRedisClientLike, RedisDriver } from './driver.js';

export function nodeRedisDriver(client: NodeRedisClientLike, close?: () => Promise<void>): RedisDriver {
  return {
    kind: 'node-redis',
    call: (args, timeoutMs) => client.sendCommand(args, { timeout: timeoutMs }),
    close: close ?? (async () => {}),
  };
}
