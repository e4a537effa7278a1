-- Upserts one store and its index entries atomically.
-- KEYS[1] by-id hash, KEYS[2] geo set, KEYS[3] order zset,
-- KEYS[4 .. 3+ARGV[6]] index sets the store belongs to, the remaining KEYS index sets it left.
-- ARGV: id, json, longitude, latitude, position, count of index sets it belongs to.
local id = ARGV[1]
redis.call('HSET', KEYS[1], id, ARGV[2])
redis.call('GEOADD', KEYS[2], ARGV[3], ARGV[4], id)
redis.call('ZADD', KEYS[3], ARGV[5], id)
local belongs = tonumber(ARGV[6])
for i = 4, #KEYS do
  if i <= 3 + belongs then
    redis.call('SADD', KEYS[i], id)
  else
    redis.call('SREM', KEYS[i], id)
  end
end
return belongs
