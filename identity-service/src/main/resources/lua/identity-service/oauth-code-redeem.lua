-- Redeems an authorization code (owner: dev.gatehouse.identity.hosted.AuthorizationCodes).
-- KEYS[1]  the code's hash: client, redirectUri, challenge ('' without PKCE), username, sub,
--          scope, nonce, authTime, issuedAt (epoch millis)
-- ARGV[1]  client id of the caller      ARGV[2] redirect_uri of the caller
-- ARGV[3]  S256 of the caller's code_verifier, '' when none was sent
-- ARGV[4]  now (epoch millis, the service's clock)   ARGV[5] validity (millis)
-- Reply:   {'ok', field, value, ...} and the code is gone (single use), or
--          {'refused', reason} (unknown | expired | client | redirect_uri | verifier_missing |
--          verifier) and the code is left exactly as it was.
local stored = redis.call('HGETALL', KEYS[1])
if #stored == 0 then
  return {'refused', 'unknown'}
end
local code = {}
for i = 1, #stored, 2 do
  code[stored[i]] = stored[i + 1]
end
if tonumber(code['issuedAt']) + tonumber(ARGV[5]) <= tonumber(ARGV[4]) then
  return {'refused', 'expired'}
end
if code['client'] ~= ARGV[1] then
  return {'refused', 'client'}
end
if code['redirectUri'] ~= ARGV[2] then
  return {'refused', 'redirect_uri'}
end
if code['challenge'] ~= '' then
  if ARGV[3] == '' then
    return {'refused', 'verifier_missing'}
  end
  if code['challenge'] ~= ARGV[3] then
    return {'refused', 'verifier'}
  end
end
redis.call('DEL', KEYS[1])
local reply = {'ok'}
for i = 1, #stored do
  reply[#reply + 1] = stored[i]
end
return reply
