-- Finds stores in one round trip with Redis's own set and geo commands.
-- KEYS[1] by-id hash, KEYS[2] geo set, KEYS[3] order zset,
-- KEYS[4..] filter sets (query terms, category): a store must be in every one of them.
-- ARGV[1] limit; ARGV[2] longitude ('' when not searching near a point), ARGV[3] latitude,
-- ARGV[4] radius in km.
-- Returns a flat array: store JSON, distance in km ('' without a point), store JSON, ...
local limit = tonumber(ARGV[1])
local filters = {}
for i = 4, #KEYS do
  filters[#filters + 1] = KEYS[i]
end

local function matches(id)
  for _, key in ipairs(filters) do
    if redis.call('SISMEMBER', key, id) == 0 then
      return false
    end
  end
  return true
end

local ids, distances = {}, {}
if ARGV[2] ~= '' then
  local args = {'GEOSEARCH', KEYS[2], 'FROMLONLAT', ARGV[2], ARGV[3], 'BYRADIUS', ARGV[4], 'km', 'ASC', 'WITHDIST'}
  if #filters == 0 then
    args[#args + 1] = 'COUNT'
    args[#args + 1] = limit
  end
  for _, hit in ipairs(redis.call(unpack(args))) do
    if matches(hit[1]) then
      ids[#ids + 1] = hit[1]
      distances[#distances + 1] = hit[2]
      if #ids >= limit then
        break
      end
    end
  end
else
  local candidates
  if #filters == 1 then
    candidates = redis.call('SMEMBERS', filters[1])
  else
    candidates = redis.call('SINTER', unpack(filters))
  end
  local ranked = {}
  for _, id in ipairs(candidates) do
    ranked[#ranked + 1] = {id, tonumber(redis.call('ZSCORE', KEYS[3], id)) or math.huge}
  end
  table.sort(ranked, function(a, b) return a[2] < b[2] end)
  for i = 1, math.min(limit, #ranked) do
    ids[i] = ranked[i][1]
    distances[i] = ''
  end
end

if #ids == 0 then
  return {}
end
local stores = redis.call('HMGET', KEYS[1], unpack(ids))
local out = {}
for i = 1, #ids do
  if stores[i] then
    out[#out + 1] = stores[i]
    out[#out + 1] = distances[i]
  end
end
return out
