-- UpdateGroup, and provisioning of a group the pool holds: changes fields of an existing record
-- (never creates one, so an update racing a DeleteGroup cannot bring back half a group).
-- KEYS[1] the group's record (hash).
-- ARGV[1] n, the number of fields to remove; ARGV[2..n+1] their names; then field, value, ...
-- Reply: 1 updated, 0 no such group.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
local removed = tonumber(ARGV[1])
if removed > 0 then
  redis.call('HDEL', KEYS[1], unpack(ARGV, 2, removed + 1))
end
if #ARGV > removed + 1 then
  redis.call('HSET', KEYS[1], unpack(ARGV, removed + 2))
end
return 1
