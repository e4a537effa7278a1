-- Links logins to an identity and merges other identities of the same pool into it, all or nothing
-- (GetId, GetOpenIdTokenForDeveloperIdentity, MergeDeveloperIdentities; a new guest identity is the
-- case with neither logins nor merged identities). Every key shares the pool's hash tag. The caller
-- read the state first; the script checks that nothing it read has changed (else STALE: read again).
-- KEYS[1]            the pool's identity list (sorted set, score = creation time in ms)
-- KEYS[2]            the surviving identity's record (hash: links, created, modified, rev, merged)
-- KEYS[3..2+m]       the records of the identities merged into it (m = ARGV[3])
-- KEYS[3+m..]        login index keys (string: identity id), one per login triple of ARGV
-- ARGV[1] the surviving identity id        ARGV[2] now (epoch ms)
-- ARGV[3] m                                ARGV[4] most logins one identity may hold
-- ARGV[5] provider exempt from the one-login-per-provider rule ('' for none)
-- ARGV[6] the survivor's rev as read ('0': it must not exist yet)
-- ARGV[7..6+m] the rev of each merged record as read
-- then, per login key: its owner as read ('' when unbound), the login's digest, its provider
-- links: "<digest> <provider>" entries joined by "\n"
-- Reply: {'OK', links, created} | {'STALE'} | {'CONFLICT'} (two logins of one provider)
--        | {'LIMIT'} (more than ARGV[4] logins)
local survivor = ARGV[1]
local now = ARGV[2]
local m = tonumber(ARGV[3])
local most = tonumber(ARGV[4])
local exempt = ARGV[5]

local function rev(key)
  return redis.call('HGET', key, 'rev') or '0'
end

if rev(KEYS[2]) ~= ARGV[6] then
  return {'STALE'}
end
for i = 1, m do
  if rev(KEYS[2 + i]) ~= ARGV[6 + i] then
    return {'STALE'}
  end
end
local logins = {}
local arg = 7 + m
for k = 3 + m, #KEYS do
  local owner = redis.call('GET', KEYS[k]) or ''
  if owner ~= ARGV[arg] then
    return {'STALE'}
  end
  logins[#logins + 1] = {ARGV[arg + 1], ARGV[arg + 2]}
  arg = arg + 3
end

local links, seen, byProvider = {}, {}, {}
local conflict = false
local function add(digest, provider)
  if digest == '' or seen[digest] then
    return
  end
  seen[digest] = true
  if provider ~= exempt and byProvider[provider] then
    conflict = true
  end
  byProvider[provider] = digest
  links[#links + 1] = digest .. ' ' .. provider
end
local function addAll(record)
  local stored = redis.call('HGET', record, 'links') or ''
  for entry in string.gmatch(stored, '[^\n]+') do
    local digest, provider = string.match(entry, '^(%S+) (.+)$')
    add(digest, provider)
  end
end
for i = 0, m do
  addAll(KEYS[2 + i])
end
for _, login in ipairs(logins) do
  add(login[1], login[2])
end
if conflict then
  return {'CONFLICT'}
end
if #links > most then
  return {'LIMIT'}
end

local joined = table.concat(links, '\n')
for k = 3 + m, #KEYS do
  redis.call('SET', KEYS[k], survivor)
end
local created = redis.call('HGET', KEYS[2], 'created')
if not created then
  created = now
  redis.call('ZADD', KEYS[1], now, survivor)
end
redis.call('HSET', KEYS[2], 'links', joined, 'created', created, 'modified', now,
  'rev', tostring(tonumber(ARGV[6]) + 1))
for i = 1, m do
  redis.call('HSET', KEYS[2 + i], 'links', '', 'merged', survivor, 'modified', now,
    'rev', tostring(tonumber(ARGV[6 + i]) + 1))
end
return {'OK', joined, created}
