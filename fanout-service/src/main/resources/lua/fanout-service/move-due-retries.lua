-- Moves retries that are due (Redis's clock) back into their subscriber's stream, atomically,
-- so that several instances polling at once never enqueue one twice.
-- KEYS[1] due retries (sorted set; members subscriber|event id|attempt).
-- ARGV[1] key prefix (the shared hash tag), ARGV[2] most moved at once.
-- Returns {how many were moved, milliseconds until the next retry is due (-1: none waits)}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do
  redis.call('ZREM', KEYS[1], member)
  local subscriber, id, attempt = string.match(member, '^([^|]+)|([^|]+)|(%d+)$')
  if subscriber then
    local event = redis.call('HGET', ARGV[1] .. 'event:' .. id, 'event')
    if event then
      redis.call('XADD', ARGV[1] .. 'deliveries:' .. subscriber, '*', 'id', id,
        'attempt', attempt, 'event', event)
    end
  end
end
local next = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local wait = -1
if next[2] then
  wait = math.max(0, tonumber(next[2]) - now)
end
return {#due, wait}
