-- Rewrites a key's record with the current configuration, keeping its creation time.
-- KEYS[1] record hash. ARGV: field, value, field, value, ...
local created = redis.call('HGET', KEYS[1], 'created')
if not created then
  created = redis.call('TIME')[1]
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'created', created, unpack(ARGV))
return created
