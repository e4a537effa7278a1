-- One request against a category's request quota: a token bucket refilled at ARGV[1] per second,
-- holding at most ARGV[1] (one second's worth), on Redis's clock.
-- KEYS[1]  the category's bucket (hash: tokens, at = microseconds of the last update)
-- ARGV[1]  requests per second (integer > 0)
-- reply    1 admitted, 0 refused (the request is not counted)
local rate = tonumber(ARGV[1])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local stored = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(stored[1]) or rate
local at = tonumber(stored[2]) or now
if now > at then
  tokens = math.min(rate, tokens + (now - at) * rate / 1000000)
end
local admitted = 0
if tokens >= 1 then
  tokens = tokens - 1
  admitted = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], 2000)
return admitted
