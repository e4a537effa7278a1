-- wrk script shared by every scenario of bench/run.sh. Method, body and headers come from the
-- environment so that one file serves GET and POST; done() prints one parseable line.
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
local headers = os.getenv("BENCH_HEADERS")
if headers and headers ~= "" then
  -- One "name:value" per line (SigV4 values contain ';' and ',').
  for name, value in string.gmatch(headers, "([^:\n]+):([^\n]*)") do
    wrk.headers[name] = value
  end
end

local non2xx = 0
response = function(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.1f p50=%.3f p99=%.3f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
