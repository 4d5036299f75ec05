/**
 * A Lua script. Its SHA-1 (what EVALSHA names it by) is learnt from Redis itself (`SCRIPT LOAD`, once
 * per connection), so the package needs no hashing of its own and stays platform-neutral.
 */
export interface RedisScript {
  readonly name: string;
  readonly source: string;
}

export function defineScript(name: string, source: string): RedisScript {
  return Object.freeze({ name, source });
}
