-- The compliance decision log: every identity, review, revocation and listing decision, in one
-- hash chain. hash = SHA-256(previous_hash || canonical JSON of the entry) as lower-case hex; the
-- canonical form is documented in docs/auditor-guide.md so that anyone can recompute it.
CREATE TABLE decisions (
    sequence         bigint      PRIMARY KEY CHECK (sequence > 0),
    decision_id      uuid        NOT NULL UNIQUE,
    subject_type     text        NOT NULL CHECK (subject_type IN ('SELLER_APPLICATION', 'SELLER_REVIEW',
                                     'SELLER_REVOCATION', 'LISTING_PUBLICATION', 'LISTING_SUSPENSION',
                                     'PLATFORM_AFFILIATE_LIST')),
    subject_id       uuid        NOT NULL,
    subject_version  integer,
    outcome          text        NOT NULL CHECK (outcome IN ('PASS', 'FAIL', 'REVIEW')),
    reasons          text[]      NOT NULL,
    actor            text        NOT NULL,
    decided_at       timestamptz NOT NULL,
    rule_set_version text        NOT NULL,
    previous_hash    text        NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    hash             text        NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX decisions_subject ON decisions (subject_id, subject_type, sequence);
CREATE INDEX decisions_decided_at ON decisions (decided_at, sequence);

-- One row: the head of the chain. Appenders lock it (SELECT ... FOR UPDATE) and move it, so
-- appends from any number of instances queue up behind each other and never fork the chain.
CREATE TABLE decision_log_head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    sequence  bigint  NOT NULL,
    hash      text    NOT NULL
);
INSERT INTO decision_log_head (singleton, sequence, hash) VALUES (true, 0, repeat('0', 64));

-- Append-only, whoever asks: no UPDATE, DELETE or TRUNCATE of a decision.
CREATE FUNCTION refuse_decision_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the compliance decision log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_decision_change();
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_decision_change();

-- Each entry must continue the chain exactly: no gap, no fork, no stranger's previous hash.
CREATE FUNCTION check_decision_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    expected text;
BEGIN
    IF NEW.sequence = 1 THEN
        expected := repeat('0', 64);
    ELSE
        SELECT hash INTO expected FROM compliance.decisions WHERE sequence = NEW.sequence - 1;
    END IF;
    IF expected IS NULL OR NEW.previous_hash <> expected THEN
        RAISE EXCEPTION 'decision % does not continue the chain', NEW.sequence
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER decisions_continue_chain BEFORE INSERT ON decisions
    FOR EACH ROW EXECUTE FUNCTION check_decision_chain();
