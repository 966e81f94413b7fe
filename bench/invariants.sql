-- The order invariants, checked in SQL after the application's order scenario (bench/run.sh). Every
-- row must say 0 violations. bench.stock_before is the order targets' stock when the bench began.
SELECT 'listings with negative stock' AS invariant, count(*) AS violations FROM catalog.listings WHERE stock < 0
UNION ALL
SELECT 'listings whose stock taken differs from the units in their live orders', count(*) FROM (
    SELECT b.id FROM bench.stock_before b JOIN catalog.listings l USING (id)
    LEFT JOIN (SELECT ol.listing_id, sum(ol.quantity) AS ordered
               FROM orders.order_lines ol JOIN orders.seller_orders so ON so.id = ol.seller_order_id
               JOIN orders.orders o ON o.id = so.order_id
               WHERE o.status NOT IN ('CANCELLED', 'EXPIRED') GROUP BY ol.listing_id) o ON o.listing_id = b.id
    WHERE b.stock - l.stock <> coalesce(o.ordered, 0)) x
UNION ALL
SELECT 'orders not backed by exactly one completed Idempotency-Key', count(*) FROM orders.orders o
    LEFT JOIN (SELECT (response_body::json ->> 'orderId')::uuid AS order_id, count(*) AS keys
               FROM orders.idempotency_keys WHERE state = 'DONE' GROUP BY 1) k ON k.order_id = o.id
    WHERE k.keys IS DISTINCT FROM 1
UNION ALL
SELECT 'completed Idempotency-Keys without their order', count(*) FROM orders.idempotency_keys k
    WHERE k.state = 'DONE' AND NOT EXISTS (
        SELECT 1 FROM orders.orders o WHERE o.id = (k.response_body::json ->> 'orderId')::uuid)
UNION ALL
SELECT 'keys left IN_FLIGHT (a request that died half-way)', count(*) FROM orders.idempotency_keys WHERE state = 'IN_FLIGHT';
SELECT count(*) AS orders, coalesce(sum(ol.quantity), 0) AS units FROM orders.orders o
    JOIN orders.seller_orders so ON so.order_id = o.id JOIN orders.order_lines ol ON ol.seller_order_id = so.id;
