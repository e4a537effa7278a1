-- UpdateUsage: sets the remaining quota of the current period (a temporary extension that
-- lapses at the next period boundary, when a new counter starts).
-- KEYS[1] quota counter of the current period, KEYS[2] today's usage hash.
-- ARGV: counter value (effective limit - remaining), remaining, counter expiry (unix seconds),
-- usage retention in seconds.
redis.call('SET', KEYS[1], ARGV[1])
redis.call('EXPIREAT', KEYS[1], ARGV[3])
redis.call('HSET', KEYS[2], 'remaining', ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return redis.call('HGET', KEYS[2], 'used') or '0'
