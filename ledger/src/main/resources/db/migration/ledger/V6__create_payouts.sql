-- Payouts (docs/ledger.md, "Payouts"): the seller's bank account, every version of it kept,
-- and the payouts of its available balance to it through the disbursement gateway.

-- A seller's bank account, insert-only: a change is a new version, the current one is the
-- latest. The account number and the holder's name are personal data (UU 27/2022): kept
-- encrypted (compliance's IdentityCipher, contexts ledger.bank_accounts.number and
-- ledger.bank_accounts.holder), shown only masked (the last 4 digits).
CREATE TABLE bank_accounts (
    id                      uuid        PRIMARY KEY,
    seller_id               uuid        NOT NULL,
    version                 integer     NOT NULL CHECK (version > 0),
    -- The bank's 3-digit clearing code (Bank.java has the list).
    bank_code               text        NOT NULL CHECK (bank_code ~ '^[0-9]{3}$'),
    account_number_cipher   bytea       NOT NULL,
    account_number_masked   text        NOT NULL CHECK (account_number_masked ~ '^\*{2,16}[0-9]{4}$'),
    holder_name_cipher      bytea       NOT NULL,
    created_at              timestamptz NOT NULL,
    -- A change of an existing account holds the seller's payouts until then (null: none).
    payouts_held_until      timestamptz,
    UNIQUE (seller_id, version)
);
CREATE TRIGGER bank_accounts_insert_only BEFORE UPDATE OR DELETE ON bank_accounts
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER bank_accounts_no_truncate BEFORE TRUNCATE ON bank_accounts
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A payout of the seller's available money to one version of its bank account. The money
-- moves in the ledger (source keys payout:<id>, payout-paid:<id>, payout-failed:<id>); this
-- row follows the disbursement: REQUESTED, SENT (the gateway took it), then PAID or FAILED.
CREATE TABLE payouts (
    id                  uuid        PRIMARY KEY,
    seller_id           uuid        NOT NULL,
    bank_account_id     uuid        NOT NULL REFERENCES bank_accounts (id),
    amount_idr          bigint      NOT NULL CHECK (amount_idr > 0),
    note                text        CHECK (length(note) <= 60),
    state               text        NOT NULL CHECK (state IN ('REQUESTED', 'SENT', 'PAID', 'FAILED')),
    -- The gateway's reference (Iris reference_no); the payout's id is what we send it.
    gateway_reference   text        UNIQUE,
    failure_reason      text,
    requested_at        timestamptz NOT NULL,
    sent_at             timestamptz,
    paid_at             timestamptz,
    failed_at           timestamptz,
    CHECK ((state = 'PAID') = (paid_at IS NOT NULL)),
    CHECK ((state = 'FAILED') = (failed_at IS NOT NULL))
);
CREATE INDEX payouts_by_seller ON payouts (seller_id, requested_at DESC, id DESC);
CREATE INDEX payouts_requested ON payouts (requested_at) WHERE state = 'REQUESTED';

-- Idempotency-Key of POST /sellers/me/payouts (the protocol of ADR 0016, the ledger's own
-- table): claimed first, DONE with the payout in one transaction, released on a refusal.
CREATE TABLE payout_idempotency_keys (
    seller_id        uuid        NOT NULL,
    key              text        NOT NULL,
    request_hash     text        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('IN_FLIGHT', 'DONE')),
    response_status  integer,
    response_body    text,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (seller_id, key)
);

-- The application's role has SELECT and INSERT on new tables (V5's default privileges). A
-- payout's state and a key's claim are the rows it moves itself; keys are deleted after 48 h.
GRANT UPDATE ON payouts TO pasar_app;
GRANT UPDATE, DELETE ON payout_idempotency_keys TO pasar_app;
