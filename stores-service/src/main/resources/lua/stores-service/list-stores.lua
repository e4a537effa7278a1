-- The first ARGV[1] stores in catalogue order, as JSON strings.
-- KEYS[1] order zset, KEYS[2] by-id hash.
local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #ids == 0 then
  return {}
end
return redis.call('HMGET', KEYS[2], unpack(ids))
