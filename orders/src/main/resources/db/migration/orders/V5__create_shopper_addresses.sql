-- A shopper's address book: at most one default per shopper, kept by the partial unique
-- index (the service also serialises a shopper's changes on an advisory lock, so the
-- index is the last word, not the usual refusal). Phones are stored as +62...
CREATE TABLE shopper_addresses (
    id              uuid        PRIMARY KEY,
    shopper_id      uuid        NOT NULL,
    label           text        NOT NULL,
    recipient_name  text        NOT NULL,
    phone           text        NOT NULL CHECK (phone ~ '^\+628\d{8,11}$'),
    street          text        NOT NULL,
    regency_code    text        NOT NULL CHECK (regency_code ~ '^\d{2}\.\d{2}$'),
    district_code   text        CHECK (district_code ~ '^\d{2}\.\d{2}\.\d{2}$'),
    postal_code     text        NOT NULL CHECK (postal_code ~ '^\d{5}$'),
    is_default      boolean     NOT NULL,
    created_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX shopper_addresses_by_shopper ON shopper_addresses (shopper_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX shopper_addresses_one_default ON shopper_addresses (shopper_id) WHERE is_default;

-- The district an order goes to, when the shopper gave one.
ALTER TABLE orders ADD COLUMN district_code text CHECK (district_code ~ '^\d{2}\.\d{2}\.\d{2}$');

-- The application role's privileges come from V4's default privileges.
