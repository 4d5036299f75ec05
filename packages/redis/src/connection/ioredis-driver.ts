/** ioredis behind `RedisDriver`: `call()` sends any command and answers RESP2 like node-redis. */
import type { IoredisClientLike, RedisDriver } from './driver.js';

export function ioredisDriver(client: IoredisClientLike): RedisDriver {
  return {
    kind: 'ioredis',
    call: (args) => {
      const [command, ...rest] = args;
      return client.call(command as string, ...rest);
    },
    close: async () => {},
  };
}
