-- An order of one shopper, split into one seller order per seller; lines priced at checkout.
CREATE TABLE orders (
    id              uuid        PRIMARY KEY,
    shopper_id      uuid        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'EXPIRED')),
    total_idr       bigint      NOT NULL CHECK (total_idr > 0),
    recipient_name  text        NOT NULL,
    phone           text        NOT NULL,
    street          text        NOT NULL,
    regency_code    text        NOT NULL CHECK (regency_code ~ '^\d{2}\.\d{2}$'),
    postal_code     text        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    paid_at         timestamptz,
    closed_at       timestamptz,
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX orders_by_shopper ON orders (shopper_id, created_at DESC, id DESC);
-- The expiry job's work list: only unpaid orders, by deadline.
CREATE INDEX orders_unpaid_by_expiry ON orders (expires_at) WHERE status = 'PENDING_PAYMENT';

CREATE TABLE seller_orders (
    id              uuid        PRIMARY KEY,
    order_id        uuid        NOT NULL REFERENCES orders (id),
    seller_id       uuid        NOT NULL,
    position        integer     NOT NULL,
    subtotal_idr    bigint      NOT NULL CHECK (subtotal_idr > 0),
    status          text        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'EXPIRED')),
    courier         text,
    tracking_number text,
    shipped_at      timestamptz,
    created_at      timestamptz NOT NULL
);
CREATE INDEX seller_orders_by_order ON seller_orders (order_id);
CREATE INDEX seller_orders_by_seller ON seller_orders (seller_id, created_at DESC, id DESC);

CREATE TABLE order_lines (
    id               uuid    PRIMARY KEY,
    seller_order_id  uuid    NOT NULL REFERENCES seller_orders (id),
    position         integer NOT NULL,
    listing_id       uuid    NOT NULL,
    listing_version  integer NOT NULL,
    title            text    NOT NULL,
    unit_price_idr   bigint  NOT NULL CHECK (unit_price_idr > 0),
    quantity         integer NOT NULL CHECK (quantity > 0)
);
CREATE INDEX order_lines_by_seller_order ON order_lines (seller_order_id);
CREATE INDEX order_lines_by_listing ON order_lines (listing_id);

-- Every state change with its time, for the shopper, the seller and support.
CREATE TABLE order_status_changes (
    order_id    uuid        NOT NULL REFERENCES orders (id),
    position    integer     NOT NULL,
    status      text        NOT NULL,
    seller_order_id uuid,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (order_id, position)
);

-- Idempotency-Key of POST /orders, per shopper. IN_FLIGHT while the first request runs; DONE
-- with the response to replay. Kept at least 24 hours.
CREATE TABLE idempotency_keys (
    shopper_id      uuid        NOT NULL,
    key             text        NOT NULL,
    request_hash    text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('IN_FLIGHT', 'DONE')),
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (shopper_id, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- Payment notifications as received, verified or not: the gateway retries and reorders them.
CREATE TABLE payment_notifications (
    id                 bigserial   PRIMARY KEY,
    order_id           uuid,
    transaction_status text,
    status_code        text,
    gross_amount       text,
    outcome            text        NOT NULL,
    received_at        timestamptz NOT NULL
);
CREATE INDEX payment_notifications_by_order ON payment_notifications (order_id);
