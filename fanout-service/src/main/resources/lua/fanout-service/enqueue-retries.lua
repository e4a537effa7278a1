-- Moves listed retries back into their subscriber's stream, atomically: a retry leaves the sorted
-- set and enters its stream at once, and only the instance whose ZREM took it enqueues it, so
-- several instances polling at once never enqueue one twice. Owned by DeliveryLedger.
-- KEYS[1] due retries (sorted set); then for each retry i, KEYS[2i] its event's hash and
-- KEYS[2i+1] its subscriber's delivery stream.
-- ARGV[i] the retry's member (subscriber|event id|attempt), in the order of the KEYS pairs.
-- Returns how many were enqueued (a retry whose event has expired is dropped, not enqueued).
local moved = 0
for i = 1, #ARGV do
  local member = ARGV[i]
  if redis.call('ZREM', KEYS[1], member) == 1 then
    local id, attempt = string.match(member, '^[^|]+|([^|]+)|(%d+)$')
    local event = redis.call('HGET', KEYS[2 * i], 'event')
    if id and event then
      redis.call('XADD', KEYS[2 * i + 1], '*', 'id', id, 'attempt', attempt, 'event', event)
      moved = moved + 1
    end
  end
end
return moved
