/**
 * Lease scripts. A lease is one key holding `<owner>:<fencing token>` with a TTL; the token comes
 * from a per-name counter that only grows, so a newer holder always carries a higher token than any
 * older one (a stalled process that wakes up after its lease expired is refused by the resource).
 * KEYS[1] lease key, KEYS[2] fence counter. Renew and release act only while the value is ours.
 */
import { defineScript } from '../connection/redis-script.js';

/** ARGV: owner, ttlMs → {1, token} or {0, pttl of the current holder}. */
export const ACQUIRE_LEASE = defineScript(
  'lease.acquire',
  `
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {0, redis.call('PTTL', KEYS[1])}
end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. token, 'PX', ARGV[2])
return {1, token}
`,
);

/** ARGV: value, ttlMs → 1 renewed, 0 not ours any more. */
export const RENEW_LEASE = defineScript(
  'lease.renew',
  `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`,
);

/** ARGV: value → 1 released, 0 not ours any more. */
export const RELEASE_LEASE = defineScript(
  'lease.release',
  `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`,
);
