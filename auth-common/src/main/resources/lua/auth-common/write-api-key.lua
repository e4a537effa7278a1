-- Rewrites a key's record (what usage-plan-decide.lua reads) whole, in one step, unless a newer
-- version of it is already there: records are written after each control-plane commit from the
-- state of that commit or later, so the newest state always wins whatever order writers finish in.
-- Owned by ApiKeyRecords.
--
-- KEYS[1] the record, {ak:<sha256>}:key
-- ARGV[1] control-plane version the fields reflect; ARGV[2] '1' when the key no longer exists (a
-- tombstone holding only the version, expiring after a day); ARGV[3..] field, value, ...
-- Returns 1 when written, 0 when a newer version was there.
local stored = tonumber(redis.call('HGET', KEYS[1], 'v') or '-1')
if stored > tonumber(ARGV[1]) then
  return 0
end
redis.call('DEL', KEYS[1])
if ARGV[2] == '1' then
  redis.call('HSET', KEYS[1], 'v', ARGV[1])
  redis.call('EXPIRE', KEYS[1], 86400)
  return 1
end
redis.call('HSET', KEYS[1], 'v', ARGV[1], unpack(ARGV, 3))
return 1
