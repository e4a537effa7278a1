-- CreateGroup, and provisioning of a group the pool does not hold yet: the record and its entry in
-- the pool's index, unless the (folded) name is taken or the pool is full.
-- KEYS[1] the group's record (hash), KEYS[2] the pool's groups (sorted set of folded names).
-- ARGV[1] folded name, ARGV[2] most groups a pool may hold, ARGV[3..] field, value, ...
-- Reply: 1 created, 0 the name is taken, -1 the pool holds ARGV[2] groups already.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then
  return -1
end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('ZADD', KEYS[2], 0, ARGV[1])
return 1
