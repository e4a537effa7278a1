-- AdminRemoveUserFromGroup: the user out of the group's members and the group out of the user's
-- groups; removing a user who is not a member changes nothing.
-- KEYS[1] the group's record (hash), KEYS[2] the group's members (sorted set of subs),
-- KEYS[3] the user's groups (sorted set of folded names), KEYS[4] the user's sub index.
-- ARGV[1] the user's sub, ARGV[2] the folded group name.
-- Reply: 'OK', 'NO_GROUP' or 'NO_USER'.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'NO_GROUP'
end
if redis.call('EXISTS', KEYS[4]) == 0 then
  return 'NO_USER'
end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[2])
return 'OK'
