-- Settles one delivery read from a subscriber's stream: acknowledges and deletes the entry and
-- records the outcome in the event's hash, all at once, on Redis's clock.
-- KEYS[1] the subscriber's stream, KEYS[2] event hash, KEYS[3] due retries (sorted set),
-- KEYS[4] dead-letter stream.
-- ARGV[1] stream entry id, ARGV[2] consumer group, ARGV[3] subscriber, ARGV[4] event id,
-- ARGV[5] attempt, ARGV[6] outcome: delivered | retry | dead, ARGV[7] retry delay (ms),
-- ARGV[8] error (retry, dead), ARGV[9] dead-letter stream length kept (approximate).
-- Returns the dead-letter id for 'dead', else 'OK'.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local attempts = tonumber(ARGV[5])
local state
local result = 'OK'
if ARGV[6] == 'delivered' then
  state = {state = 'delivered', attempts = attempts, deliveredAt = now}
elseif ARGV[6] == 'retry' then
  local due = now + tonumber(ARGV[7])
  redis.call('ZADD', KEYS[3], due, ARGV[3] .. '|' .. ARGV[4] .. '|' .. (attempts + 1))
  state = {state = 'retrying', attempts = attempts, nextAttemptAt = due, lastError = ARGV[8]}
else
  result = redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[9], '*', 'id', ARGV[4],
    'subscriber', ARGV[3], 'attempts', ARGV[5], 'error', ARGV[8], 'at', tostring(now))
  state = {state = 'dead-lettered', attempts = attempts, deadLetteredAt = now,
    lastError = ARGV[8], deadLetterId = result}
end
redis.call('XACK', KEYS[1], ARGV[2], ARGV[1])
redis.call('XDEL', KEYS[1], ARGV[1])
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('HSET', KEYS[2], 'd:' .. ARGV[3], cjson.encode(state))
end
return result
