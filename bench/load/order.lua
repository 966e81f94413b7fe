-- One order of the bench = two requests: POST /api/v1/orders (a random shopper of the bench's, one line
-- of 1 or 2 units of a variant, 80 % on the 100 hot listings and 20 % on the 10,000 cold ones, no
-- shipping choice, so the seller's cheapest service, a unique Idempotency-Key), then, once its 201 is
-- in, the payment's start POST /api/v1/orders/{id}/payments {"method":"QRIS"} with a key of its own.
-- 5 % of orders replay an order from 100 orders before (same key, same body: long done, not in
-- flight), which must answer the first response again and create nothing; its payment start is
-- replayed too (same key and body). SETTLE_PERCENT (default 2) of the new payments are then settled
-- through the sandbox's POST /api/v1/sandbox/payments/{id}/settle (a third request), so that paid
-- orders exist for the money invariant (bench/invariants.sql).
--   wrk -s bench/load/order.lua URL -- TOKENS_FILE HOT_FILE COLD_FILE [SETTLE_PERCENT]
-- HOT_FILE and COLD_FILE hold variant ids (bench/load/prepare.py: one variant of each target listing; a
-- listing without options has one, whose id is the listing's).
-- The rate printed (rps) is orders a second: payment starts answered 201, each after its placement;
-- requests_rps counts every HTTP request (placements, payment starts, settlements).
-- wrk does not tell which connection a response came on, so the payment start goes out on the next
-- connection of the same thread that is free (keep-alive, like the placement), not necessarily the
-- placement's own. The shopper is found again from the response: the street carries the token's
-- number ("Jl. Melati <n>"), which the order echoes.
dofile("bench/load/common.lua")
function init(args)
  tokens, hot, cold = lines(args[1]), lines(args[2]), lines(args[3])
  settle_percent = tonumber(args[4] or "2")
  math.randomseed(os.time() * 1000 + id * 104729)
  run = string.format("%x%04x", os.time(), math.random(0, 65535))
  n = 0
  sent = {}        -- the last 128 placements, for replays
  pays = {}        -- order id -> its payment start as sent (replayed with its order)
  shopper = {}     -- order id -> the token's number
  seen = {}        -- payment ids answered once (a replayed answer is not settled again)
  queue = {}       -- follow-up requests, sent before new orders
  orders, placements, settles = 0, 0, 0
end
local function post(path, token, key, body)
  local headers = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
  if key then headers["Idempotency-Key"] = key end
  return wrk.format("POST", path, headers, body)
end
function request()
  if #queue > 0 then
    return table.remove(queue, 1)
  end
  if n > 100 and math.random(100) <= 5 then
    return sent[(n - 100) % 128]
  end
  n = n + 1
  local variant = math.random(100) <= 80 and hot[math.random(#hot)] or cold[math.random(#cold)]
  local t = math.random(#tokens)
  local body = string.format('{"items":[{"variantId":"%s","quantity":%d}],"shippingAddress":{"recipientName":"Budi Santoso",'
    .. '"phone":"081234567890","street":"Jl. Melati %d","regencyCode":"32.04","postalCode":"40921"}}', variant, math.random(2), t)
  sent[n % 128] = post("/api/v1/orders", tokens[t], string.format("wrk-%s-%d-%d", run, id, n), body)
  return sent[n % 128]
end
function response(status, headers, body)
  if status ~= 201 and status ~= 200 then return end
  local payment = body:match('"paymentId":"([%x-]+)"')
  if payment then
    orders = orders + 1
    local order = body:match('"orderId":"([%x-]+)"')
    if not seen[payment] then
      seen[payment] = true
      if order and shopper[order] and math.random(100) <= settle_percent then
        table.insert(queue, post("/api/v1/sandbox/payments/" .. payment .. "/settle", tokens[shopper[order]], nil, ""))
      end
    end
    return
  end
  if body:match('"result"') then
    settles = settles + 1
    return
  end
  local order = body:match('"orderId":"([%x-]+)"')
  if not order then return end
  placements = placements + 1
  if not pays[order] then
    local t = tonumber(body:match('"street":"Jl%. Melati (%d+)"'))
    shopper[order] = t
    pays[order] = post("/api/v1/orders/" .. order .. "/payments", tokens[t],
      string.format("wrk-pay-%s-%d-%d", run, id, placements), '{"method":"QRIS"}')
  end
  table.insert(queue, pays[order])
end
-- As common.lua's, with rps = orders (payment starts answered) a second and the HTTP requests beside.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local o, p, s = 0, 0, 0
  for _, thread in ipairs(threads) do
    o = o + thread:get("orders"); p = p + thread:get("placements"); s = s + thread:get("settles")
  end
  io.write(string.format("WRK requests=%d seconds=%.2f rps=%.1f requests_rps=%.1f orders=%d placements=%d settles=%d non2xx=%d connect=%d read=%d write=%d timeout=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, seconds, o / seconds, summary.requests / seconds, o, p, s, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
