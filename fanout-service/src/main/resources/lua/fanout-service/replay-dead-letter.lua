-- Re-enqueues a dead-lettered delivery: a fresh first attempt in its subscriber's stream, the
-- state back to pending, the dead letter removed (so a second replay finds nothing).
-- KEYS[1] dead-letter stream. ARGV[1] dead-letter id, ARGV[2] key prefix (the shared hash tag).
-- Returns {1, event id, subscriber}, {0} when there is no such dead letter, {-1, event id,
-- subscriber} when its event has expired.
local entries = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
if #entries == 0 then
  return {0}
end
local raw = entries[1][2]
local f = {}
for i = 1, #raw, 2 do
  f[raw[i]] = raw[i + 1]
end
local hash = ARGV[2] .. 'event:' .. f.id
local event = redis.call('HGET', hash, 'event')
if not event then
  return {-1, f.id, f.subscriber}
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('XADD', ARGV[2] .. 'deliveries:' .. f.subscriber, '*', 'id', f.id, 'attempt', '1',
  'event', event)
redis.call('HSET', hash, 'd:' .. f.subscriber, cjson.encode({state = 'pending', attempts = 0,
  replayedAt = now, lastError = f.error}))
redis.call('XDEL', KEYS[1], ARGV[1])
return {1, f.id, f.subscriber}
