-- Issue 19: each seller order moves on its own (docs/orders.md) and carries its shipping; the
-- order's status is derived from its seller orders. Rows placed before this migration keep
-- what they had: no shipping (0), and their times as they were.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'SHIPPED',
    'DELIVERED', 'COMPLETED', 'RETURNED', 'CANCELLED', 'EXPIRED'));
ALTER TABLE seller_orders DROP CONSTRAINT seller_orders_status_check;
ALTER TABLE seller_orders ADD CONSTRAINT seller_orders_status_check CHECK (status IN ('PENDING_PAYMENT', 'PAID',
    'SHIPPED', 'DELIVERED', 'COMPLETED', 'RETURNED', 'CANCELLED', 'EXPIRED'));

ALTER TABLE seller_orders
    ADD COLUMN shipping_courier    text,
    ADD COLUMN shipping_service    text,
    ADD COLUMN shipping_idr        bigint  NOT NULL DEFAULT 0 CHECK (shipping_idr >= 0),
    ADD COLUMN shipping_eta_days   integer,
    ADD COLUMN weight_grams        bigint  NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
    ADD COLUMN origin_regency_code text,
    ADD COLUMN delivered_at        timestamptz,
    ADD COLUMN closed_at           timestamptz,
    ADD COLUMN closed_by           text    CHECK (closed_by IN ('SHOPPER', 'SELLER', 'PAYMENT_GATEWAY', 'SYSTEM')),
    ADD COLUMN close_reason        text;

-- The jobs' work lists: shipped ones awaiting delivery, delivered ones awaiting completion.
CREATE INDEX seller_orders_shipped ON seller_orders (shipped_at) WHERE status = 'SHIPPED';
CREATE INDEX seller_orders_delivered ON seller_orders (delivered_at) WHERE status = 'DELIVERED';

-- A shopper's return of a delivered seller order (one per seller order), and how it was decided.
CREATE TABLE return_requests (
    id                     uuid        PRIMARY KEY,
    order_id               uuid        NOT NULL REFERENCES orders (id),
    seller_order_id        uuid        NOT NULL UNIQUE REFERENCES seller_orders (id),
    shopper_id             uuid        NOT NULL,
    seller_id              uuid        NOT NULL,
    reason                 text        NOT NULL,
    description            text,
    photo_urls             text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(photo_urls) <= 3),
    state                  text        NOT NULL CHECK (state IN ('REQUESTED', 'ACCEPTED', 'REFUSED', 'ESCALATED',
                                           'REJECTED', 'SHIPPED_BACK', 'REFUNDED', 'LAPSED')),
    decided_by             text        CHECK (decided_by IN ('SELLER', 'SYSTEM', 'OFFICER')),
    refusal_reason         text,
    officer_id             uuid,
    officer_note           text,
    return_courier         text,
    return_tracking_number text,
    requested_at           timestamptz NOT NULL,
    decided_at             timestamptz,
    escalated_at           timestamptz,
    shipped_back_at        timestamptz,
    closed_at              timestamptz,
    version                bigint      NOT NULL DEFAULT 0
);
CREATE INDEX return_requests_by_seller ON return_requests (seller_id, requested_at DESC, id DESC);
CREATE INDEX return_requests_by_order ON return_requests (order_id);
-- The officers' queue, and the deadline job's work list.
CREATE INDEX return_requests_open ON return_requests (state, requested_at)
    WHERE state IN ('REQUESTED', 'ESCALATED', 'ACCEPTED');
