-- Re-enqueues a dead-lettered delivery: a fresh first attempt in its subscriber's stream, the
-- state back to pending, the dead letter removed (so a second replay finds nothing). The caller
-- read the entry first to name the keys. Owned by DeadLetters.
-- KEYS[1] dead-letter stream, KEYS[2] the event's hash, KEYS[3] the subscriber's delivery stream.
-- ARGV[1] dead-letter id, ARGV[2] its event id, ARGV[3] its subscriber (as the caller read them).
-- Returns {1} replayed, {0} when there is no such dead letter (any more, or not for ARGV[2] and
-- ARGV[3]), {-1} when its event has expired.
local entries = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
if #entries == 0 then
  return {0}
end
local raw = entries[1][2]
local f = {}
for i = 1, #raw, 2 do
  f[raw[i]] = raw[i + 1]
end
if f.id ~= ARGV[2] or f.subscriber ~= ARGV[3] then
  return {0}
end
local event = redis.call('HGET', KEYS[2], 'event')
if not event then
  return {-1}
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('XADD', KEYS[3], '*', 'id', f.id, 'attempt', '1', 'event', event)
redis.call('HSET', KEYS[2], 'd:' .. f.subscriber, cjson.encode({state = 'pending', attempts = 0,
  replayedAt = now, lastError = f.error}))
redis.call('XDEL', KEYS[1], ARGV[1])
return {1}
