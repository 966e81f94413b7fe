-- Alternative (bench/flash-sale.sh): a queue in front of the row. One worker (run with -c 1) takes
-- the orders waiting for the variant in batches of :batch and takes their units in one transaction
-- (the listing's row, then the variant's, as StockKeeper takes them since variants), so the rows are
-- never contended; units a second = :batch x tps.
BEGIN;
UPDATE catalog.listings SET stock = stock - :batch
WHERE id = :listing AND status = 'PUBLISHED' AND stock >= :batch RETURNING id;
WITH variant AS (
    UPDATE catalog.listing_variants SET stock = stock - :batch
    WHERE id = :variant AND listing_id = :listing AND stock >= :batch
    RETURNING id, listing_id, option_values, price_idr, weight_grams)
SELECT v.id, v.listing_id, v.option_values, l.seller_id, l.version, l.title, v.price_idr,
       l.ship_from_regency_code, v.weight_grams
FROM variant v JOIN catalog.listings l ON l.id = v.listing_id;
COMMIT;
