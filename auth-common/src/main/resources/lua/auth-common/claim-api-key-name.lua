-- Registers a key name once, atomically: concurrent instances all end with the same key.
-- KEYS[1] names hash, KEYS[2] ids hash. ARGV: name, sha256, id, replace ('1' to rotate).
-- Returns the registered "sha256:id" and, when a previous registration was replaced, its value.
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and ARGV[4] ~= '1' then
  return {current, false}
end
local entry = ARGV[2] .. ':' .. ARGV[3]
redis.call('HSET', KEYS[1], ARGV[1], entry)
redis.call('HSET', KEYS[2], ARGV[3], ARGV[2] .. ':' .. ARGV[1])
if current then
  local old_id = string.sub(current, 66)
  redis.call('HDEL', KEYS[2], old_id)
end
return {entry, current or false}
