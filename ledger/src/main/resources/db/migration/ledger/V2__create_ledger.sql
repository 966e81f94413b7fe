-- A double-entry ledger (docs/ledger.md, ADR 0025). An entry's amount is signed: a debit is
-- positive, a credit negative, and every transaction's entries sum to zero. Entries and
-- transactions are never changed or deleted: a correction is a new transaction.

-- The platform's accounts have no seller; each seller has its own four. kind says which.
CREATE TABLE accounts (
    id          uuid        PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('GATEWAY_CLEARING', 'FEE_INCOME', 'REFUNDS_PAYABLE',
                                                     'SELLER_PENDING', 'SELLER_AVAILABLE', 'SELLER_WITHHELD_TAX',
                                                     'SELLER_PAYOUTS')),
    seller_id   uuid,
    -- A seller account's balance on its normal (credit) side, kept by the entries' trigger;
    -- 0 and unused on the platform's accounts (summed when asked: no row every posting waits on).
    balance_idr bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    CHECK ((seller_id IS NULL) = (kind IN ('GATEWAY_CLEARING', 'FEE_INCOME', 'REFUNDS_PAYABLE'))),
    -- What the platform owes a seller is never negative.
    CONSTRAINT seller_balance_not_negative CHECK (seller_id IS NULL OR balance_idr >= 0)
);
CREATE UNIQUE INDEX accounts_by_kind_and_seller ON accounts (kind, seller_id) NULLS NOT DISTINCT;

-- One money event. source_key names the event it posts (for example paid:<sellerOrderId>):
-- an event delivered twice posts nothing the second time.
CREATE TABLE transactions (
    id               uuid        PRIMARY KEY,
    kind             text        NOT NULL CHECK (kind IN ('PAYMENT_SETTLED', 'SELLER_ORDER_COMPLETED',
                                                          'SELLER_ORDER_REFUNDED', 'SETTLEMENT_NOT_TAKEN',
                                                          'REFUND_PAID', 'PAYOUT_REQUESTED', 'PAYOUT_PAID',
                                                          'PAYOUT_FAILED')),
    source_key       text        NOT NULL UNIQUE,
    seller_id        uuid,
    order_id         uuid,
    seller_order_id  uuid,
    -- The platform's invoice of a completed seller order: the proof of the PPh 22 collected.
    invoice_number   text        UNIQUE,
    occurred_at      timestamptz NOT NULL,
    posted_at        timestamptz NOT NULL
);
CREATE INDEX transactions_by_seller_order ON transactions (seller_order_id) WHERE seller_order_id IS NOT NULL;
CREATE INDEX transactions_by_kind_and_time ON transactions (kind, occurred_at);

CREATE TABLE entries (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id    uuid        NOT NULL REFERENCES transactions (id),
    account_id        uuid        NOT NULL REFERENCES accounts (id),
    amount_idr        bigint      NOT NULL CHECK (amount_idr <> 0),
    -- What the entry is, for the seller's statement.
    type              text        NOT NULL CHECK (type IN ('SALE', 'SALE_RELEASED', 'FEE', 'TAX', 'REFUND', 'PAYOUT',
                                                          'PAYOUT_RETURNED', 'SETTLEMENT')),
    -- A seller account's balance after this entry (null on the platform's accounts).
    balance_after_idr bigint,
    occurred_at       timestamptz NOT NULL
);
CREATE INDEX entries_by_account ON entries (account_id, id);
CREATE INDEX entries_by_transaction ON entries (transaction_id);

CREATE SEQUENCE invoice_numbers;

-- Nothing changes or removes a posted transaction or entry, whoever asks.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is insert-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER transactions_insert_only BEFORE UPDATE OR DELETE ON transactions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER transactions_no_truncate BEFORE TRUNCATE ON transactions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER entries_insert_only BEFORE UPDATE OR DELETE ON entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A seller account's balance moves with its entries, and only with them: the application's
-- role may not update accounts, so this function runs as the owner. The account's row is
-- locked by the update until the transaction ends: postings to one seller's account take
-- turns, and its balance_after is exact.
CREATE FUNCTION apply_entry() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = ledger, pg_temp
AS $$
BEGIN
    UPDATE accounts SET balance_idr = balance_idr - NEW.amount_idr
        WHERE id = NEW.account_id AND seller_id IS NOT NULL
        RETURNING balance_idr INTO NEW.balance_after_idr;
    RETURN NEW;
END $$;
CREATE TRIGGER entries_move_balances BEFORE INSERT ON entries
    FOR EACH ROW EXECUTE FUNCTION apply_entry();

-- Every transaction's entries sum to zero, checked when the inserting transaction commits
-- (its entries come one by one).
CREATE FUNCTION check_balanced() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = ledger, pg_temp
AS $$
DECLARE
    total bigint;
BEGIN
    SELECT coalesce(sum(amount_idr), 0) INTO total FROM entries WHERE transaction_id = NEW.transaction_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance: its entries sum to %', NEW.transaction_id, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER entries_balanced AFTER INSERT ON entries DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION check_balanced();
