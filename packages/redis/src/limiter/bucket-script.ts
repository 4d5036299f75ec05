/**
 * The limiter's one Lua script: the same token bucket as core's `takeToken`, applied atomically in
 * Redis, but *reserving*: a call that must wait takes its token now (the bucket goes negative) and
 * learns when it may start. So waiters never poll and race, and instances are served in the order
 * their requests reach Redis. Time is Redis' own TIME unless a clock value is passed; a bucket's
 * time never moves backwards, so a slow instance clock only delays its own calls.
 *
 * KEYS[1] bucket hash {t: tokens, u: updated ms, n: reservation count}; KEYS[2] pause key (ms until).
 * ARGV: op ('take' | 'refund' | 'pause'), now ('' = server TIME), ratePerSecond, burst, cost,
 *       reservation number (refund) or pause ms (pause).
 * take → {1, waitMs, reservation} or, while paused, {0, pausedForMs}; refund → {1} or {0};
 * pause → {pausedForMs}.
 */
import { defineScript } from '../connection/redis-script.js';

export const BUCKET_SCRIPT = defineScript(
  'limiter.bucket',
  `
local now
if ARGV[2] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
else
  now = tonumber(ARGV[2])
end
local op = ARGV[1]

if op == 'pause' then
  local ms = tonumber(ARGV[6])
  local target = now + ms
  local current = tonumber(redis.call('GET', KEYS[2]) or '0')
  if target > current then
    redis.call('SET', KEYS[2], tostring(target), 'PX', ms)
    current = target
  end
  return {current - now}
end

local rate = tonumber(ARGV[3])
local burst = tonumber(ARGV[4])
local cost = tonumber(ARGV[5])
local state = redis.call('HMGET', KEYS[1], 't', 'u', 'n')
local tokens = tonumber(state[1]) or burst
local updated = tonumber(state[2]) or now
local count = tonumber(state[3]) or 0
if now > updated then
  tokens = math.min(burst, tokens + ((now - updated) * rate) / 1000)
  updated = now
end

if op == 'refund' then
  -- Only the latest reservation can be undone: later ones were timed behind it.
  if count ~= tonumber(ARGV[6]) then
    return {0}
  end
  tokens = math.min(burst, tokens + cost)
  redis.call('HSET', KEYS[1], 't', tostring(tokens), 'u', tostring(updated), 'n', count + 1)
  return {1}
end

local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then
  return {0, paused - now}
end
tokens = tokens - cost
count = count + 1
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'u', tostring(updated), 'n', count)
-- The state matters until the bucket is full again; after that a fresh bucket is identical.
redis.call('PEXPIRE', KEYS[1], math.ceil(((burst - tokens) * 1000) / rate) + (updated - now) + 1000)
local wait = updated - now
if tokens < 0 then
  wait = wait + math.ceil((-tokens * 1000) / rate)
end
return {1, wait, count}
`,
);
