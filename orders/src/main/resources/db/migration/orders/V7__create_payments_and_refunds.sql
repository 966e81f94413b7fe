-- Payment attempts of an order: one per method the shopper chose, the newest PENDING one
-- current. gateway_order_id is what the gateway knows it by: the order id for the first
-- attempt, <orderId>-<n> after (the gateway refuses a reused order_id).
CREATE TABLE payments (
    id               uuid        PRIMARY KEY,
    order_id         uuid        NOT NULL REFERENCES orders (id),
    attempt          integer     NOT NULL CHECK (attempt > 0),
    gateway_order_id text        NOT NULL UNIQUE,
    method           text        NOT NULL CHECK (method IN ('BANK_TRANSFER', 'QRIS', 'EWALLET')),
    channel          text,
    amount_idr       bigint      NOT NULL CHECK (amount_idr > 0),
    status           text        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'REPLACED', 'FAILED', 'REFUNDED')),
    va_number        text,
    bill_key         text,
    biller_code      text,
    qr_string        text,
    deeplink         text,
    expires_at       timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    UNIQUE (order_id, attempt)
);

-- Money going back to a shopper, per seller order and per settled gateway transaction:
-- a second request for the same pair answers the first (the unique key).
CREATE TABLE refunds (
    id               uuid        PRIMARY KEY,
    order_id         uuid        NOT NULL REFERENCES orders (id),
    seller_order_id  uuid        NOT NULL REFERENCES seller_orders (id),
    gateway_order_id text        NOT NULL,
    amount_idr       bigint      NOT NULL CHECK (amount_idr > 0),
    reason           text        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('REQUESTED', 'SUCCEEDED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    last_failure     text,
    next_attempt_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    succeeded_at     timestamptz,
    UNIQUE (seller_order_id, gateway_order_id)
);
CREATE INDEX refunds_by_order ON refunds (order_id);
-- The refund job's work list.
CREATE INDEX refunds_due ON refunds (next_attempt_at) WHERE state IN ('REQUESTED', 'FAILED');

-- Notifications now say which transaction they were about and whether they were signed.
ALTER TABLE payment_notifications ADD COLUMN gateway_order_id text;
ALTER TABLE payment_notifications ADD COLUMN fraud_status text;
ALTER TABLE payment_notifications ADD COLUMN verified boolean NOT NULL DEFAULT false;
-- pasar_app gets these tables through V4's default privileges.
