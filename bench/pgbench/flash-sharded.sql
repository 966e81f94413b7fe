-- Alternative (bench/flash-sale.sh): the hot listing's stock split over :shards rows
-- (bench.stock_shards), each order taking one unit from a random shard; the lock queue is split
-- :shards ways. (An order that finds its shard empty would try the next one; not needed while all
-- have stock.) Since variants (2026-12-06) every checkout also takes the listing's stock sum on its
-- row first (StockKeeper): shards would only split the queue if that sum stopped moving per order.
\set shard random(1, :shards)
UPDATE bench.stock_shards SET stock = stock - 1
WHERE listing_id = :listing AND shard = :shard AND stock >= 1
RETURNING shard;
