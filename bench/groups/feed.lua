-- wrk script for the support-group feed. MODE=read: GET the first page of a random group the caller belongs to.
-- MODE=post: POST a new post (fresh clientId) to such a group. MODE=catalogue: GET the sticker catalogue (a bearer
-- token check and a small JSON answer, no database: the ceiling of any authenticated read here).
-- PAIRS holds "token userId groupId" lines.
local mode = os.getenv("MODE") or "read"
local pairs = {}
for line in io.lines(os.getenv("PAIRS") or "pairs.txt") do
  local token, _, group = line:match("(%S+) (%S+) (%S+)")
  pairs[#pairs + 1] = { token = token, group = group }
end

local pause = tonumber(os.getenv("DELAY_MS") or "0")
if pause > 0 then
  function delay()
    return pause
  end
end

local ids = 0
local counter = 0

function setup(thread)
  ids = ids + 1
  thread:set("thread_id", ids)
end

function init(args)
  math.randomseed(os.time() * 100 + thread_id)
  run_prefix = string.format("%x%d", os.time(), thread_id)
end

function request()
  counter = counter + 1
  local p = pairs[math.random(1, #pairs)]
  local headers = { ["Authorization"] = "Bearer " .. p.token, ["Content-Type"] = "application/json" }
  if mode == "catalogue" then
    return wrk.format("GET", "/api/v1/stickers", headers)
  end
  if mode == "post" then
    return wrk.format("POST", "/api/v1/groups/" .. p.group .. "/posts", headers,
      string.format('{"clientId":"w%s-%d","text":"今天走了六千步，血糖 6.%d"}', run_prefix, counter, counter % 10))
  end
  return wrk.format("GET", "/api/v1/groups/" .. p.group .. "/feed?limit=20", headers)
end

local statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local rps = summary.requests / (summary.duration / 1e6)
  io.write(string.format("RESULT mode=%s requests/s=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d\n", mode, rps,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
