-- The flash sale's variant of order.sql (bench/flash-sale.sh): the same order, with the listing's stock
-- taken last, just before the checkout commits, instead of first. The price, title, seller and version
-- are read without a lock first (and the stock checked, for a quick refusal); the UPDATE at the end is
-- conditional on the version read, so the order is priced from the row it takes. The listing's row
-- lock is then held for the UPDATE and the COMMIT only, not through the order's INSERTs, the key's
-- completion and the outbox row. Since variants (2026-12-06) as order.sql: the order names a variant
-- (:variant, bench.order_targets.id), the quote reads it joined to its listing, and the stock is taken
-- from the listing's row (conditional on the version read) and then the variant's.
\set s random(1, :shoppers)
\set r random(1, 100)
\set hot random(1, :hot_listings)
\set cold random(1, :cold_listings)
\set quantity random(1, 2)
\set is_hot CASE WHEN :r <= 80 THEN 1 ELSE 0 END
\set pick CASE WHEN :r <= 80 THEN :hot ELSE :cold END
\set expires 4102444800000
SELECT sh.id AS shopper, 'orders' || chr(58) || 'pgbench-' || sh.n AS bucket,
       (SELECT t.id FROM bench.order_targets t WHERE t.hot = (:is_hot::int = 1) AND t.n = :pick::bigint) AS variant,
       g.order_id, gen_random_uuid() AS seller_order_id, gen_random_uuid() AS line_id,
       gen_random_uuid() AS event_id, 'pgbench-' || gen_random_uuid() AS idem_key, md5(random()::text) || md5(random()::text) AS request_hash,
       now() AS now, (now() + interval '30 minutes') AS expires_at, current_date AS today,
       json_build_object('orderId', g.order_id, 'pad', repeat('x', 920))::text AS body,
       json_build_object('orderId', g.order_id, 'pad', repeat('x', 380))::text AS event
FROM bench.shoppers sh, LATERAL (SELECT gen_random_uuid() AS order_id) g WHERE sh.n = :s::int \gset
BEGIN;
SELECT state as state FROM gateway.rate_limit_buckets WHERE id = :bucket FOR UPDATE \gset
UPDATE gateway.rate_limit_buckets SET state=:state,expires_at=:expires WHERE id=:bucket;
COMMIT;
BEGIN;
INSERT INTO orders.idempotency_keys (shopper_id, key, request_hash, state, created_at)
VALUES (:shopper, :idem_key, :request_hash, 'IN_FLIGHT', :now) ON CONFLICT DO NOTHING;
COMMIT;
BEGIN;
SET LOCAL statement_timeout = '30s';
SELECT pg_advisory_xact_lock(hashtextextended('orders.shopper:' || :shopper::varchar, 0));
SELECT coalesce(sum(l.quantity), 0) FROM orders.orders o
JOIN orders.seller_orders s ON s.order_id = o.id JOIN orders.order_lines l ON l.seller_order_id = s.id
WHERE o.shopper_id = :shopper AND o.status = 'PENDING_PAYMENT' AND l.variant_id = :variant;
SELECT v.id, v.listing_id, v.option_values, l.seller_id, l.version, l.title, v.price_idr
FROM catalog.listing_variants v JOIN catalog.listings l ON l.id = v.listing_id
WHERE v.id = :variant AND l.status = 'PUBLISHED' AND v.stock >= :quantity \gset
\set total :price_idr * :quantity
insert into orders.orders (closed_at,created_at,expires_at,paid_at,phone,postal_code,recipient_name,regency_code,shopper_id,status,street,total_idr,version,id) values (NULL,:now,:expires_at,NULL,'081234567890','40921','Budi Santoso','32.04',:shopper,'PENDING_PAYMENT','Jl. Melati 5',:total,0,:order_id);
insert into orders.seller_orders (position,order_id,courier,created_at,seller_id,shipped_at,status,subtotal_idr,tracking_number,id) values (0,:order_id,NULL,:now,:seller_id,NULL,'PENDING_PAYMENT',:total,NULL,:seller_order_id);
insert into orders.order_lines (position,seller_order_id,listing_id,listing_version,quantity,title,unit_price_idr,variant_id,variant_label,id) values (0,:seller_order_id,:listing_id,:version,:quantity,:title,:price_idr,:variant,nullif(array_to_string(:option_values::text[], ' / '), ''),:line_id);
insert into orders.order_status_changes (order_id,position,changed_at,seller_order_id,status) values (:order_id,0,:now,NULL,'PENDING_PAYMENT');
UPDATE orders.idempotency_keys SET state = 'DONE', response_status = 201, response_body = :body
WHERE shopper_id = :shopper AND key = :idem_key;
INSERT INTO gateway.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES (:event_id, 'id.pasar.orders.OrderPlaced', 'id.pasar.orders.internal.SalesTally.on(id.pasar.orders.OrderPlaced)', :now, :event, 'PUBLISHED', 1, NULL);
UPDATE catalog.listings SET stock = stock - :quantity
WHERE id = :listing_id AND status = 'PUBLISHED' AND stock >= :quantity AND version = :version
RETURNING id;
WITH variant AS (
    UPDATE catalog.listing_variants SET stock = stock - :quantity
    WHERE id = :variant AND listing_id = :listing_id AND stock >= :quantity
    RETURNING id, listing_id, option_values, price_idr, weight_grams)
SELECT v.id, v.listing_id, v.option_values, l.seller_id, l.version, l.title, v.price_idr,
       l.ship_from_regency_code, v.weight_grams
FROM variant v JOIN catalog.listings l ON l.id = v.listing_id;
COMMIT;
BEGIN;
UPDATE gateway.EVENT_PUBLICATION SET STATUS = 'PROCESSING' WHERE ID = :event_id AND STATUS != 'PROCESSING';
COMMIT;
BEGIN;
INSERT INTO orders.tallied_orders (order_id) VALUES (:order_id) ON CONFLICT DO NOTHING;
INSERT INTO orders.listing_daily_sales (day, listing_id, seller_id, orders, units, revenue_idr)
VALUES (:today, :listing_id, :seller_id, 1, :quantity, :total)
ON CONFLICT (day, listing_id) DO UPDATE SET orders = listing_daily_sales.orders + 1,
    units = listing_daily_sales.units + EXCLUDED.units,
    revenue_idr = listing_daily_sales.revenue_idr + EXCLUDED.revenue_idr;
COMMIT;
BEGIN;
DELETE FROM gateway.EVENT_PUBLICATION WHERE ID = :event_id;
COMMIT;
