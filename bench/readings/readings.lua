-- wrk script for the readings API. MODE: single | batch | list. Every POSTed reading has a fresh clientId,
-- and requests rotate over the prepared patients (tokens.txt), as many phones syncing at once would.
local mode = os.getenv("MODE") or "single"
local batch = tonumber(os.getenv("BATCH") or "50")
local tokens = {}
for line in io.lines(os.getenv("TOKENS") or "tokens.txt") do tokens[#tokens + 1] = line end

-- With DELAY_MS each connection pauses between requests, to hold a background rate instead of saturating.
-- (Defined only then: wrk stalls when delay() returns 0.)
local pause = tonumber(os.getenv("DELAY_MS") or "0")
if pause > 0 then
  function delay()
    return pause
  end
end

local counter = 0
local ids = 0

function setup(thread)
  ids = ids + 1
  thread:set("thread_id", ids)
end

-- Runs in each thread after setup: a distinct random stream and run prefix, so no two requests (in this run or an
-- earlier one) reuse a clientId and both threads do not walk the patients in step.
function init(args)
  math.randomseed(os.time() * 100 + thread_id)
  run_prefix = string.format("%x%d", os.time(), thread_id)
end

local function reading(n)
  local t = os.time() - (n % 600)
  local at = os.date("!%Y-%m-%dT%H:%M:%SZ", t)
  local id = string.format("b%s-%d-%d-%d", run_prefix, counter, n, math.random(1, 1e9))
  if n % 2 == 0 then
    return string.format('{"clientId":"%s","type":"GLUCOSE","measuredAt":"%s","glucose":{"value":%.1f,"unit":"MMOL_L","context":"FASTING"}}',
      id, at, 4 + (n % 80) / 10)
  end
  return string.format('{"clientId":"%s","type":"BLOOD_PRESSURE","measuredAt":"%s","bloodPressure":{"systolic":%d,"diastolic":%d,"pulse":72}}',
    id, at, 110 + n % 60, 70 + n % 25)
end

function request()
  counter = counter + 1
  local token = tokens[math.random(1, #tokens)]
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  if mode == "list" then
    return wrk.format("GET", "/api/v1/readings?limit=20", headers)
  end
  local n = mode == "batch" and batch or 1
  local items = {}
  for i = 1, n do items[i] = reading(counter * n + i) end
  return wrk.format("POST", "/api/v1/readings", headers, '{"readings":[' .. table.concat(items, ",") .. ']}')
end

function done(summary, latency, requests)
  local per = mode == "batch" and batch or 1
  local rps = summary.requests / (summary.duration / 1e6)
  io.write(string.format("RESULT mode=%s requests/s=%.0f readings/s=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d\n",
    mode, rps, mode == "list" and 0 or rps * per, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
