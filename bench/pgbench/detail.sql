-- GET /catalog/listings/{id}: the SQL of ListingSearch.published
-- (catalog/.../internal/ListingSearch.java), outside any transaction (two statements, no
-- BEGIN/COMMIT): the listing, then its variants (ListingVariants.of: since variants, 2026-12-06,
-- detail lists every variant). The first statement only picks a listing id from the bench's sample
-- (bench.detail_ids, made by run.sh); the application gets the id from the URL, so it is the one
-- statement pgbench sends that the application does not (it makes pgbench's figure a little lower,
-- the ratio a little kinder to the application).
\set n random(1, :detail_ids)
SELECT id AS listing FROM bench.detail_ids WHERE n = :n \gset
SELECT id, title, description, price_idr, max_price_idr, shop_name, seller_id, ship_from_regency_code,
       province_code, category_code, stock, weight_grams, halal_status, halal_certificate_number,
       option_types
FROM catalog.listings WHERE id = :listing AND status = 'PUBLISHED';
SELECT id, listing_id, option_values, sku, price_idr, stock, weight_grams FROM catalog.listing_variants
WHERE listing_id IN (:listing) ORDER BY listing_id, position;
