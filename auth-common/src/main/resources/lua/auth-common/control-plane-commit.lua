-- Commits one control-plane write (API keys, usage plans, plan keys) atomically, if nothing else
-- was committed since the writer read its state (optimistic concurrency on one version counter:
-- management writes are rare, so a conflict simply means read again and retry), and records it in
-- the audit stream. Owned by ControlPlaneStore.
--
-- KEYS[1] {apikeys}:version  counter, one more per commit
-- KEYS[2] {apikeys}:key-items  hash: key id -> key JSON (never the value, only its hash and the
--         sealed value)
-- KEYS[3] {apikeys}:plans  hash: plan id -> plan JSON
-- KEYS[4] {apikeys}:hashes  hash: SHA-256 of a key value -> key id (a value is a key's identity)
-- KEYS[5] {apikeys}:audit  stream, capped by length
-- ARGV[1] the version the writer read; ARGV[2] audit stream length cap; ARGV[3] caller ARN;
-- ARGV[4] action (e.g. CreateApiKey); ARGV[5] target (ids only)
-- ARGV[6..] triplets kind, field, value: k / p set a key / plan JSON ('' deletes it); h claims a
-- value hash for a key id; H releases a value hash held by a key id.
--
-- Returns {version} committed, {-1} when the version moved (nothing written), or {-2, key id}
-- when a claimed value hash belongs to another key (nothing written).
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current ~= tonumber(ARGV[1]) then
  return {-1}
end
for i = 6, #ARGV, 3 do
  if ARGV[i] == 'h' then
    local holder = redis.call('HGET', KEYS[4], ARGV[i + 1])
    if holder and holder ~= ARGV[i + 2] then
      return {-2, holder}
    end
  end
end
for i = 6, #ARGV, 3 do
  local kind, field, value = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local hash = (kind == 'k' and KEYS[2]) or (kind == 'p' and KEYS[3]) or KEYS[4]
  if kind == 'h' then
    redis.call('HSET', hash, field, value)
  elseif kind == 'H' then
    if redis.call('HGET', hash, field) == value then
      redis.call('HDEL', hash, field)
    end
  elseif value == '' then
    redis.call('HDEL', hash, field)
  else
    redis.call('HSET', hash, field, value)
  end
end
local version = redis.call('INCR', KEYS[1])
redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[2], '*', 'caller', ARGV[3], 'action', ARGV[4],
  'target', ARGV[5], 'version', version)
return {version}
