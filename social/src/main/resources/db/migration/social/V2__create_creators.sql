-- A creator: an account of role CREATOR that proved who it is as a seller does (KTP,
-- Indonesian passport or local entity), screened by compliance's identity rules, its decision
-- in compliance's log (CREATOR_APPLICATION). account_id is the gateway.users id (no foreign
-- key across schemas). The identity is encrypted (AES-GCM, IdentityCipher) and found by its
-- blind index: one identity backs at most one creator that is not REJECTED. The index space is
-- this table's: a person may be both a seller and a creator.
CREATE TABLE creators (
    id                  uuid        PRIMARY KEY,
    account_id          uuid        NOT NULL UNIQUE,
    handle              text        NOT NULL CHECK (handle ~ '^[a-z0-9._]{3,30}$'),
    display_name        text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
    regency_code        text        NOT NULL CHECK (regency_code ~ '^\d{2}\.\d{2}$'),
    document_type       text        NOT NULL CHECK (document_type IN ('KTP', 'PASSPORT', 'LOCAL_ENTITY')),
    identity_index      bytea       NOT NULL,
    identity_ciphertext bytea       NOT NULL,
    -- A business's NPWP index, matched against the platform-affiliate list as it grows.
    npwp_index          bytea,
    status              text        NOT NULL CHECK (status IN ('VERIFIED', 'PENDING_REVIEW', 'REJECTED')),
    reasons             text[]      NOT NULL DEFAULT '{}',
    decision_id         uuid        NOT NULL,
    rule_set_version    text        NOT NULL,
    -- On the platform-affiliate list: not refused (a creator sells nothing) but disclosed on
    -- every post and on its profile.
    platform_affiliated boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE UNIQUE INDEX creators_handle ON creators (lower(handle));
CREATE UNIQUE INDEX creators_one_per_identity ON creators (identity_index) WHERE status <> 'REJECTED';
CREATE INDEX creators_by_npwp ON creators (npwp_index) WHERE npwp_index IS NOT NULL;
