-- One seller per user: sellerId stays when a rejected user applies again (the application is
-- replaced in place; every attempt stays in the compliance decision log).
-- Identity numbers are never stored in clear: identity_ciphertext is AES-GCM of the identity
-- document, identity_index its blind index (HMAC), masked_identity what responses show.
CREATE TABLE sellers (
    id                  uuid        PRIMARY KEY,
    user_id             uuid        NOT NULL UNIQUE,
    shop_name           text        NOT NULL CHECK (length(shop_name) BETWEEN 1 AND 100),
    seller_type         text        NOT NULL CHECK (seller_type IN ('INDIVIDUAL', 'BUSINESS')),
    annual_revenue_idr  bigint      NOT NULL CHECK (annual_revenue_idr >= 0),
    umkm_class          text        NOT NULL CHECK (umkm_class IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
    street              text        NOT NULL,
    regency_code        text        NOT NULL CHECK (regency_code ~ '^\d{2}\.\d{2}$'),
    postal_code         text        NOT NULL CHECK (postal_code ~ '^\d{5}$'),
    document_type       text        NOT NULL CHECK (document_type IN ('KTP', 'PASSPORT', 'LOCAL_ENTITY')),
    identity_index      bytea       NOT NULL,
    identity_ciphertext bytea       NOT NULL,
    masked_identity     text        NOT NULL,
    passport_expiry     date,
    status              text        NOT NULL CHECK (status IN ('PENDING_REVIEW', 'VERIFIED', 'REJECTED', 'REVOKED')),
    reasons             text[]      NOT NULL,
    rule_set_version    text        NOT NULL,
    decision_id         uuid        NOT NULL,
    status_note         text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0
);

-- Invariant 3: one identity backs at most one seller. A rejected application holds none.
CREATE UNIQUE INDEX sellers_identity_held ON sellers (identity_index) WHERE status <> 'REJECTED';
-- The officers' queue, oldest first.
CREATE INDEX sellers_by_status ON sellers (status, created_at, id);
-- The daily passport check.
CREATE INDEX sellers_passport_expiry ON sellers (passport_expiry) WHERE passport_expiry IS NOT NULL;
