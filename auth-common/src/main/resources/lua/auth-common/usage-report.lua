-- Daily usage of one key in one plan, for GetUsage.
-- KEYS[1] the key's record ({ak:<sha256>}:key). ARGV: plan, first epoch day, last epoch day.
-- Returns {created, used_1, remaining_1, used_2, remaining_2, ...}, '' where nothing was recorded.
local tag = string.sub(KEYS[1], 1, -5)
local out = {redis.call('HGET', KEYS[1], 'created') or ''}
for day = tonumber(ARGV[2]), tonumber(ARGV[3]) do
  local v = redis.call('HMGET', tag .. ':u:' .. ARGV[1] .. ':' .. day, 'used', 'remaining')
  out[#out + 1] = v[1] or ''
  out[#out + 1] = v[2] or ''
end
return out
