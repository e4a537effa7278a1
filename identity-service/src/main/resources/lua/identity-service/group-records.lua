-- Reads several group records in one round trip (a page of ListGroups, a user's groups).
-- KEYS[1..n] group records (hashes). ARGV: none.
-- Reply: one array per key, its HGETALL (empty when the group no longer exists).
local records = {}
for i, key in ipairs(KEYS) do
  records[i] = redis.call('HGETALL', key)
end
return records
