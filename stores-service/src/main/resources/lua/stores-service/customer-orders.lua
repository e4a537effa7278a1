-- The customer's ARGV[1] most recent orders, newest first, as JSON strings.
-- KEYS[1] the customer's by-id hash, KEYS[2] the customer's placed zset.
local ids = redis.call('ZREVRANGE', KEYS[2], 0, tonumber(ARGV[1]) - 1)
if #ids == 0 then
  return {}
end
return redis.call('HMGET', KEYS[1], unpack(ids))
