-- Removes a stopped consumer from a delivery stream's group unless it still holds deliveries
-- (those stay pending under its name until another consumer claims them), so that consumers of
-- short-lived instances (Lambda delivery runs) do not pile up in the group.
-- KEYS[1] the subscriber's delivery stream. ARGV[1] group, ARGV[2] consumer.
-- Returns 1 when removed, 0 when it still holds deliveries or was not in the group.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
local held = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2])
if #held > 0 then
  return 0
end
redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
return 1
