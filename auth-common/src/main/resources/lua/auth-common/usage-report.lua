-- Daily usage of one key in one plan, for GetUsage. Owned by UsageReports.
-- KEYS[1] the key's record ({ak:<sha256>}:key), KEYS[2..] the plan's daily usage hashes of the
-- days asked for, in order (UsageKeys.dailyUsage). ARGV: none.
-- Returns {created, used_1, remaining_1, used_2, remaining_2, ...}, '' where nothing was recorded.
local out = {redis.call('HGET', KEYS[1], 'created') or ''}
for i = 2, #KEYS do
  local v = redis.call('HMGET', KEYS[i], 'used', 'remaining')
  out[#out + 1] = v[1] or ''
  out[#out + 1] = v[2] or ''
end
return out
