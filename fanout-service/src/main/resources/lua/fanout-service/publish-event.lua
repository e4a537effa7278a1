-- Publishes one event atomically: claims the idempotency key (if any), stores the event with a
-- pending state per subscriber, and appends one delivery per subscriber to its stream.
-- KEYS[1] event hash, KEYS[2] idempotency key (ignored when ARGV[5] is '0'), KEYS[3..] the
-- subscribers' delivery streams.
-- ARGV[1] event id, ARGV[2] event JSON, ARGV[3] idempotency window (s), ARGV[4] retention (s),
-- ARGV[5] '1' when an idempotency key was given, ARGV[6..] subscriber names (as KEYS[3..]).
-- Returns {1, id} when published, {0, first id} when the key was already used.
if ARGV[5] == '1' then
  local first = redis.call('GET', KEYS[2])
  if first then
    return {0, first}
  end
  redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[3])
end
local fields = {'event', ARGV[2]}
for i = 6, #ARGV do
  fields[#fields + 1] = 'd:' .. ARGV[i]
  fields[#fields + 1] = '{"state":"pending","attempts":0}'
end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('EXPIRE', KEYS[1], ARGV[4])
for i = 3, #KEYS do
  redis.call('XADD', KEYS[i], '*', 'id', ARGV[1], 'attempt', '1', 'event', ARGV[2])
end
return {1, ARGV[1]}
