-- The whole usage-plan decision for a batch of requests with the same key and route, in one round
-- trip and atomically, exactly as if they had been decided one after the other:
-- key lookup (by the SHA-256 of its value), enabled, plan for this API, throttle bucket,
-- quota counter for the period, daily usage. Time is Redis's own (TIME), never the caller's,
-- moved by ARGV[2] only. UsagePlanLimiter is this script's one Java owner: it builds KEYS and ARGV
-- exactly as listed here, and UsageDecision.fromBatch decodes the reply.
--
-- KEYS[1]  {ak:<sha256>}:key, the key's record. Every other key this script touches is derived
--          from it and shares its hash tag, so it runs unchanged on Redis Cluster.
-- ARGV[1]  method key, e.g. /stores/GET
-- ARGV[2]  seconds added to Redis's TIME before deciding (RedisTimeShift: always 0 in production;
--          a test binds a shifted clock to reach period boundaries without waiting)
-- ARGV[3]  days of daily usage to keep
-- ARGV[4..19] the record fields of this API stage's plan (apiId:stage), then of a '*' plan (see
--             UsagePlanLimiter)
-- ARGV[20] how many requests to decide (1 when absent)
--
-- The record is rewritten whole, in one command, whenever the key or one of its plans changes
-- (ApiKeyRecords), so this one read sees either the old plan or the new one, never a mix.
--
-- Returns, compactly (the reply is most of the cost of a large batch): {0} when every request of
-- the batch is FORBIDDEN (unknown, deleted or disabled key, no plan for this API); otherwise {1,
-- key id, plan id, burst (-1: no throttle), quota limit (-1: no quota), seconds to period end,
-- rate limit of the bucket used ('' without throttle), quota period ('' without quota)}, then
-- four integers per request, in order: outcome (1 ALLOWED, 2 THROTTLED, 3 QUOTA_EXCEEDED), tokens
-- left, seconds (to a full bucket when allowed, to retry when throttled), quota remaining. Only
-- ALLOWED requests are counted.
local record = KEYS[1]
local tag = string.sub(record, 1, -5)
local route = ARGV[1]
-- One read of the record: the plan settings for this API (ARGV[4..11]) and for '*' (plans
-- covering every API, ARGV[12..19]); the caller precomputes the field names once per route.
local n = tonumber(ARGV[20] or '1')
local r = redis.call('HMGET', record, 'id', 'enabled', 'created', unpack(ARGV, 4, 19))
local id, enabled = r[1], r[2]
if not id or enabled ~= '1' then
  return {0}
end
local base = 3
if not r[4] then
  base = 11
end
local s = {}
for i = 1, 8 do
  s[i] = r[base + i]
end
local plan = s[1]
if not plan then
  return {0}
end
local created = r[3]

local t = redis.call('TIME')
local shift_s = tonumber(ARGV[2])
local now_s = tonumber(t[1]) + shift_s
local now_us = now_s * 1000000 + tonumber(t[2])
local today = math.floor(now_s / 86400)

-- Throttle: a method-level bucket replaces the plan-level one for that method.
local rate, burst, bucket = tonumber(s[2]), tonumber(s[3]), tag .. ':tb:' .. plan .. ':*'
if s[7] then
  rate, burst, bucket = tonumber(s[7]), tonumber(s[8]), tag .. ':tb:' .. plan .. ':' .. route
end
local tokens = -1
if burst then
  local state = redis.call('HMGET', bucket, 'tokens', 'ts')
  tokens = tonumber(state[1])
  local ts = tonumber(state[2])
  if not tokens then
    tokens = burst
  elseif now_us > ts then
    tokens = math.min(burst, tokens + (now_us - ts) / 1000000 * rate)
  end
end

-- calendar: begin. Quota periods by QuotaPeriod's rules (days since 1970-01-01, proleptic
-- Gregorian, UTC); QuotaPeriodCalendarTest runs this section against QuotaPeriod for every day.
local function days_from_civil(y, mo, d)
  if mo <= 2 then y = y - 1 end
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = (mo > 2) and (mo - 3) or (mo + 9)
  local doy = math.floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end
local function civil_from_days(z)
  z = z + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local mo = (mp < 10) and (mp + 3) or (mp - 9)
  local y = yoe + era * 400
  if mo <= 2 then y = y + 1 end
  return y, mo
end
local function period_bounds(period, day)
  if period == 'DAY' then
    return day, day + 1
  elseif period == 'WEEK' then
    local start = day - ((day + 4) % 7)
    return start, start + 7
  end
  local y, mo = civil_from_days(day)
  local start = days_from_civil(y, mo, 1)
  if mo == 12 then return start, days_from_civil(y + 1, 1, 1) end
  return start, days_from_civil(y, mo + 1, 1)
end
-- calendar: end

-- Quota: limit per calendar period; offset less in the period the key joined the plan.
local limit, used, to_end, quota_key, finish = -1, 0, 0, nil, 0
if s[4] then
  local start
  start, finish = period_bounds(s[6], today)
  local first = period_bounds(s[6], math.floor(tonumber(created) / 86400))
  limit = tonumber(s[4])
  if start == first then
    limit = math.max(0, limit - tonumber(s[5]))
  end
  quota_key = tag .. ':q:' .. plan .. ':' .. start
  to_end = finish * 86400 - now_s
  used = tonumber(redis.call('GET', quota_key) or '0')
end

-- Each request in order: throttle first (a throttled request uses no quota), then quota (a
-- request over quota uses no token).
local replies, allowed = {1, id, plan, burst or -1, limit, to_end, (burst and s[7] or s[2]) or '',
  (quota_key and s[6]) or ''}, 0
local row = 9
for i = 1, n do
  if burst and tokens < 1 then
    local wait = 1
    if rate > 0 then
      wait = math.max(1, math.ceil((1 - tokens) / rate))
    end
    replies[row], replies[row + 1], replies[row + 2], replies[row + 3] = 2, 0, wait, -1
  elseif limit >= 0 and used + 1 > limit then
    replies[row], replies[row + 1], replies[row + 2], replies[row + 3] =
      3, math.floor(math.max(tokens, 0)), 0, 0
  else
    local to_full = 0
    if burst then
      tokens = tokens - 1
      to_full = 1
      if rate > 0 then
        to_full = math.ceil((burst - tokens) / rate)
      end
    end
    local remaining = -1
    if limit >= 0 then
      used = used + 1
      remaining = limit - used
    end
    allowed = allowed + 1
    replies[row], replies[row + 1], replies[row + 2], replies[row + 3] =
      1, math.floor(math.max(tokens, 0)), to_full, remaining
  end
  row = row + 4
end

-- Writes, once for the whole batch, only for what was allowed.
if allowed > 0 then
  if quota_key then
    if redis.call('INCRBY', quota_key, allowed) == allowed then
      redis.call('EXPIREAT', quota_key, finish * 86400 - shift_s + 86400)
    end
  end
  if burst then
    -- tostring keeps 14 digits: a timestamp in microseconds would lose its last two.
    redis.call('HSET', bucket, 'tokens', string.format('%.17g', tokens), 'ts',
      string.format('%.0f', now_us))
    if rate > 0 then
      redis.call('PEXPIRE', bucket, math.ceil(burst / rate * 1000) + 1000)
    else
      redis.call('PEXPIRE', bucket, 86400000)
    end
  end
  local usage = tag .. ':u:' .. plan .. ':' .. today
  if redis.call('HINCRBY', usage, 'used', allowed) == allowed then
    redis.call('EXPIRE', usage, tonumber(ARGV[3]) * 86400)
  end
  if limit >= 0 then
    redis.call('HSET', usage, 'remaining', limit - used)
  end
end
return replies
