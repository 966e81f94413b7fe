-- A shopper's cart (ADR 0022): one per shopper, in the database, so that it is the same on every
-- device and survives a new token. A line names a variant: until listings have variants (issue 24)
-- a listing's one variant is the listing itself, and variant_id is the listing's id. The price the
-- shopper saw when setting the quantity is kept, so that a change is flagged, never silently taken.
-- No foreign key to the catalog: modules share no tables (ADR 0003); a line whose listing is gone
-- is simply not shown.
CREATE TABLE cart_lines (
    shopper_id          uuid        NOT NULL,
    variant_id          uuid        NOT NULL,
    quantity            integer     NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    price_seen_idr      bigint      NOT NULL CHECK (price_seen_idr > 0),
    added_at            timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (shopper_id, variant_id)
);

-- The application role's privileges come from V4's default privileges.
