-- The order invariants, checked in SQL after the application's order scenario (bench/run.sh). Every
-- row must say 0 violations. bench.stock_before is the order targets' stock when the bench began: one
-- row per variant ordered (id, listing_id, stock).
-- Stock: a seller order's units leave the shelf when it is placed and come back when it is cancelled or
-- expires (before shipping); a RETURNED one keeps them off (its seller restocks what can be sold again).
-- Variants (catalog V11, ADR 0023): stock is kept per variant, and a listing's stock is the sum of its
-- variants'; a listing without options has exactly one variant, whose id is the listing's; an order
-- line names a variant of its listing (the bench edits no listing, so every variant ordered is still
-- there: a seller's edit may remove one that old lines name).
-- Money (docs/payments.md): an order is paid by one gateway transaction, its PAID attempt in
-- orders.payments (gateway_order_id), or the order id itself for an order paid without one. What it
-- paid (the attempt's amount, else the order's total) = what its seller orders keep + what was refunded
-- of them through that transaction: a seller order CANCELLED or RETURNED after payment is refunded its
-- items and shipping whole, the others nothing. A settlement that could not pay its order (too late, or
-- a second payment) is refunded whole through its own transaction. Every refund row counts, whatever
-- its state: REQUESTED and FAILED ones are still owed.
WITH seller_totals AS (
    SELECT order_id, sum(subtotal_idr + shipping_idr) AS total,
           sum(subtotal_idr + shipping_idr) FILTER (WHERE status NOT IN ('CANCELLED', 'RETURNED')) AS kept
    FROM orders.seller_orders GROUP BY order_id
), paid AS (
    SELECT o.id, o.total_idr, coalesce(p.gateway_order_id, o.id::text) AS paid_by,
           coalesce(p.amount_idr, o.total_idr) AS amount, p.paying
    FROM orders.orders o
    LEFT JOIN (SELECT order_id, min(gateway_order_id) AS gateway_order_id, min(amount_idr) AS amount_idr,
                      count(*) AS paying
               FROM orders.payments WHERE status = 'PAID' GROUP BY order_id) p ON p.order_id = o.id
    WHERE o.paid_at IS NOT NULL
), refunded AS ( -- refunds through the transaction that paid the order, per seller order
    SELECT r.seller_order_id, sum(r.amount_idr) AS amount
    FROM orders.refunds r JOIN paid ON paid.id = r.order_id AND paid.paid_by = r.gateway_order_id
    GROUP BY r.seller_order_id
)
SELECT 'listings with negative stock' AS invariant, count(*) AS violations FROM catalog.listings WHERE stock < 0
UNION ALL
SELECT 'variants with negative stock', count(*) FROM catalog.listing_variants WHERE stock < 0
UNION ALL
SELECT 'variants whose stock taken differs from the units of their live seller orders', count(*) FROM (
    SELECT b.id FROM bench.stock_before b JOIN catalog.listing_variants v USING (id)
    LEFT JOIN (SELECT ol.variant_id, sum(ol.quantity) AS ordered
               FROM orders.order_lines ol JOIN orders.seller_orders so ON so.id = ol.seller_order_id
               WHERE so.status NOT IN ('CANCELLED', 'EXPIRED') GROUP BY ol.variant_id) o ON o.variant_id = b.id
    WHERE b.stock - v.stock <> coalesce(o.ordered, 0)) x
UNION ALL
SELECT 'listings whose stock differs from the sum of their variants'' stock', count(*) FROM catalog.listings l
    JOIN (SELECT listing_id, sum(stock) AS stock FROM catalog.listing_variants GROUP BY listing_id) v
        ON v.listing_id = l.id
    WHERE l.stock <> v.stock
UNION ALL
SELECT 'listings with no variant', count(*) FROM catalog.listings l
    WHERE NOT EXISTS (SELECT 1 FROM catalog.listing_variants v WHERE v.listing_id = l.id)
UNION ALL
SELECT 'listings without options whose one variant is not the listing''s own (id, count, values)', count(*)
    FROM catalog.listings l JOIN catalog.listing_variants v ON v.listing_id = l.id
    WHERE cardinality(l.option_types) = 0
      AND (v.id <> l.id OR cardinality(v.option_values) > 0 OR l.variant_count <> 1)
UNION ALL
SELECT 'order lines whose variant is not a variant of their listing', count(*) FROM orders.order_lines ol
    LEFT JOIN catalog.listing_variants v ON v.id = ol.variant_id
    WHERE v.listing_id IS DISTINCT FROM ol.listing_id
UNION ALL
SELECT 'orders not backed by exactly one completed Idempotency-Key', count(*) FROM orders.orders o
    LEFT JOIN (SELECT (response_body::json ->> 'orderId')::uuid AS order_id, count(*) AS keys
               FROM orders.idempotency_keys WHERE state = 'DONE' AND response_body::json ->> 'paymentId' IS NULL
               GROUP BY 1) k ON k.order_id = o.id
    WHERE k.keys IS DISTINCT FROM 1
UNION ALL
SELECT 'completed Idempotency-Keys without their order or payment', count(*) FROM orders.idempotency_keys k
    WHERE k.state = 'DONE' AND CASE WHEN k.response_body::json ->> 'paymentId' IS NULL
        THEN NOT EXISTS (SELECT 1 FROM orders.orders o WHERE o.id = (k.response_body::json ->> 'orderId')::uuid)
        ELSE NOT EXISTS (SELECT 1 FROM orders.payments p WHERE p.id = (k.response_body::json ->> 'paymentId')::uuid) END
UNION ALL
SELECT 'payments not backed by exactly one completed Idempotency-Key', count(*) FROM orders.payments p
    LEFT JOIN (SELECT (response_body::json ->> 'paymentId')::uuid AS payment_id, count(*) AS keys
               FROM orders.idempotency_keys WHERE state = 'DONE' GROUP BY 1) k ON k.payment_id = p.id
    WHERE k.keys IS DISTINCT FROM 1
UNION ALL
SELECT 'keys left IN_FLIGHT (a request that died half-way)', count(*) FROM orders.idempotency_keys WHERE state = 'IN_FLIGHT'
UNION ALL
SELECT 'orders whose total is not their seller orders'' items + shipping', count(*) FROM orders.orders o
    LEFT JOIN seller_totals t ON t.order_id = o.id WHERE t.total IS DISTINCT FROM o.total_idr
UNION ALL
SELECT 'payment attempts whose amount is not their order''s total', count(*) FROM orders.payments p
    JOIN orders.orders o ON o.id = p.order_id WHERE p.amount_idr <> o.total_idr
UNION ALL
SELECT 'paid orders paid by more than one attempt, or unpaid orders with a PAID attempt', count(*) FROM orders.orders o
    WHERE (SELECT count(*) FROM orders.payments p WHERE p.order_id = o.id AND p.status = 'PAID')
        > CASE WHEN o.paid_at IS NULL THEN 0 ELSE 1 END
UNION ALL
SELECT 'paid orders whose payment is not what their seller orders keep + what was refunded of them', count(*)
    FROM paid JOIN seller_totals t ON t.order_id = paid.id
    WHERE paid.amount <> coalesce(t.kept, 0) + coalesce((SELECT sum(r.amount) FROM refunded r
        JOIN orders.seller_orders so ON so.id = r.seller_order_id WHERE so.order_id = paid.id), 0)
UNION ALL
SELECT 'seller orders CANCELLED or RETURNED after payment not refunded exactly their items + shipping', count(*)
    FROM orders.seller_orders so JOIN paid ON paid.id = so.order_id LEFT JOIN refunded r ON r.seller_order_id = so.id
    WHERE so.status IN ('CANCELLED', 'RETURNED') AND r.amount IS DISTINCT FROM so.subtotal_idr + so.shipping_idr
UNION ALL
SELECT 'seller orders of paid orders refunded through the paying transaction but not closed', count(*)
    FROM orders.seller_orders so JOIN refunded r ON r.seller_order_id = so.id
    WHERE so.status NOT IN ('CANCELLED', 'RETURNED')
UNION ALL
SELECT 'refunds of a transaction that did not pay its order, other than a late or second settlement', count(*)
    FROM orders.refunds r LEFT JOIN paid ON paid.id = r.order_id
    WHERE r.gateway_order_id IS DISTINCT FROM paid.paid_by
      AND NOT (r.reason LIKE 'LATE\_SETTLEMENT%' OR r.reason LIKE 'DUPLICATE\_PAYMENT%')
UNION ALL
SELECT 'late or second settlements not refunded exactly their amount', count(*) FROM (
    SELECT r.gateway_order_id, sum(r.amount_idr) AS refunded,
           coalesce(min(p.amount_idr), min(o.total_idr)) AS settled
    FROM orders.refunds r JOIN orders.orders o ON o.id = r.order_id
    LEFT JOIN orders.payments p ON p.gateway_order_id = r.gateway_order_id
    WHERE r.reason LIKE 'LATE\_SETTLEMENT%' OR r.reason LIKE 'DUPLICATE\_PAYMENT%'
    GROUP BY r.gateway_order_id) x WHERE refunded <> settled
UNION ALL
SELECT 'refunds larger than their seller order''s items + shipping', count(*) FROM orders.refunds r
    JOIN orders.seller_orders so ON so.id = r.seller_order_id WHERE r.amount_idr > so.subtotal_idr + so.shipping_idr
UNION ALL
SELECT 'refunds of a seller order of another order', count(*) FROM orders.refunds r
    JOIN orders.seller_orders so ON so.id = r.seller_order_id WHERE so.order_id <> r.order_id
UNION ALL
SELECT 'seller orders with two refunds for the same reason', count(*) FROM (
    SELECT seller_order_id FROM orders.refunds GROUP BY seller_order_id, reason HAVING count(*) > 1) x
-- The ledger (docs/ledger.md), once the outbox has delivered every event (bench/run.sh waits for it):
-- every transaction sums to zero; no held account (a seller's or a creator's) is below zero, and each
-- one's balance is the sum of its entries; every seller order of a paid order is posted paid once, for
-- its items and shipping; every paid seller order that closed is posted closed once; every refund the
-- gateway paid is posted once; what the ledger posted as paid is what the orders record as paid; and
-- what was paid = sellers' net + fees + tax + creators' commissions + refunds + what is still pending;
-- every attributed line's commission (rounded down per line) is posted to its creator with the payment,
-- and a commission's state follows its seller order's.
UNION ALL
SELECT 'ledger transactions whose entries do not sum to zero (or that have none)', count(*) FROM (
    SELECT t.id FROM ledger.transactions t LEFT JOIN ledger.entries e ON e.transaction_id = t.id
    GROUP BY t.id HAVING coalesce(sum(e.amount_idr), 1) <> 0) x
UNION ALL
SELECT 'held accounts below zero', count(*) FROM ledger.accounts WHERE holder_id IS NOT NULL AND balance_idr < 0
UNION ALL
SELECT 'held accounts whose balance is not the sum of their entries', count(*) FROM ledger.accounts a
    WHERE a.holder_id IS NOT NULL
      AND a.balance_idr <> -coalesce((SELECT sum(amount_idr) FROM ledger.entries WHERE account_id = a.id), 0)
UNION ALL
SELECT 'seller orders of paid orders not posted paid exactly once, for their items and shipping', count(*) FROM (
    SELECT so.id FROM orders.seller_orders so JOIN orders.orders o ON o.id = so.order_id AND o.paid_at IS NOT NULL
    LEFT JOIN ledger.transactions t ON t.source_key = 'paid:' || so.id
    LEFT JOIN ledger.entries e ON e.transaction_id = t.id AND e.amount_idr > 0
    GROUP BY so.id, so.subtotal_idr, so.shipping_idr
    HAVING count(t.id) <> 1 OR coalesce(sum(e.amount_idr), 0) <> so.subtotal_idr + so.shipping_idr) x
UNION ALL
SELECT 'paid seller orders closed without their closing posted once', count(*) FROM orders.seller_orders so
    JOIN orders.orders o ON o.id = so.order_id AND o.paid_at IS NOT NULL
    WHERE so.status IN ('COMPLETED', 'RETURNED', 'CANCELLED')
      AND (SELECT count(*) FROM ledger.transactions t WHERE t.source_key = 'closed:' || so.id) <> 1
UNION ALL
SELECT 'refunds paid by the gateway not posted once', count(*) FROM orders.refunds r
    WHERE r.state = 'SUCCEEDED'
      AND (SELECT count(*) FROM ledger.transactions t WHERE t.source_key = 'refund:' || r.id) <> 1
UNION ALL
SELECT 'ledger''s paid differs from the orders'' paid', count(*) FROM (
    SELECT (SELECT coalesce(sum(total_idr), 0) FROM orders.orders WHERE paid_at IS NOT NULL) AS orders,
           (SELECT coalesce(sum(e.amount_idr), 0) FROM ledger.transactions t
            JOIN ledger.entries e ON e.transaction_id = t.id JOIN ledger.accounts a ON a.id = e.account_id
            WHERE t.kind = 'PAYMENT_SETTLED' AND a.kind = 'GATEWAY_CLEARING') AS ledger) x
    WHERE orders <> ledger
UNION ALL
SELECT 'paid seller orders whose creators'' commissions are not their attributed lines'' (posted with the payment)',
    count(*) FROM (
    SELECT so.id FROM orders.seller_orders so JOIN orders.orders o ON o.id = so.order_id AND o.paid_at IS NOT NULL
    JOIN orders.order_lines l ON l.seller_order_id = so.id AND l.affiliate_creator_id IS NOT NULL
    GROUP BY so.id
    HAVING sum(l.unit_price_idr * l.quantity * l.commission_percent / 100)
        <> (SELECT -coalesce(sum(e.amount_idr), 0) FROM ledger.transactions t
            JOIN ledger.entries e ON e.transaction_id = t.id JOIN ledger.accounts a ON a.id = e.account_id
            WHERE t.source_key = 'paid:' || so.id AND a.kind = 'CREATOR_PENDING')
        OR sum(l.unit_price_idr * l.quantity * l.commission_percent / 100)
        <> (SELECT coalesce(sum(c.commission_idr), 0) FROM ledger.commissions c WHERE c.seller_order_id = so.id)) x
UNION ALL
SELECT 'commissions whose state is not their seller order''s', count(*) FROM ledger.commissions c
    JOIN orders.seller_orders so ON so.id = c.seller_order_id
    WHERE c.status <> CASE WHEN so.status = 'COMPLETED' THEN 'EARNED'
                           WHEN so.status IN ('RETURNED', 'CANCELLED') THEN 'REVERSED' ELSE 'PENDING' END
UNION ALL
SELECT 'paid <> sellers'' net + fees + tax + commissions + refunds + pending', count(*) FROM (
    SELECT sum(e.amount_idr) FILTER (WHERE t.kind = 'PAYMENT_SETTLED' AND a.kind = 'GATEWAY_CLEARING') AS paid,
           -sum(e.amount_idr) FILTER (WHERE t.kind = 'SELLER_ORDER_COMPLETED' AND a.kind = 'SELLER_AVAILABLE') AS net,
           -sum(e.amount_idr) FILTER (WHERE a.kind = 'FEE_INCOME') AS fees,
           -sum(e.amount_idr) FILTER (WHERE a.kind = 'SELLER_WITHHELD_TAX') AS tax,
           -sum(e.amount_idr) FILTER (WHERE t.kind = 'SELLER_ORDER_REFUNDED' AND a.kind = 'REFUNDS_PAYABLE') AS refunds,
           -sum(e.amount_idr) FILTER (WHERE t.kind IN ('PAYMENT_SETTLED', 'SELLER_ORDER_COMPLETED', 'SELLER_ORDER_REFUNDED')
                                       AND a.kind IN ('CREATOR_PENDING', 'CREATOR_AVAILABLE')) AS commissions,
           -sum(e.amount_idr) FILTER (WHERE a.kind = 'SELLER_PENDING') AS pending
    FROM ledger.transactions t JOIN ledger.entries e ON e.transaction_id = t.id
    JOIN ledger.accounts a ON a.id = e.account_id) x
    WHERE coalesce(paid, 0) <> coalesce(net, 0) + coalesce(fees, 0) + coalesce(tax, 0) + coalesce(commissions, 0)
        + coalesce(refunds, 0) + coalesce(pending, 0);
SELECT (SELECT count(*) FROM orders.orders) AS orders,
       (SELECT coalesce(sum(quantity), 0) FROM orders.order_lines) AS units,
       (SELECT count(*) FROM orders.payments) AS payments,
       (SELECT count(*) FROM orders.orders WHERE paid_at IS NOT NULL) AS paid,
       (SELECT count(*) FROM orders.seller_orders WHERE status IN ('CANCELLED', 'RETURNED')
            AND order_id IN (SELECT id FROM orders.orders WHERE paid_at IS NOT NULL)) AS closed_after_payment,
       (SELECT count(*) FROM orders.refunds) AS refunds,
       (SELECT coalesce(sum(amount_idr), 0) FROM orders.refunds) AS refunded_idr,
       (SELECT count(*) FROM ledger.transactions) AS ledger_transactions,
       (SELECT count(*) FROM ledger.entries) AS ledger_entries;
