-- The couriers each seller hands parcels to; a seller without a row takes every courier.
-- One row per seller, replaced whole, so that two racing choices cannot mix.
-- pasar_app gets its privileges from V4's default privileges.
CREATE TABLE seller_couriers (
    seller_id  uuid PRIMARY KEY,
    couriers   text[] NOT NULL CHECK (cardinality(couriers) > 0),
    chosen_at  timestamptz NOT NULL
);
