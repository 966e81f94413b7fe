-- One HTTPS endpoint per seller. The signing secret is shown to the seller once and kept
-- encrypted (AES-GCM under the identity key, bound to the seller: compliance's IdentityCipher).
CREATE TABLE endpoints (
    seller_id         uuid        PRIMARY KEY,
    url               text        NOT NULL CHECK (length(url) <= 2000),
    secret            bytea       NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    secret_rotated_at timestamptz NOT NULL
);

-- One delivery per seller and event, its body fixed when the event was taken in. event_key
-- (TYPE:id) is unique: the outbox delivers an event at least once, a second time inserts nothing.
CREATE TABLE deliveries (
    id              uuid        PRIMARY KEY,
    seller_id       uuid        NOT NULL,
    event_key       text        NOT NULL UNIQUE,
    event_type      text        NOT NULL,
    body            text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'GAVE_UP', 'STOPPED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz,
    give_up_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    CHECK ((state = 'PENDING') = (next_attempt_at IS NOT NULL))
);
-- The delivery job's work list.
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'PENDING';
-- A seller's deliveries, newest first (keyset pages).
CREATE INDEX deliveries_of_seller ON deliveries (seller_id, created_at DESC, id DESC);

-- Every attempt of a delivery, as it happened: written once.
CREATE TABLE attempts (
    delivery_id  uuid        NOT NULL REFERENCES deliveries (id),
    number       integer     NOT NULL CHECK (number > 0),
    attempted_at timestamptz NOT NULL,
    status_code  integer,
    error        text,
    duration_ms  integer     NOT NULL CHECK (duration_ms >= 0),
    PRIMARY KEY (delivery_id, number)
);
