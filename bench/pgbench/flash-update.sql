-- The flash sale's ceiling (bench/flash-sale.sh): the checkout's stock UPDATEs alone
-- (catalog/.../internal/StockKeeper.java), one unit of one hot variant per transaction, every client
-- on the same rows. Since variants (2026-12-06) the checkout takes the listing's row, then the
-- variant's, both conditional, in its transaction: two statements while the listing's row is locked,
-- where it was one autocommitted UPDATE. :variant is the sale's variant; the sale's listing has no
-- options, so its one variant has the listing's id. Each transaction waits for the row lock of the
-- one before it, so tps here is the rate at which that row's lock can change hands when nothing else
-- is done while it is held.
BEGIN;
UPDATE catalog.listings SET stock = stock - 1
WHERE id = :listing AND status = 'PUBLISHED' AND stock >= 1 RETURNING id;
WITH variant AS (
    UPDATE catalog.listing_variants SET stock = stock - 1
    WHERE id = :variant AND listing_id = :listing AND stock >= 1
    RETURNING id, listing_id, option_values, price_idr, weight_grams)
SELECT v.id, v.listing_id, v.option_values, l.seller_id, l.version, l.title, v.price_idr,
       l.ship_from_regency_code, v.weight_grams
FROM variant v JOIN catalog.listings l ON l.id = v.listing_id;
COMMIT;
