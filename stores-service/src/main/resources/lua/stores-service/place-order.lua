-- Saves a new order and indexes it under its customer, atomically, with its event in the outbox.
-- KEYS[1] the customer's by-id hash, KEYS[2] the customer's placed zset, KEYS[3] (optional) the
-- customer's outbox hash.
-- ARGV[1] order id, ARGV[2] order JSON, ARGV[3] placement time (epoch ms), ARGV[4] (with KEYS[3])
-- the order.placed event to publish.
-- Returns 1, or 0 when the id is already taken (nothing is written).
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 0
end
-- Scores strictly increase, so two orders placed in the same millisecond still list newest first.
local score = tonumber(ARGV[3])
local last = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
if last[2] and tonumber(last[2]) >= score then
  score = tonumber(last[2]) + 1
end
redis.call('ZADD', KEYS[2], score, ARGV[1])
if KEYS[3] then
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
end
return 1
