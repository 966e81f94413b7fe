-- The fee schedule (docs/ledger.md, "Fees"): one for every seller, versioned like the ranking
-- formula. A version applies to orders placed from its effective time until the next one's. A
-- rate is in basis points (1/100 of a percent) of the items' amount; shipping carries none. A
-- line's category takes its own rate, else its parent's, else the version's default. There is
-- no seller in these tables, and no other rate anywhere.
CREATE TABLE fee_schedules (
    version           integer     PRIMARY KEY CHECK (version > 0),
    effective_from    timestamptz NOT NULL UNIQUE,
    default_rate_bp   integer     NOT NULL CHECK (default_rate_bp BETWEEN 0 AND 10000),
    note              text        NOT NULL
);
CREATE TABLE fee_rates (
    version           integer     NOT NULL REFERENCES fee_schedules (version),
    category_code     text        NOT NULL,
    rate_bp           integer     NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
    PRIMARY KEY (version, category_code)
);
CREATE TRIGGER fee_schedules_insert_only BEFORE UPDATE OR DELETE ON fee_schedules
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER fee_rates_insert_only BEFORE UPDATE OR DELETE ON fee_rates
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

INSERT INTO fee_schedules (version, effective_from, default_rate_bp, note) VALUES
(1, '2026-01-01T00:00:00+07:00', 450, 'The first schedule: by top-level category, the same for every seller.');
INSERT INTO fee_rates (version, category_code, rate_bp) VALUES
(1, 'fashion',          500),
(1, 'makanan-minuman',  400),
(1, 'kecantikan',       500),
(1, 'kesehatan',        400),
(1, 'rumah-tangga',     450),
(1, 'elektronik',       300),
(1, 'mainan-hobi',      450),
(1, 'kerajinan',        350),
(1, 'buku-alat-tulis',  350);

-- What each paid seller order owes in fees, fixed when its payment was posted, by the version
-- in force when it was placed. Insert-only.
CREATE TABLE seller_order_fees (
    seller_order_id   uuid        PRIMARY KEY,
    order_id          uuid        NOT NULL,
    seller_id         uuid        NOT NULL,
    placed_at         timestamptz NOT NULL,
    paid_at           timestamptz NOT NULL,
    subtotal_idr      bigint      NOT NULL CHECK (subtotal_idr > 0),
    shipping_idr      bigint      NOT NULL CHECK (shipping_idr >= 0),
    fee_version       integer     NOT NULL REFERENCES fee_schedules (version),
    fee_idr           bigint      NOT NULL CHECK (fee_idr >= 0 AND fee_idr <= subtotal_idr)
);
CREATE INDEX seller_order_fees_by_seller ON seller_order_fees (seller_id, paid_at);
CREATE TRIGGER seller_order_fees_insert_only BEFORE UPDATE OR DELETE ON seller_order_fees
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
