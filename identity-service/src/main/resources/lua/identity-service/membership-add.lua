-- AdminAddUserToGroup: the user into the group's members and the group into the user's groups,
-- both or neither; adding a member again changes nothing.
-- KEYS[1] the group's record (hash), KEYS[2] the group's members (sorted set of subs),
-- KEYS[3] the user's groups (sorted set of folded names), KEYS[4] the user's sub index (it exists
-- as long as the user does).
-- ARGV[1] the user's sub, ARGV[2] the folded group name, ARGV[3] most groups a user may join.
-- Reply: 'OK', 'NO_GROUP', 'NO_USER' or 'LIMIT' (the user is in ARGV[3] groups already).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'NO_GROUP'
end
if redis.call('EXISTS', KEYS[4]) == 0 then
  return 'NO_USER'
end
if redis.call('ZSCORE', KEYS[3], ARGV[2]) then
  return 'OK'
end
if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[3]) then
  return 'LIMIT'
end
redis.call('ZADD', KEYS[2], 0, ARGV[1])
redis.call('ZADD', KEYS[3], 0, ARGV[2])
return 'OK'
