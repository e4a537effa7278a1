-- DeleteGroup, first step: the record and its index entry go, and the member list is set aside
-- under a name of its own (with a TTL), so that a group created again under the name starts empty
-- while the caller unlinks the old members from their own group lists.
-- KEYS[1] the group's record (hash), KEYS[2] the pool's groups (sorted set of folded names),
-- KEYS[3] the group's members (sorted set of subs), KEYS[4] the name to set the members aside as.
-- ARGV[1] folded name, ARGV[2] seconds the set-aside list lives if the caller never finishes.
-- Reply: 1 deleted (KEYS[4] holds the members, if there were any), 0 no such group.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('RENAME', KEYS[3], KEYS[4])
  redis.call('EXPIRE', KEYS[4], tonumber(ARGV[2]))
end
return 1
