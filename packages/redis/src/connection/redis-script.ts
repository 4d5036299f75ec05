import { createHash } from 'node:crypto';

/** A Lua script and its SHA-1 (what EVALSHA names it by). */
export interface RedisScript {
  readonly name: string;
  readonly source: string;
  readonly sha: string;
}

export function defineScript(name: string, source: string): RedisScript {
  return Object.freeze({ name, source, sha: createHash('sha1').update(source).digest('hex') });
}
