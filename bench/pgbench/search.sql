-- The search mix, as the SQL that ListingSearch (catalog/.../internal/ListingSearch.java) sends for
-- each request of bench/load/prepare.py's SEARCH_MIX, in the same order: one pgbench transaction is
-- one pass over the mix (11 requests). Copied from the PostgreSQL statement log of the running
-- application (log_statement = all): each search is its own read-only transaction, parameters bound
-- (pgbench -M prepared binds :name as $n, as pgjdbc does). When ListingSearch changes, update this
-- file (and nothing else): capture the new SQL as described in docs/performance.md.
-- Variables come from bench/load/prepare.py (pgbench -D name=value).

-- 1. q=batik tulis (relevance, first page)
BEGIN READ ONLY;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, round(:w_text::numeric * round(ts_rank_cd(l.search, websearch_to_tsquery('indonesian', :q_batik))::numeric, 6) + :w_stock::numeric * (CASE WHEN l.stock > 0 THEN 1 ELSE 0 END) + :w_fresh::numeric * round(1.0 / (1 + greatest(0, :day::date - (l.published_at AT TIME ZONE 'Asia/Jakarta')::date) / 30.0), 6), 6) AS rank, md5(l.id::text || '|' || :day) COLLATE "C" AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED' AND l.search @@ websearch_to_tsquery('indonesian', :q_batik)) s WHERE true ORDER BY s.rank DESC, s.tie, s.id LIMIT :limit;
COMMIT;
-- 2. q=kopi (relevance, first page)
BEGIN READ ONLY;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, round(:w_text::numeric * round(ts_rank_cd(l.search, websearch_to_tsquery('indonesian', :q_kopi))::numeric, 6) + :w_stock::numeric * (CASE WHEN l.stock > 0 THEN 1 ELSE 0 END) + :w_fresh::numeric * round(1.0 / (1 + greatest(0, :day::date - (l.published_at AT TIME ZONE 'Asia/Jakarta')::date) / 30.0), 6), 6) AS rank, md5(l.id::text || '|' || :day) COLLATE "C" AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED' AND l.search @@ websearch_to_tsquery('indonesian', :q_kopi)) s WHERE true ORDER BY s.rank DESC, s.tie, s.id LIMIT :limit;
COMMIT;
-- 3. q=kopi (relevance, a deep page: after the kopi_depth-th hit)
BEGIN READ ONLY;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, round(:w_text::numeric * round(ts_rank_cd(l.search, websearch_to_tsquery('indonesian', :q_kopi))::numeric, 6) + :w_stock::numeric * (CASE WHEN l.stock > 0 THEN 1 ELSE 0 END) + :w_fresh::numeric * round(1.0 / (1 + greatest(0, :day::date - (l.published_at AT TIME ZONE 'Asia/Jakarta')::date) / 30.0), 6), 6) AS rank, md5(l.id::text || '|' || :day) COLLATE "C" AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED' AND l.search @@ websearch_to_tsquery('indonesian', :q_kopi)) s WHERE (s.rank < :kopi_after_rank OR (s.rank = :kopi_after_rank AND (s.tie, s.id) > (:kopi_after_tie, :kopi_after_id))) ORDER BY s.rank DESC, s.tie, s.id LIMIT :limit;
COMMIT;
-- 4. q=tas rotan&provinceCode=35&sort=price_asc
BEGIN READ ONLY;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, round(:w_text::numeric * round(ts_rank_cd(l.search, websearch_to_tsquery('indonesian', :q_rotan))::numeric, 6) + :w_stock::numeric * (CASE WHEN l.stock > 0 THEN 1 ELSE 0 END) + :w_fresh::numeric * round(1.0 / (1 + greatest(0, :day::date - (l.published_at AT TIME ZONE 'Asia/Jakarta')::date) / 30.0), 6), 6) AS rank, md5(l.id::text || '|' || :day) COLLATE "C" AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED' AND l.search @@ websearch_to_tsquery('indonesian', :q_rotan) AND l.province_code = :province) s WHERE true ORDER BY s.price_idr, s.id LIMIT :limit;
COMMIT;
-- 5. q=angklng (a typo: the words find nothing, then the trigram match on titles)
BEGIN READ ONLY;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, round(:w_text::numeric * round(ts_rank_cd(l.search, websearch_to_tsquery('indonesian', :q_typo))::numeric, 6) + :w_stock::numeric * (CASE WHEN l.stock > 0 THEN 1 ELSE 0 END) + :w_fresh::numeric * round(1.0 / (1 + greatest(0, :day::date - (l.published_at AT TIME ZONE 'Asia/Jakarta')::date) / 30.0), 6), 6) AS rank, md5(l.id::text || '|' || :day) COLLATE "C" AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED' AND l.search @@ websearch_to_tsquery('indonesian', :q_typo)) s WHERE true ORDER BY s.rank DESC, s.tie, s.id LIMIT :limit;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, round(:w_text::numeric * round(public.word_similarity(:q_typo, l.title)::numeric, 6) + :w_stock::numeric * (CASE WHEN l.stock > 0 THEN 1 ELSE 0 END) + :w_fresh::numeric * round(1.0 / (1 + greatest(0, :day::date - (l.published_at AT TIME ZONE 'Asia/Jakarta')::date) / 30.0), 6), 6) AS rank, md5(l.id::text || '|' || :day) COLLATE "C" AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED' AND :q_typo OPERATOR(public.<%) l.title) s WHERE true ORDER BY s.rank DESC, s.tie, s.id LIMIT :limit;
COMMIT;
-- 6. categoryCode=makanan-ringan&sort=price_asc (a category without children: equality)
BEGIN READ ONLY;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, 0::numeric AS rank, '' AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED' AND l.category_code = :cat_single) s WHERE true ORDER BY s.price_idr, s.id LIMIT :limit;
COMMIT;
-- 7. categoryCode=makanan-minuman (a parent: its 6 codes)&minPriceIdr=50000&maxPriceIdr=200000&sort=price_asc
BEGIN READ ONLY;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, 0::numeric AS rank, '' AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED' AND l.category_code = ANY(string_to_array(:cat_parent, ',')) AND l.price_idr >= :min_price AND l.price_idr <= :max_price) s WHERE true ORDER BY s.price_idr, s.id LIMIT :limit;
COMMIT;
-- 8. sort=newest (no filter; also relevance without q), first page
BEGIN READ ONLY;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, 0::numeric AS rank, '' AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED') s WHERE true ORDER BY s.published_at DESC, s.id DESC LIMIT :limit;
COMMIT;
-- 9. sort=newest, the page after the middle of the shelf
BEGIN READ ONLY;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, 0::numeric AS rank, '' AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED') s WHERE (s.published_at, s.id) < (:newest_after_published, :newest_after_id) ORDER BY s.published_at DESC, s.id DESC LIMIT :limit;
COMMIT;
-- 10. sort=price_asc, first page
BEGIN READ ONLY;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, 0::numeric AS rank, '' AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED') s WHERE true ORDER BY s.price_idr, s.id LIMIT :limit;
COMMIT;
-- 11. sort=price_asc, the page after the middle of the shelf
BEGIN READ ONLY;
SELECT * FROM (SELECT l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status, 0::numeric AS rank, '' AS tie FROM catalog.listings l WHERE l.status = 'PUBLISHED') s WHERE (s.price_idr, s.id) > (:price_after, :price_after_id) ORDER BY s.price_idr, s.id LIMIT :limit;
COMMIT;
