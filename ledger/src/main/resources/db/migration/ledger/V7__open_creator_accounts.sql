-- Creators hold accounts as sellers do (issue 21, docs/ledger.md "Commissions"): a creator's
-- commissions pending until their seller orders complete, its commissions it may be paid out,
-- and its payouts not yet paid. An account's holder is therefore a seller or a creator: the
-- column says so by its name, and the kind says which.
ALTER TABLE accounts RENAME COLUMN seller_id TO holder_id;
ALTER TABLE accounts RENAME CONSTRAINT seller_balance_not_negative TO holder_balance_not_negative;
ALTER TABLE accounts DROP CONSTRAINT accounts_kind_check;
ALTER TABLE accounts DROP CONSTRAINT accounts_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_kind_check
    CHECK (kind IN ('GATEWAY_CLEARING', 'FEE_INCOME', 'REFUNDS_PAYABLE', 'SELLER_PENDING', 'SELLER_AVAILABLE',
                    'SELLER_WITHHELD_TAX', 'SELLER_PAYOUTS', 'CREATOR_PENDING', 'CREATOR_AVAILABLE',
                    'CREATOR_PAYOUTS'));
ALTER TABLE accounts ADD CONSTRAINT accounts_holder_check
    CHECK ((holder_id IS NULL) = (kind IN ('GATEWAY_CLEARING', 'FEE_INCOME', 'REFUNDS_PAYABLE')));

-- A commission moves from the seller to the creator inside the seller order's own transactions.
ALTER TABLE entries DROP CONSTRAINT entries_type_check;
ALTER TABLE entries ADD CONSTRAINT entries_type_check
    CHECK (type IN ('SALE', 'SALE_RELEASED', 'FEE', 'TAX', 'REFUND', 'PAYOUT', 'PAYOUT_RETURNED', 'SETTLEMENT',
                    'COMMISSION', 'COMMISSION_EARNED', 'COMMISSION_REVERSED'));

-- The balance trigger reads the holder by its new name.
CREATE OR REPLACE FUNCTION apply_entry() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ledger, pg_temp
AS $$
BEGIN
    UPDATE accounts SET balance_idr = balance_idr - NEW.amount_idr
        WHERE id = NEW.account_id AND holder_id IS NOT NULL
        RETURNING balance_idr INTO NEW.balance_after_idr;
    RETURN NEW;
END $$;

-- What a paid seller order owes creators: one row per creator whose attribution one of its
-- lines carries, fixed at payment from the rates recorded on the order lines at placement.
-- status follows the seller order: PENDING until it closes, then EARNED (completed) or
-- REVERSED (refunded: cancelled or returned). The ledger's entries are the money; this row
-- is what the creator's and the auditors' reports read.
CREATE TABLE commissions (
    seller_order_id uuid        NOT NULL,
    creator_id      uuid        NOT NULL,
    order_id        uuid        NOT NULL,
    seller_id       uuid        NOT NULL,
    -- The attributed lines' item subtotal, and their commission (each line's rounded down).
    gross_idr       bigint      NOT NULL CHECK (gross_idr > 0),
    commission_idr  bigint      NOT NULL CHECK (commission_idr >= 0 AND commission_idr <= gross_idr),
    line_count      int         NOT NULL CHECK (line_count > 0),
    placed_at       timestamptz NOT NULL,
    paid_at         timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'EARNED', 'REVERSED')),
    closed_at       timestamptz,
    PRIMARY KEY (seller_order_id, creator_id),
    CHECK ((status = 'PENDING') = (closed_at IS NULL))
);
CREATE INDEX commissions_by_creator ON commissions (creator_id, paid_at DESC, seller_order_id);
CREATE INDEX commissions_by_payment ON commissions (paid_at);
GRANT UPDATE ON commissions TO pasar_app;
