-- Lists retries that are due (Redis's clock), without taking them: the caller then moves them with
-- enqueue-retries.lua, which names every key it touches. Owned by DeliveryLedger.
-- KEYS[1] due retries (sorted set; members subscriber|event id|attempt, scored by due time in ms).
-- ARGV[1] most listed at once.
-- Returns {milliseconds until the first retry not listed is due (-1: none waits), member, ...}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, limit)
local next = redis.call('ZRANGE', KEYS[1], #due, #due, 'WITHSCORES')
local wait = -1
if next[2] then
  wait = math.max(0, tonumber(next[2]) - now)
end
local reply = {wait}
for _, member in ipairs(due) do
  reply[#reply + 1] = member
end
return reply
