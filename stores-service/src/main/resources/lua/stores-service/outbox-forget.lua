-- Drops a customer's outbox mark unless an order marked it again since the relay read it.
-- KEYS[1] the customers' sorted set. ARGV[1] sub, ARGV[2] the version the relay read.
-- Returns 1 when dropped.
local version = redis.call('ZSCORE', KEYS[1], ARGV[1])
if version and tonumber(version) == tonumber(ARGV[2]) then
  redis.call('ZREM', KEYS[1], ARGV[1])
  return 1
end
return 0
