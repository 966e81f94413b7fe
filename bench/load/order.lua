-- POST /api/v1/orders: a random shopper of the bench's, one line of 1 or 2 units, 80 % of orders on the
-- 100 hot listings and 20 % on the 10,000 cold ones, a unique Idempotency-Key each; 5 % of requests
-- replay the thread's order from 100 requests before (same key, same body; long done, not in flight), which
-- must answer the first response again and create no second order.
--   wrk -s bench/load/order.lua URL -- TOKENS_FILE HOT_FILE COLD_FILE
dofile("bench/load/common.lua")
function init(args)
  tokens, hot, cold = lines(args[1]), lines(args[2]), lines(args[3])
  math.randomseed(os.time() * 1000 + id * 104729)
  run = string.format("%x%04x", os.time(), math.random(0, 65535))
  n = 0
  sent = {}
end
function request()
  if n > 100 and math.random(100) <= 5 then
    return sent[(n - 100) % 128]
  end
  n = n + 1
  local listing = math.random(100) <= 80 and hot[math.random(#hot)] or cold[math.random(#cold)]
  local body = string.format('{"items":[{"listingId":"%s","quantity":%d}],"shippingAddress":{"recipientName":"Budi Santoso",'
    .. '"phone":"081234567890","street":"Jl. Melati 5","regencyCode":"32.04","postalCode":"40921"}}', listing, math.random(2))
  sent[n % 128] = wrk.format("POST", "/api/v1/orders", {
    ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("wrk-%s-%d-%d", run, id, n)}, body)
  return sent[n % 128]
end
