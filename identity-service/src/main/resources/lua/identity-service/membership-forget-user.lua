-- A deleted user leaves every group: their sub goes from each group's members and their own
-- group list goes. The user's records are already gone, so no membership can be added meanwhile.
-- KEYS[1] the user's groups (sorted set of folded names), KEYS[2..n] the members of each of them
-- (sorted sets of subs). ARGV[1] the user's sub.
-- Reply: the number of groups left.
local left = 0
for i = 2, #KEYS do
  left = left + redis.call('ZREM', KEYS[i], ARGV[1])
end
redis.call('DEL', KEYS[1])
return left
