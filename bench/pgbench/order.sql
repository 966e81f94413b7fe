-- One order of the bench (bench/load/order.lua): POST /orders with a fresh Idempotency-Key, then
-- POST /orders/{id}/payments (QRIS) with a key of its own. Every statement the application sends for
-- them, in its transactions, copied from the PostgreSQL statement log (log_statement = all; 2026-12-06):
--   the order rate limit (Bucket4j's PostgreSQL bucket: gateway/.../ratelimit/OrderRateLimit.java),
--   the key's claim (orders/.../internal/IdempotencyKeys.java),
--   the checkout (orders/.../internal/Checkout.java: the queue's statement timeout, the shopper's lock, the
--     unpaid units; the quote of catalog/.../internal/StockKeeper.java; the seller's couriers for the
--     shipping quote (orders/.../internal/SellerCouriers.java; the rates themselves are the table in
--     memory, no SQL); what Hibernate sends for OrderRepository.saveAndFlush: the four INSERTs of the
--     order, its seller order with its shipping, its line and its status history; the key's completion,
--     the outbox row (Spring Modulith's event publication), and last the stock's two UPDATEs (ADR 0008:
--     the rows are held for the UPDATEs and the COMMIT only),
--   then the OrderPlaced listener (orders/.../internal/SalesTally.java) through the outbox: three short
--     transactions,
--   then the payment's start (orders/.../internal/PaymentAttempts.java): the key's claim; the order locked
--     and read by one statement (PaymentRecords.lockPayable; until 2026-12-06 04:20 Hibernate loaded
--     its seller orders, their lines and its history with it), its earlier attempts,
--     the attempt's INSERT and the key's completion. The sandbox gateway charges in memory (no SQL).
--     No rate limit: it counts POST /orders only.
-- The bench's 2 % of payments settled through the sandbox are not in this script (a third request the
-- application pays for and pgbench does not: the ratio is, if anything, pessimistic).
-- Since variants (2026-12-06, d3b0966) an order names a variant (bench.order_targets.id; a listing
-- without options has one, whose id is the listing's): the purchase limit counts the variant's units,
-- the quote reads the variant joined to its listing, the line names the variant, and the stock is taken
-- from the listing's row and then the variant's, both conditional. The line's label ("M / Hitam"), which
-- the application makes in Java from the quote's option values, is made by the INSERT from them here.
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
       json_build_object('orderId', g.order_id, 'pad', repeat('x', 1340))::text AS body,
       json_build_object('paymentId', g.payment_id, 'pad', repeat('x', 440))::text AS pay_body,
       g.payment_id, 'pgbench-pay-' || gen_random_uuid() AS pay_key, '00020101021226580014COM.GO-JEK.WWW' || repeat('0', 196) AS qr,
       json_build_object('orderId', g.order_id, 'pad', repeat('x', 380))::text AS event
FROM bench.shoppers sh, LATERAL (SELECT gen_random_uuid() AS order_id, gen_random_uuid() AS payment_id) g WHERE sh.n = :s::int \gset
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
SELECT v.id, v.listing_id, v.option_values, l.seller_id, l.version, l.title, v.price_idr,
       l.ship_from_regency_code, v.weight_grams, v.stock
FROM catalog.listing_variants v JOIN catalog.listings l ON l.id = v.listing_id
WHERE v.id = :variant AND l.status = 'PUBLISHED' \gset
SELECT array_to_string(couriers, ',') FROM orders.seller_couriers WHERE seller_id = :seller_id;
\set subtotal :price_idr * :quantity
\set shipping 22000
\set total :subtotal + :shipping
\set weight :weight_grams * :quantity
insert into orders.orders (closed_at,created_at,district_code,expires_at,paid_at,phone,postal_code,recipient_name,regency_code,shopper_id,status,street,total_idr,version,id) values (NULL,:now,NULL,:expires_at,NULL,'+6281234567890','40921','Budi Santoso','32.04',:shopper,'PENDING_PAYMENT','Jl. Melati 5',:total,0,:order_id);
insert into orders.seller_orders (order_id,close_reason,closed_at,closed_by,courier,created_at,delivered_at,origin_regency_code,position,seller_id,shipped_at,shipping_courier,shipping_eta_days,shipping_idr,shipping_service,status,subtotal_idr,tracking_number,weight_grams,id) values (:order_id,NULL,NULL,NULL,NULL,:now,NULL,:ship_from_regency_code,0,:seller_id,NULL,'SICEPAT',3,:shipping,'REG','PENDING_PAYMENT',:subtotal,NULL,:weight,:seller_order_id);
insert into orders.order_lines (seller_order_id,listing_id,listing_version,position,quantity,title,unit_price_idr,variant_id,variant_label,id) values (:seller_order_id,:listing_id,:version,0,:quantity,:title,:price_idr,:variant,nullif(array_to_string(:option_values::text[], ' / '), ''),:line_id);
insert into orders.order_status_changes (order_id,position,changed_at,seller_order_id,status) values (:order_id,0,:now,NULL,'PENDING_PAYMENT');
UPDATE orders.idempotency_keys SET state = 'DONE', response_status = 201, response_body = :body
WHERE shopper_id = :shopper AND key = :idem_key;
INSERT INTO gateway.EVENT_PUBLICATION (ID, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE) VALUES (:event_id, 'id.pasar.orders.OrderPlaced', 'id.pasar.orders.internal.SalesTally.on(id.pasar.orders.OrderPlaced)', :now, :event, 'PUBLISHED', 1, NULL);
UPDATE catalog.listings SET stock = stock - :quantity
WHERE id = :listing_id AND status = 'PUBLISHED' AND stock >= :quantity RETURNING id;
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
VALUES (:today, :listing_id, :seller_id, 1, :quantity, :subtotal)
ON CONFLICT (day, listing_id) DO UPDATE SET orders = listing_daily_sales.orders + 1,
    units = listing_daily_sales.units + EXCLUDED.units,
    revenue_idr = listing_daily_sales.revenue_idr + EXCLUDED.revenue_idr;
COMMIT;
BEGIN;
DELETE FROM gateway.EVENT_PUBLICATION WHERE ID = :event_id;
COMMIT;
BEGIN;
INSERT INTO orders.idempotency_keys (shopper_id, key, request_hash, state, created_at)
VALUES (:shopper, :pay_key, :request_hash, 'IN_FLIGHT', now()) ON CONFLICT DO NOTHING;
COMMIT;
BEGIN;
SELECT shopper_id, status, total_idr, expires_at FROM orders.orders WHERE id = :order_id FOR UPDATE;
SELECT id, order_id, attempt, gateway_order_id, method, channel, amount_idr, status, va_number, bill_key,
biller_code, qr_string, deeplink, expires_at, created_at FROM orders.payments WHERE order_id = :order_id ORDER BY attempt DESC;
INSERT INTO orders.payments (id, order_id, attempt, gateway_order_id, method, channel, amount_idr, status, va_number, bill_key,
biller_code, qr_string, deeplink, expires_at, created_at) VALUES (:payment_id, :order_id, 1, :order_id, 'QRIS', NULL, :total, 'PENDING', NULL, NULL,
NULL, :qr, NULL, :expires_at, now());
UPDATE orders.idempotency_keys SET state = 'DONE', response_status = 201, response_body = :pay_body
WHERE shopper_id = :shopper AND key = :pay_key;
COMMIT;
