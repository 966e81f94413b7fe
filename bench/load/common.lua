-- Shared by the wrk scripts: a number per thread (id, for its random seed), read a file into lines, and a
-- machine-readable summary line at the end.
-- threads: the threads, for a done() that reads counters of their own (order.lua).
local counter = 0
threads = {}
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function lines(path)
  local t = {}
  for line in io.lines(path) do
    if line ~= "" then t[#t + 1] = line end
  end
  assert(#t > 0, "no lines in " .. path)
  return t
end

-- One line that bench/run.sh parses: throughput, errors and wrk's own (closed-loop) latency percentiles.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("WRK requests=%d seconds=%.2f rps=%.1f non2xx=%d connect=%d read=%d write=%d timeout=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, seconds, summary.requests / seconds, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
