-- Creators are paid out as sellers are (issue 21, item 6; docs/ledger.md, "Payouts"): a bank
-- account, a payout and an Idempotency-Key belong to a holder, as the accounts do since V7.
-- holder_kind says whether holder_id is a seller's id (onboarding) or a creator's (social);
-- every row until now is a seller's.

ALTER TABLE bank_accounts RENAME COLUMN seller_id TO holder_id;
ALTER TABLE bank_accounts ADD COLUMN holder_kind text NOT NULL DEFAULT 'SELLER'
    CHECK (holder_kind IN ('SELLER', 'CREATOR'));
ALTER TABLE bank_accounts ALTER COLUMN holder_kind DROP DEFAULT;
ALTER TABLE bank_accounts DROP CONSTRAINT bank_accounts_seller_id_version_key;
ALTER TABLE bank_accounts ADD CONSTRAINT bank_accounts_holder_version UNIQUE (holder_kind, holder_id, version);
-- What a payout's foreign key names: an account together with its holder.
ALTER TABLE bank_accounts ADD CONSTRAINT bank_accounts_id_holder UNIQUE (id, holder_kind, holder_id);

ALTER TABLE payouts RENAME COLUMN seller_id TO holder_id;
ALTER TABLE payouts ADD COLUMN holder_kind text NOT NULL DEFAULT 'SELLER'
    CHECK (holder_kind IN ('SELLER', 'CREATOR'));
ALTER TABLE payouts ALTER COLUMN holder_kind DROP DEFAULT;
-- A payout goes to an account of its own holder, whatever the code does.
ALTER TABLE payouts ADD CONSTRAINT payouts_to_own_account FOREIGN KEY (bank_account_id, holder_kind, holder_id)
    REFERENCES bank_accounts (id, holder_kind, holder_id);
DROP INDEX payouts_by_seller;
CREATE INDEX payouts_by_holder ON payouts (holder_kind, holder_id, requested_at DESC, id DESC);

ALTER TABLE payout_idempotency_keys RENAME COLUMN seller_id TO holder_id;
ALTER TABLE payout_idempotency_keys ADD COLUMN holder_kind text NOT NULL DEFAULT 'SELLER'
    CHECK (holder_kind IN ('SELLER', 'CREATOR'));
ALTER TABLE payout_idempotency_keys ALTER COLUMN holder_kind DROP DEFAULT;
ALTER TABLE payout_idempotency_keys DROP CONSTRAINT payout_idempotency_keys_pkey;
ALTER TABLE payout_idempotency_keys ADD PRIMARY KEY (holder_kind, holder_id, key);
