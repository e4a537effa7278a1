-- DeleteGroup, second step, for a batch of the deleted group's members: the group leaves each
-- user's groups, unless the user is already a member of a group created again under the name.
-- KEYS[1] the members of the group now under the name (sorted set of subs),
-- KEYS[2..n] the users' groups (sorted sets of folded names), one per sub in ARGV.
-- ARGV[1] the folded group name, ARGV[2..n] the subs, in the order of KEYS[2..n].
-- Reply: the number of users unlinked.
local unlinked = 0
for i = 2, #KEYS do
  if not redis.call('ZSCORE', KEYS[1], ARGV[i]) then
    unlinked = unlinked + redis.call('ZREM', KEYS[i], ARGV[1])
  end
end
return unlinked
