-- Alternative (bench/flash-sale.sh): a queue in front of the row. One worker (run with -c 1) takes
-- the orders waiting for the listing in batches of :batch and takes their units in one UPDATE, so
-- the row is never contended; units a second = :batch x tps.
UPDATE catalog.listings SET stock = stock - :batch
WHERE id = :listing AND status = 'PUBLISHED' AND stock >= :batch
RETURNING id, seller_id, version, title, price_idr;
